/**
 * Dependencies on other features.
 *
 * Feature ids: `001-accounts`, `FEAT-001`, `FEATURE-0.1`, `Feature 003`, `FEAT-XXX`, and bracketed placeholders such as
 * `[001-feature-name]`, all kept as written (brackets included). Only ids written in one of these
 * places count:
 * - under a dependency heading (key `dependencies`, or heading words with depend / prerequisite),
 *   in list items, paragraphs and table rows;
 * - a bare number opening a list item under a dependency heading: `- 003: user ids`;
 * - after a label: `**Dependencies on Other Features**:` with a list below, `**Depends on**: 001-x`,
 *   `**Dependencies**: 001-x, 002-y`, plain `Depends on: FEAT-001` lines.
 * reason = the text after the id up to the next id (`- 001-accounts: user ids` → "user ids"), or null.
 * Not dependencies: the feature's own id, task ids (`TASK-001`, `T012`), ISO dates, links to another
 * feature's document outside these places. One entry per id and document (the first).
 */
import { sectionWords } from '../../markdown/heading-key.js';
import { plainText } from '../../markdown/inline.js';
import { sections } from '../../markdown/walk.js';
import type { Block, MarkdownDoc } from '../../markdown/types.js';
import { parseFeatureName, referencedNumber } from '../../workspace/feature-id.js';
import type { Dependency } from '../schema.js';
import { source, type DocContext } from './context.js';
import { documentLabels, itemText } from './file-plan-labels.js';

const FEATURE_ID = /\[(?:\d{3,}-[A-Za-z][\w-]*|(?:FEAT|FEATURE)[-_]?(?:\d+(?:\.\d+)*|X{2,})(?:-[A-Za-z][\w-]*)?)\]|(?<![\w/.-])(?:\d{3,}-[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|(?:FEAT|FEATURE)[-_]?(?:\d+(?:\.\d+)*|X{2,})(?:-[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)?|(?:Feature|FEATURE) \d{3,}(?!\.\d))(?![\w/])/g;
const DEP_LABEL = /^(?:dependencies(?: on other features)?|feature dependencies|depends on|dependent on|prerequisites?|requires|required features|blocked by)$/i;
const PLAIN_LABEL = /^\s*(?:dependencies(?: on other features)?|depends on|prerequisites?|blocked by)\s*:\s*(.+)$/i;
const DEP_HEADING = /depend|prerequisite|依赖|依賴|dependencias/;

export function extractDependencies(ctx: DocContext): Dependency[] {
  const found: Dependency[] = [];
  const scan = (raw: string, line: number) => found.push(...idsIn(ctx, raw, line));
  for (const s of sections(ctx.doc.root)) {
    if (s.key !== 'dependencies' && !DEP_HEADING.test(sectionWords(s))) continue;
    scanBlocks(ctx.doc, s.blocks, scan);
    bareNumbers(ctx, s.blocks, found);
  }
  for (const hit of documentLabels(ctx.doc.root)) {
    if (!DEP_LABEL.test(hit.label)) continue;
    if (hit.value) scan(hit.value, hit.line);
    if (hit.list) scanBlocks(ctx.doc, [hit.list], scan);
  }
  const plain = (text: string, line: number) => {
    const m = PLAIN_LABEL.exec(text);
    if (m && !/^\s*(?:\*\*|__)/.test(text)) scan(m[1]!, line);
  };
  plainLabelLines(ctx.doc, ctx.doc.root.blocks, plain);
  for (const s of sections(ctx.doc.root)) plainLabelLines(ctx.doc, s.blocks, plain);
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.source.line - b.source.line)
    .filter((d) => !seen.has(d.feature) && (seen.add(d.feature), true));
}

/** `- 003: user ids`: a bare feature number opening a list item, before a colon or a dash (a year is no feature). */
const BARE = /^\s*(\d{3,})\s*[:–—-]\s+(\S.*)$/;

/** Dependencies written as a bare number at the start of the list items of a dependency section. */
function bareNumbers(ctx: DocContext, blocks: Block[], out: Dependency[]): void {
  for (const b of blocks) {
    if (b.kind !== 'list') continue;
    for (const item of b.items) {
      const m = BARE.exec(plainText(itemText(ctx.doc, item).split('\n')[0]!));
      if (!m || /^(?:19|20)\d\d$/.test(m[1]!) || isOwn(m[1]!, ctx.featureId)) continue;
      out.push({ feature: m[1]!, reason: m[2]!.replace(/[\s,;.]+$/, '') || null, source: source(ctx, item.line) });
    }
  }
}

/** The feature ids of one line with their reasons. */
function idsIn(ctx: DocContext, raw: string, line: number): Dependency[] {
  const text = plainText(raw);
  const matches = [...text.matchAll(FEATURE_ID)].filter((m) => !/^\d{4}-\d{2}/.test(m[0]));
  return matches
    .filter((m) => !isOwn(m[0], ctx.featureId))
    .map((m) => {
      const i = matches.indexOf(m);
      const end = matches[i + 1]?.index ?? text.length;
      const reason = text.slice(m.index + m[0].length, end).replace(/^[\s:,;–—-]+|[\s,;–—-]+$|\s+and$/g, '').trim();
      return { feature: m[0], reason: reason || null, source: source(ctx, line) };
    });
}

function isOwn(id: string, featureId: string): boolean {
  const bare = id.replace(/^\[|\]$/g, '');
  const own = featureId.toLowerCase();
  if (own === bare.toLowerCase() || own.startsWith(bare.toLowerCase() + '-')) return true;
  const n = referencedNumber(bare);
  return n !== null && !/X{2,}/.test(bare) && n === parseFeatureName(featureId).number;
}

/** Every line of list items, paragraphs and table rows, with its line number. */
function scanBlocks(doc: MarkdownDoc, blocks: Block[], scan: (raw: string, line: number) => void): void {
  lines(doc, blocks, scan, true);
}

/** What PLAIN_LABEL needs in a text (a colon and one of its words): texts without it are not split into lines. */
const PLAIN_QUICK = /depend|prerequisite|blocked by/i;
const mayHoldPlainLabel = (text: string) => text.includes(':') && PLAIN_QUICK.test(text);

/** `lines` without tables, skipping the texts that cannot hold a plain dependency label. */
function plainLabelLines(doc: MarkdownDoc, blocks: Block[], visit: (raw: string, line: number) => void): void {
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      if (mayHoldPlainLabel(b.text)) b.text.split('\n').forEach((l, i) => visit(l, b.line + i));
    } else if (b.kind === 'quote') plainLabelLines(doc, b.children, visit);
    else if (b.kind === 'list') {
      for (const item of b.items) {
        const text = itemText(doc, item);
        if (mayHoldPlainLabel(text)) text.split('\n').forEach((l, i) => visit(l, item.line + i));
        plainLabelLines(doc, item.children, visit);
      }
    }
  }
}

function lines(doc: MarkdownDoc, blocks: Block[], visit: (raw: string, line: number) => void, tablesToo = false): void {
  for (const b of blocks) {
    if (b.kind === 'paragraph') b.text.split('\n').forEach((l, i) => visit(l, b.line + i));
    else if (b.kind === 'quote') lines(doc, b.children, visit, tablesToo);
    else if (b.kind === 'list') {
      for (const item of b.items) {
        itemText(doc, item).split('\n').forEach((l, i) => visit(l, item.line + i));
        lines(doc, item.children, visit, tablesToo);
      }
    } else if (b.kind === 'table' && tablesToo) {
      for (const r of b.rows) visit(r.cells.map((c) => c.text).join(' | '), r.line);
    }
  }
}
