/**
 * Formatting fixes that `--fix` applies beside the rules' own: tables aligned and padded, and
 * `:param` turned into `{param}` in endpoint headings. Unambiguous, idempotent, line-based.
 */
import type { Fix } from '../diagnostic.js';
import type { MarkdownDoc, TableBlock } from '../markdown/types.js';
import { deepBlocks } from '../markdown/walk.js';
import { rowStart, splitRow } from '../markdown/table.js';
import { displayWidth as width } from '../util/text.js';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

/**
 * The table rewritten with every column padded to its widest cell (in display columns); null when
 * ambiguous (a row wider than the header). The header keeps what precedes it in its line; the other
 * rows take the same, with a list item's marker turned into spaces, so the table stays in its block
 * quotes and list items.
 */
export function alignTable(lines: readonly string[], t: TableBlock): string[] | null {
  const lead = t.lead;
  const rowLead = lead.replace(/[^\s>]/g, ' ');
  const quotes = lead.split('>').length - 1;
  const header = t.header.cells.map((c) => escapeCell(c.text));
  const n = header.length;
  if (t.rows.some((r) => r.cells.length > n)) return null;
  const rows = t.rows.map((r) => Array.from({ length: n }, (_, i) => escapeCell(r.cells[i]?.text ?? '')));
  const delimLine = lines[t.delimiterLine - 1] ?? '';
  const delim = splitRow(delimLine, rowStart(delimLine, quotes)).map((c) => c.text);
  const align = Array.from({ length: n }, (_, i) => {
    const d = delim[i] ?? '---';
    return d.startsWith(':') && d.endsWith(':') ? 'center' : d.endsWith(':') ? 'right' : d.startsWith(':') ? 'left' : 'none';
  });
  const widths = Array.from({ length: n }, (_, i) => Math.max(3, width(header[i]!), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[], indent = rowLead) => `${indent}| ${cells.map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]! - width(c) + c.length) : c.padEnd(widths[i]! - width(c) + c.length))).join(' | ')} |`;
  const sep = `${rowLead}|${widths.map((w, i) => {
    const a = align[i];
    const dashes = '-'.repeat(w);
    return ` ${a === 'center' ? `:${dashes.slice(2)}:` : a === 'left' ? `:${dashes.slice(1)}` : a === 'right' ? `${dashes.slice(1)}:` : dashes} `;
  }).join('|')}|`;
  return [line(header, lead), sep, ...rows.map((r) => line(r))];
}

const ENDPOINT_HEADING = /^(\s{0,3}#{1,6}\s+(?:\d+\.\s*)?`?(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+)(\S+)/;

export function formatFixes(doc: MarkdownDoc): { fix: Fix; kind: 'table' | 'param' }[] {
  const out: { fix: Fix; kind: 'table' | 'param' }[] = [];
  for (const { block } of deepBlocks(doc.root)) {
    if (block.kind === 'table') {
      const aligned = alignTable(doc.sourceLines, block);
      if (!aligned) continue;
      const current = doc.sourceLines.slice(block.line - 1, block.endLine);
      if (aligned.join('\n') !== current.join('\n')) out.push({ kind: 'table', fix: { startLine: block.line, endLine: block.endLine, text: aligned.join('\n') } });
    }
  }
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const text = doc.sourceLines[block.line - 1] ?? '';
      const m = ENDPOINT_HEADING.exec(text);
      if (!m || !/\/:[A-Za-z_]/.test(m[2]!)) continue;
      const path = m[2]!.replace(/\/:([A-Za-z_][\w-]*)/g, '/{$1}');
      out.push({ kind: 'param', fix: { startLine: block.line, endLine: block.line, text: text.replace(m[0], m[1] + path) } });
    }
  }
  return out;
}
