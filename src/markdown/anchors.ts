/**
 * Heading anchors as GitHub makes them: `## 3. Data Models` -> `#3-data-models`, `## 🚀 Launch` ->
 * `#-launch`; repeats get `-1`, `-2`. Links are also accepted in the form renderers that collapse hyphen
 * runs and trim them at the ends produce (GitLab: `#api-v2-the-new-one` for `## API v2 — the new one`).
 */
import { plainText } from './inline.js';

export function slugHeading(title: string): string {
  return plainText(title)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchor with hyphen runs collapsed and none at either end. */
const loose = (anchor: string) => anchor.replace(/-+/g, '-').replace(/^-|-$/g, '');

export interface Anchors {
  /** GitHub's anchors. */
  exact: Set<string>;
  /** The same, loosened (see `loose`). */
  loose: Set<string>;
}

/** Every anchor of a Markdown text's ATX headings. */
export function anchorsOf(lines: readonly string[]): Anchors {
  const exact = new Set<string>();
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
    exact.add(n === 0 ? base : `${base}-${n}`);
  }
  return { exact, loose: new Set([...exact].map(loose)) };
}

/** Whether a link's anchor (as written after `#`, percent-encoded or not) names a heading. */
export function hasAnchor(anchors: Anchors, anchor: string): boolean {
  let a = anchor;
  try {
    a = decodeURIComponent(anchor);
  } catch {
    // a stray % is part of the anchor as written
  }
  a = a.toLowerCase();
  return anchors.exact.has(a) || anchors.loose.has(loose(a));
}
