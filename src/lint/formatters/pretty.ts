import type { Paint } from '../../cli/color.js';
import type { LintDiagnostic } from '../types.js';
import type { LintSummary } from './summary.js';
import { displayWidth, showControls } from '../../util/text.js';

// A document's control characters (escape sequences, bells, line breaks) are shown, never sent to the terminal.
const printable = (s: string) => showControls(s.replace(/\n/g, ' '));
const WIDE = 160;

/** The line as shown in a code frame (a long one cut around the column) and the caret's indent on screen. */
function frameLine(text: string, column: number): { shown: string; caret: number } {
  const col = Math.max(0, column - 1);
  let from = 0;
  let to = text.length;
  if (text.length > WIDE) {
    from = col > 100 ? col - 80 : 0;
    to = Math.min(text.length, from + WIDE - 6);
  }
  const cut = (a: number, b: number) => printable(text.slice(a, b).replace(/\t/g, ' '));
  const before = (from > 0 ? '...' : '') + cut(from, Math.min(col, to));
  return { shown: before + cut(Math.min(col, to), to) + (to < text.length ? '...' : ''), caret: displayWidth(before) };
}

/** Human output: each problem with a code frame, grouped by file, then a summary line. */
export function pretty(diags: readonly LintDiagnostic[], summary: LintSummary, lines: (path: string) => readonly string[] | undefined, p: Paint): string {
  const out: string[] = [];
  let last = '';
  for (const d of diags) {
    if (d.path !== last) {
      if (last) out.push('');
      out.push(p.bold(d.path));
      last = d.path;
    }
    const sev = d.severity === 'error' ? p.red('error') : d.severity === 'warning' ? p.yellow('warning') : p.cyan('info');
    out.push(`  ${p.dim(`${d.line}:${d.column}`.padEnd(7))} ${sev}  ${printable(d.message)}  ${p.dim(d.rule)}${d.fixable ? p.dim(' (fixable)') : ''}`);
    const src = lines(d.path);
    const text = src?.[d.line - 1];
    if (text !== undefined && text.trim() !== '') {
      const gutter = String(d.line).padStart(5);
      const { shown, caret } = frameLine(text, d.column);
      out.push(p.dim(`  ${gutter} | `) + shown);
      out.push(p.dim(`  ${' '.repeat(gutter.length)} | `) + ' '.repeat(caret) + p.red('^'));
    }
  }
  const problems = summary.errors + summary.warnings;
  const counts = `${summary.files} file${summary.files === 1 ? '' : 's'} in ${summary.features} feature${summary.features === 1 ? '' : 's'}`;
  if (problems === 0) out.push(p.green(`✓ no problems (${counts})`));
  else {
    if (out.length) out.push('');
    const e = `${summary.errors} error${summary.errors === 1 ? '' : 's'}`;
    const w = `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`;
    const fixable = diags.filter((d) => d.fixable).length;
    out.push(`${summary.errors ? p.red(`✖ ${e}`) : e}, ${summary.warnings ? p.yellow(w) : w} (${counts})${fixable ? `; ${fixable} fixable with --fix` : ''}`);
  }
  return out.join('\n');
}
