import type { Block, CodeBlock, ListItem, MarkdownDoc, Section, TableBlock } from './types.js';

export interface SectionBlock<B extends Block = Block> {
  block: B;
  section: Section;
}

export interface SectionItem {
  item: ListItem;
  depth: number;
  section: Section;
  parent: ListItem | null;
}

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

// The walks below return arrays built by plain recursion (no generators, nothing kept per document).

function pushBlocks(section: Section, out: SectionBlock[]): void {
  for (const block of section.blocks) out.push({ block, section });
  for (const c of section.children) pushBlocks(c, out);
}

function pushDeep(block: Block, section: Section, out: SectionBlock[], kind: Block['kind'] | null): void {
  if (kind === null || block.kind === kind) out.push({ block, section });
  if (block.kind === 'quote') for (const c of block.children) pushDeep(c, section, out, kind);
  else if (block.kind === 'list') for (const it of block.items) for (const c of it.children) pushDeep(c, section, out, kind);
}

function deepOf(section: Section, kind: Block['kind'] | null, out: SectionBlock[]): void {
  for (const block of section.blocks) pushDeep(block, section, out, kind);
  for (const c of section.children) deepOf(c, kind, out);
}

/** Blocks of a section and all its sub-sections, in document order, headings excluded. */
export function sectionBlocks(section: Section): SectionBlock[] {
  const out: SectionBlock[] = [];
  pushBlocks(section, out);
  return out;
}

/**
 * A walk that remembers its last section and answer: the lint runs every rule over one document before
 * the next, and several rules walk the same root. Only the last is kept (no document keeps its walks),
 * and the answer is shared, so it is frozen: a caller that tried to change it would throw.
 */
function lastOf<B extends Block>(kind: Block['kind'] | null): (section: Section) => readonly SectionBlock<B>[] {
  let last: Section | null = null;
  let answer: readonly SectionBlock<B>[] = [];
  return (section) => {
    if (section !== last) {
      const out: SectionBlock[] = [];
      deepOf(section, kind, out);
      answer = Object.freeze(out as SectionBlock<B>[]);
      last = section;
    }
    return answer;
  };
}

/** Every block of the document with its section, descending into lists and quotes. */
export const deepBlocks: (section: Section) => readonly SectionBlock[] = lastOf(null);

/** Every code block of the section and its sub-sections, descending into lists and quotes. */
export const codeBlocks: (section: Section) => readonly SectionBlock<CodeBlock>[] = lastOf('code');

/** Every table of the section and its sub-sections, descending into lists and quotes. */
export const tables: (section: Section) => readonly SectionBlock<TableBlock>[] = lastOf('table');

function pushItems(block: Block, section: Section, depth: number, parent: ListItem | null, out: SectionItem[]): void {
  if (block.kind === 'quote') for (const c of block.children) pushItems(c, section, depth, parent, out);
  if (block.kind !== 'list') return;
  for (const item of block.items) {
    out.push({ item, depth, section, parent });
    for (const c of item.children) pushItems(c, section, depth + 1, item, out);
  }
}

function itemsOf(section: Section, out: SectionItem[]): void {
  for (const block of section.blocks) pushItems(block, section, 0, null, out);
  for (const c of section.children) itemsOf(c, out);
}

/** Every list item of the section (nested ones too) with its depth (0 = top level). */
export function listItems(section: Section): SectionItem[] {
  const out: SectionItem[] = [];
  itemsOf(section, out);
  return out;
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
