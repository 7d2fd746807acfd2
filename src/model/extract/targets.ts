/**
 * Targets: measurable goals.
 *
 * Read from list items and table rows under performance headings (key `performance`, and headings
 * such as Response Times, Concurrent Users, SLOs, Scalability, Latency, Throughput, nested ones
 * too; not under testing or troubleshooting), from tables anywhere with a Target / Goal / Threshold /
 * SLO column, and from `**Performance Goals**:` labels (one target per `;` or `,` part).
 * An item is a target when it holds a number, or a placeholder value (`Support: [Number] users`,
 * value null). See targets-parse.ts for metric, value and unit.
 */
import { sectionWords } from '../../markdown/heading-key.js';
import { plainText } from '../../markdown/inline.js';
import type { Block, MarkdownDoc, Section, TableBlock } from '../../markdown/types.js';
import type { Target } from '../schema.js';
import { source, type DocContext } from './context.js';
import { documentLabels, itemText } from './file-plan-labels.js';
import { parseTarget } from './targets-parse.js';

const PERF_WORDS = /\b(?:performance|response times?|latency|throughput|concurrent users|concurrency|slos?|slas?|scalability|capacity|load targets?|service level objectives?)\b|性能|效能|rendimiento/;
const NOT_PERF = /\b(?:tests?|testing|issues|troubleshooting|optimi[sz]ations?|considerations|indexes|tuning)\b/;
const TARGET_COL = /^(?:targets?|goals?|thresholds?|slos?|budgets?|limits?|objectives?|target values?)$/i;
const LABELS = /^(?:performance(?: goals| targets| requirements| budget)?|slos?|performance targets?)$/i;

export function extractTargets(ctx: DocContext): Target[] {
  const out: Target[] = [];
  const add = (text: string, line: number, requireNumber: boolean) => {
    const t = parseTarget(text);
    if (t.value === null && (requireNumber || !t.placeholder || !t.metric)) return;
    out.push({ text, metric: t.metric, value: t.value, unit: t.unit, source: source(ctx, line) });
  };
  // Sections in document order, each knowing whether it is under a performance heading.
  const visit = (s: Section, parentPerf: boolean) => {
    const perf = performanceVerdict(s) ?? parentPerf;
    for (const b of s.blocks) {
      if (b.kind === 'table' && (perf || targetColumn(b) >= 0)) tableTargets(b, add);
      else if (perf) listTargets(ctx.doc, [b], add);
    }
    for (const c of s.children) visit(c, perf);
  };
  for (const c of ctx.doc.root.children) visit(c, false);
  for (const hit of documentLabels(ctx.doc.root)) {
    if (!LABELS.test(hit.label) || !hit.value) continue;
    for (const part of plainText(hit.value).split(/\s*[;；]\s*|,\s+(?![^()]*\))/)) if (part) add(part, hit.line, true);
  }
  return out.sort((a, b) => a.source.line - b.source.line);
}

/** Whether a heading makes its section a performance one (true), not one (false), or says nothing (null: the parent decides). */
function performanceVerdict(s: Section): boolean | null {
  const words = sectionWords(s);
  if (s.key === 'testing' || s.key === 'troubleshooting' || NOT_PERF.test(words)) return false;
  if (s.key === 'performance' || PERF_WORDS.test(words)) return true;
  return null;
}

function listTargets(doc: MarkdownDoc, blocks: Block[], add: (text: string, line: number, requireNumber: boolean) => void): void {
  for (const b of blocks) {
    if (b.kind === 'quote') listTargets(doc, b.children, add);
    if (b.kind !== 'list') continue;
    for (const item of b.items) {
      const first = itemText(doc, item).split('\n')[0] ?? '';
      if (first.trim()) add(plainText(first), item.line, false);
      listTargets(doc, item.children, add);
    }
  }
}

function targetColumn(t: TableBlock): number {
  return t.header.cells.findIndex((c) => TARGET_COL.test(plainText(c.text).trim()));
}

function tableTargets(t: TableBlock, add: (text: string, line: number, requireNumber: boolean) => void): void {
  const col = targetColumn(t);
  for (const r of t.rows) {
    const cells = r.cells.map((c) => plainText(c.text));
    const metric = cells[0] ?? '';
    const value = cells[col >= 0 ? col : 1] ?? '';
    if (!metric || !value || col === 0) continue;
    add(`${metric}: ${value}`, r.line, false);
  }
}
