/** GitHub-style heading anchors: `## 3. Data Models` -> `#3-data-models`; repeats get `-1`, `-2`. */
import { plainText } from './inline.js';

export function slugHeading(title: string): string {
  return plainText(title)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Every anchor of a Markdown text's ATX headings. */
export function anchorsOf(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  const counts = new Map<string, number>();
  let fence: string | null = null;
  for (const line of lines) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const base = slugHeading(h[1]!);
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}
