/** Document-level facts: title, summary paragraph, last-updated date. */
import { boldLabel, plainText } from '../markdown/inline.js';
import { findSections, h1, sectionBlocks } from '../markdown/walk.js';
import type { Block, MarkdownDoc } from '../markdown/types.js';

export function docTitle(doc: MarkdownDoc): string {
  const t = h1(doc);
  if (t) return t.title;
  const fm = doc.frontMatter['title'];
  if (typeof fm === 'string') return fm;
  for (const b of doc.blocks) if (b.kind === 'heading') return plainText(b.text);
  return '';
}

const isProse = (b: Block) => b.kind === 'paragraph' && !boldLabel(b.text) && !/^\s*(?:\*\*|_|>|\[|<)/.test(b.text) && plainText(b.text).length > 20;

/** First paragraph of the Overview (or of the document). */
export function docSummary(doc: MarkdownDoc): string | null {
  for (const s of findSections(doc.root, 'overview')) {
    for (const { block } of sectionBlocks(s)) if (isProse(block)) return plainText((block as { text: string }).text);
  }
  for (const b of doc.blocks) if (isProse(b)) return plainText((b as { text: string }).text);
  return null;
}

const DATE_LABEL = /^(?:last[ -]?updated|updated|date|last[ -]?modified|fecha|更新日期|日期)$/i;

/** An ISO date written next to a "Last Updated" (or "Date") label or in front matter. */
export function docLastUpdated(doc: MarkdownDoc): string | null {
  for (const key of ['lastUpdated', 'last_updated', 'updated', 'date']) {
    const v = doc.frontMatter[key];
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  }
  const limit = Math.min(doc.sourceLines.length, 40);
  for (let i = 0; i < limit; i++) {
    const line = doc.sourceLines[i]!;
    // A bold label needs `**` or `__`, the plain form a colon: lines with neither hold no date label.
    if (!line.includes(':') && !line.includes('**') && !line.includes('__')) continue;
    for (const part of line.split('|')) {
      const bl = boldLabel(part.trim().replace(/^>\s*/, ''));
      if (bl && DATE_LABEL.test(bl.label)) {
        const m = /\d{4}-\d{2}-\d{2}/.exec(bl.value);
        if (m) return m[0];
      }
      const plain = /^\s*>?\s*(last[ -]?updated|date)\s*:\s*(\d{4}-\d{2}-\d{2})/i.exec(part);
      if (plain) return plain[2]!;
    }
  }
  return null;
}
