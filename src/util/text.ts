/** Text helpers that regular expressions make quadratic on long, unclosed input. */

/**
 * `text.replace(/\([^)]*\)/g, by)`: every parenthesized run (up to the first `)` after its `(`)
 * replaced, in one pass. The regular expression scanned from every `(` to the end of a text without a
 * closing `)`, which made a long line of them quadratic.
 */
export function replaceParenthesized(text: string, by: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('(', from);
    if (open < 0) break;
    const close = text.indexOf(')', open + 1);
    if (close < 0) break; // no later `(` has a `)` after it either
    out += text.slice(from, open) + by;
    from = close + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The lines of a text as featspec reads them: split at any line ending (`\r\n`, `\r`, `\n`), without the
 * empty line after a final line break; `finalNewline` says whether there was one to drop.
 */
export function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const finalNewline = lines.length > 1 && lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** Where each line starts in the text the lines make when joined by `\n`. */
export function lineStarts(lines: readonly string[]): number[] {
  const starts = new Array<number>(lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = at;
    at += lines[i]!.length + 1;
  }
  return starts;
}

/** The index of the line holding `offset` (the last start at or before it; 0 for an empty list). */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
