/** Feature folder names: `002-bookmarks`, `FEAT-002-bookmarks`, or a bare Kiro name. */
export interface ParsedId {
  number: number | null;
  slug: string;
}

const NUMBERED = /^(?:feat[-_]?)?(\d{3,})[-_](.+)$/i;

export function parseFeatureName(name: string): ParsedId & { numbered: boolean } {
  const m = NUMBERED.exec(name);
  if (m) return { number: Number(m[1]), slug: m[2]!, numbered: true };
  return { number: null, slug: name, numbered: false };
}

/** A feature reference as written in a document: `001-accounts`, `FEAT-001`, `001`. Returns its number or null. */
export function referencedNumber(ref: string): number | null {
  const m = /^(?:feat(?:ure)?[-_ ]?)?(\d{3,})(?:\b|[-_])/i.exec(ref.trim());
  return m ? Number(m[1]) : null;
}

/** Latin letters that carry no accent to strip, spelled out (`Straße` -> `strasse`, `Ærø` -> `aero`). */
const SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** A folder slug from a title: ASCII letters and digits joined by hyphens, accents stripped, at most 60 characters. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPELLED[c]!)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'feature';
}
