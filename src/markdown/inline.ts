/** Helpers for raw inline Markdown (the parser keeps inline text raw; these strip or read it). */

/** Remove emphasis, code ticks, links and images, HTML tags; keep the visible text. */
export function plainText(raw: string): string {
  return raw
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
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
  const m = /^\s*(\*\*|__)([^*_]+?)\s*(:?)\s*\1\s*(:|-|–|—)?\s*(.*)$/s.exec(raw);
  if (!m) return null;
  const colonInside = m[3] === ':';
  if (!colonInside && !m[4]) return null;
  return { label: plainText(m[2]!).trim(), value: m[5]!.trim() };
}

/** Every `code span` of the text, in order. */
export function codeSpans(raw: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) out.push(m[2]!.trim());
  return out;
}
