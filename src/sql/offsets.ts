/**
 * libpg-query reports positions as UTF-8 byte offsets; featspec works in JavaScript string offsets
 * (UTF-16 code units). These helpers convert between the two and rewrite the locations in a tree.
 */

/** Maps a UTF-8 byte offset of `text` to its string offset; identity for ASCII text. */
export type ByteToChar = (byteOffset: number) => number;

/** The conversion of ASCII text, where byte and string offsets are the same. */
export const IDENTITY: ByteToChar = (b) => b;

export function byteToChar(text: string): ByteToChar {
  if (/^[\x00-\x7f]*$/.test(text)) return IDENTITY;
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map.push(i);
    i += cp >= 0x10000 ? 2 : 1;
  }
  map.push(text.length);
  return (b) => (b <= 0 ? 0 : b >= map.length ? text.length : map[b]!);
}

const LOCATION_KEYS = new Set(['location', 'stmt_location']);

/** Rewrite every `location` in a parse tree (in place) with `f`; -1 (unknown) is kept. */
export function mapLocations(node: unknown, f: (offset: number) => number): void {
  if (f === IDENTITY) return;
  if (Array.isArray(node)) {
    for (const x of node) mapLocations(x, f);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const rec = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(rec)) {
    if (typeof v === 'number') {
      if (LOCATION_KEYS.has(k) && v >= 0) rec[k] = f(v);
    } else if (v !== null && typeof v === 'object') mapLocations(v, f);
  }
}

/** String offset of the `n`th code point of `text` (PostgreSQL error positions count characters, not bytes). */
export function codePointToChar(text: string, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < text.length; k++) i += text.codePointAt(i)! >= 0x10000 ? 2 : 1;
  return i;
}
