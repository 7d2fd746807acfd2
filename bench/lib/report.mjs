/** docs/benchmarks.md: each suite owns the text between its markers; everything else is kept. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const HEADER = [
  '# Benchmarks',
  '',
  'Numbers written by `npm run bench` (bench/run.mjs) on the corpus that `bench/generate.mjs` builds',
  '(deterministic: the same seed and size give the same files). Each suite rewrites only its own',
  'section, between its `<!-- bench:<suite>:start -->` and `<!-- bench:<suite>:end -->` markers;',
  'the rest of this file is kept as written.',
  '',
].join('\n');

const markers = (suite) => [`<!-- bench:${suite}:start -->`, `<!-- bench:${suite}:end -->`];

/** The file's text with `suite`'s section replaced (or appended when absent). */
export function replaceSection(text, suite, body) {
  const [start, end] = markers(suite);
  const section = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) return text.slice(0, i) + section + text.slice(j + end.length);
  return `${text.replace(/\s*$/, '')}\n\n${section}\n`;
}

export function writeSection(file, suite, body) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, replaceSection(text, suite, body));
}

/** A Markdown table; `align` is 'l' or 'r' per column. */
export function markdownTable(head, rows, align) {
  const sep = align.map((a) => (a === 'r' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The same table as aligned plain text for the console. */
export function textTable(head, rows, align) {
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => r.map((x, c) => (align[c] === 'r' ? String(x).padStart(widths[c]) : String(x).padEnd(widths[c]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmt = (n, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The closing lines of a report section: how to run it again. */
export const reproduce = (command) => ['Reproduce:', '', '```sh', command, '```'];
