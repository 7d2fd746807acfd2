/**
 * Bold labels with their values and lists, wherever they are written:
 * `**Files**:` followed by a list, `- **Depends on**: 001-x` with sub-bullets,
 * `**Priority**: P1 | **Dependencies**: TASK-003` (several labels on one line).
 * Shared by the file plan, task and dependency extractors.
 */
import { boldLabel } from '../../markdown/inline.js';
import { sections } from '../../markdown/walk.js';
import type { Block, ListBlock, ListItem, MarkdownDoc, Section } from '../../markdown/types.js';

export interface LabelHit {
  label: string;
  /** Raw Markdown after the label on the same line ('' when the value is a list below). */
  value: string;
  line: number;
  /** The list written right below the label (next block, or the item's first sub-list). */
  list: ListBlock | null;
  section: Section;
}

// Several extractors ask for the same labels: read each section once (the tree is immutable).
const CACHE = new WeakMap<Section, LabelHit[]>();
const DOC_CACHE = new WeakMap<Section, LabelHit[]>();
/** Most sections have no label: they share one empty list (callers never mutate the lists). */
const NONE: LabelHit[] = [];

/** Every bold label of the section's own blocks (lists and quotes included, sub-sections excluded). */
export function sectionLabels(section: Section): LabelHit[] {
  let hits = CACHE.get(section);
  if (!hits) {
    hits = [];
    inBlocks(section.blocks, section, hits);
    if (hits.length === 0) hits = NONE;
    CACHE.set(section, hits);
  }
  return hits;
}

/** Every bold label of the document, in document order. */
export function documentLabels(root: Section): readonly LabelHit[] {
  let hits = DOC_CACHE.get(root);
  if (!hits) {
    hits = [...sectionLabels(root)];
    for (const s of sections(root)) for (const h of sectionLabels(s)) hits.push(h);
    DOC_CACHE.set(root, hits);
  }
  return hits;
}

/** A label needs `**` or `__` on its line (see lineLabels): text without either holds none. */
const mayHoldLabel = (text: string) => text.includes('**') || text.includes('__');

function inBlocks(blocks: Block[], section: Section, out: LabelHit[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph') {
      if (!mayHoldLabel(b.text)) continue;
      const lines = b.text.split('\n');
      const next = blocks[i + 1];
      for (let j = 0; j < lines.length; j++) {
        const last = j === lines.length - 1;
        for (const hit of lineLabels(lines[j]!)) {
          const list = last && hit.value === '' && next?.kind === 'list' ? next : null;
          out.push({ label: hit.label, value: hit.value, line: b.line + j, list, section });
        }
      }
    } else if (b.kind === 'quote') {
      inBlocks(b.children, section, out);
    } else if (b.kind === 'list') {
      for (const item of b.items) {
        if (mayHoldLabel(item.text)) {
          const nl = item.text.indexOf('\n');
          const first = nl < 0 ? item.text : item.text.slice(0, nl);
          const hits = lineLabels(first);
          if (hits.length > 0) {
            const sub = item.children.find((c): c is ListBlock => c.kind === 'list') ?? null;
            for (const hit of hits) out.push({ label: hit.label, value: hit.value, line: item.line, list: hit.value === '' ? sub : null, section });
          }
        }
        if (item.children.length > 0) inBlocks(item.children, section, out);
      }
    }
  }
}

/** The labels of one line: `**A**: x | **B**: y` gives two. */
export function lineLabels(line: string): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  if (!line.includes('**') && !line.includes('__')) return out;
  for (const seg of line.split(/\s+\|\s+(?=\*\*|__)/)) {
    const l = boldLabel(seg);
    if (l) out.push({ label: l.label.replace(/:$/, '').trim(), value: l.value });
  }
  return out;
}

/**
 * The text of a list item. An item written as `- [Decision 1]: [Rationale]` is a link reference
 * definition to the Markdown parser, which drops it (the item's text is empty): read it from the source line.
 */
export function itemText(doc: MarkdownDoc, item: ListItem): string {
  if (item.text !== '' || item.children.length > 0) return item.text;
  const line = doc.sourceLines[item.line - 1] ?? '';
  return line.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX-]\]\s+)?/, '').trim();
}
