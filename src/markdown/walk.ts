import type { Block, CodeBlock, ListItem, MarkdownDoc, Section, TableBlock } from './types.js';

const SECTIONS = new WeakMap<Section, Section[]>();

/** Every section of the tree, depth first, in document order (the root excluded). Cached: the tree is immutable. */
export function sections(root: Section): Section[] {
  let list = SECTIONS.get(root);
  if (!list) {
    list = [];
    const visit = (s: Section) => {
      for (const c of s.children) {
        list!.push(c);
        visit(c);
      }
    };
    visit(root);
    SECTIONS.set(root, list);
  }
  return list;
}

/** Sections whose key is one of `keys`, outermost only (a matching section's sub-sections are not repeated). */
export function findSections(root: Section, ...keys: string[]): Section[] {
  const out: Section[] = [];
  const visit = (s: Section) => {
    for (const c of s.children) {
      if (keys.includes(c.key)) out.push(c);
      else visit(c);
    }
  };
  visit(root);
  return out;
}

/** True when the section or one of its ancestors has one of the keys. */
export function within(section: Section | null, ...keys: string[]): boolean {
  for (let s = section; s; s = s.parent) if (keys.includes(s.key)) return true;
  return false;
}

/** Blocks of a section and all its sub-sections, in document order, headings excluded. */
export function* sectionBlocks(section: Section): Generator<{ block: Block; section: Section }> {
  for (const block of section.blocks) yield { block, section };
  for (const c of section.children) yield* sectionBlocks(c);
}

/** Every block of the document with its section, descending into lists and quotes. */
export function* deepBlocks(section: Section): Generator<{ block: Block; section: Section }> {
  for (const { block, section: s } of sectionBlocks(section)) yield* deep(block, s);
}

function* deep(block: Block, section: Section): Generator<{ block: Block; section: Section }> {
  yield { block, section };
  if (block.kind === 'quote') for (const c of block.children) yield* deep(c, section);
  if (block.kind === 'list') for (const it of block.items) for (const c of it.children) yield* deep(c, section);
}

export function* codeBlocks(section: Section): Generator<{ block: CodeBlock; section: Section }> {
  for (const x of deepBlocks(section)) if (x.block.kind === 'code') yield x as { block: CodeBlock; section: Section };
}

export function* tables(section: Section): Generator<{ block: TableBlock; section: Section }> {
  for (const x of deepBlocks(section)) if (x.block.kind === 'table') yield x as { block: TableBlock; section: Section };
}

/** Every list item of the section (nested ones too) with its depth (0 = top level). */
export function* listItems(section: Section): Generator<{ item: ListItem; depth: number; section: Section; parent: ListItem | null }> {
  for (const { block, section: s } of sectionBlocks(section)) yield* items(block, s, 0, null);
}

function* items(block: Block, section: Section, depth: number, parent: ListItem | null): Generator<{ item: ListItem; depth: number; section: Section; parent: ListItem | null }> {
  if (block.kind === 'quote') for (const c of block.children) yield* items(c, section, depth, parent);
  if (block.kind !== 'list') return;
  for (const item of block.items) {
    yield { item, depth, section, parent };
    for (const c of item.children) yield* items(c, section, depth + 1, item);
  }
}

/** The section that contains a line. */
export function sectionAt(doc: MarkdownDoc, line: number): Section {
  let s = doc.root;
  for (;;) {
    const next = s.children.find((c) => c.line <= line && line <= c.endLine);
    if (!next) return s;
    s = next;
  }
}

/** The first H1 of the document, or null. */
export function h1(doc: MarkdownDoc): Section | null {
  for (const s of sections(doc.root)) if (s.level === 1) return s;
  return null;
}
