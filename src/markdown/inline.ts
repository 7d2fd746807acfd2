/** Helpers for raw inline Markdown (the parser keeps inline text raw; these strip or read it). */

const MARKUP = /[[<*_`\\!\n\t\r]|\s\s|^\s|\s$/;

/**
 * A Markdown link (`[text](target)`, `$1` its text). The text holds no bracket and the target no `(`
 * but one balanced pair, so each attempt stops at the next bracket or parenthesis (`[a]([a](…` or
 * `[[[…` made every attempt scan the rest of the text, quadratic in a long line).
 */
export const MARKDOWN_LINK = /\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g;
const PLAIN_CACHE = new Map<string, string>();

/** Remove emphasis, code ticks, links and images, HTML tags; keep the visible text (code spans verbatim). */
export function plainText(raw: string): string {
  if (!MARKUP.test(raw)) return raw;
  const hit = PLAIN_CACHE.get(raw);
  if (hit !== undefined) return hit;
  // Code spans first, so that `__init__.py` keeps its underscores.
  const spans: string[] = [];
  let s = raw.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _t, code: string) => `\u0000${spans.push(code.trim()) - 1}\u0000`);
  s = s
    // Images and tags, like links, stop each attempt at the next bracket, parenthesis or `<`.
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(MARKDOWN_LINK, '$1')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => spans[Number(i)]!);
  if (PLAIN_CACHE.size > 50_000) PLAIN_CACHE.clear();
  PLAIN_CACHE.set(raw, s);
  return s;
}

export interface BoldLabel {
  label: string;
  value: string;
}

/**
 * Read a bold label line: `**Authentication**: Required`, `**Phase:** 2`, `__Auth__ - x`.
 * Returns null when the text does not start with a bold label followed by a value separator.
 */
export function boldLabel(raw: string): BoldLabel | null {
  if (!raw.includes('**') && !raw.includes('__')) return null; // the label's markers
  const m = /^\s*(\*\*|__)([^*_]+?)\s*(:?)\s*\1\s*(:|-|–|—)?\s*(.*)$/s.exec(raw);
  if (!m) return null;
  const colonInside = m[3] === ':';
  if (!colonInside && !m[4]) return null;
  return { label: plainText(m[2]!).trim(), value: m[5]!.trim() };
}

/** Every `code span` of the text, in order. */
export function codeSpans(raw: string): string[] {
  const out: string[] = [];
  if (!raw.includes('`')) return out;
  for (const m of raw.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) out.push(m[2]!.trim());
  return out;
}
