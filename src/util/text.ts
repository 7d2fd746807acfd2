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

// East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, kana, Hangul syllables, fullwidth forms) and
// emoji shown as emoji by default: two columns in a monospace font.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{1B000}-\u{1B2FF}\u{1F200}-\u{1F2FF}\u{20000}-\u{3FFFD}]|\p{Emoji_Presentation}/u;
// Combining marks, zero-width spaces and joiners, variation selectors: no column of their own.
const ZERO = /^[\p{M}\u200B-\u200F\u2060\uFE00-\uFE0F]+$/u;
let graphemes: Intl.Segmenter | undefined;

/**
 * Columns a text takes in a monospace font, per user-perceived character: two for East Asian wide
 * characters and emoji, none for a lone combining mark or joiner, one otherwise.
 */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7E]*$/.test(text)) return text.length;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    width += WIDE.test(segment) ? 2 : ZERO.test(segment) ? 0 : 1;
  }
  return width;
}

/** Control characters but tab and line feed (escape sequences, bells, carriage returns), each shown as `\xNN`. */
export function showControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
