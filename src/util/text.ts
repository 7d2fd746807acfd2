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
