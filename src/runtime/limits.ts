/**
 * Rate limits from the designs: a feature's Security section sentence such as "120 requests per minute
 * per account on write endpoints" or "60 subscription changes per minute" limits that feature's routes,
 * per caller (token subject, else IP address). Sentences about writes or changes limit only POST, PUT,
 * PATCH and DELETE. Features that state none get the default (100 per minute).
 */
import { plainText } from '../markdown/inline.js';
import type { Block, MarkdownDoc } from '../markdown/types.js';
import { findSections, sectionBlocks } from '../markdown/walk.js';
import type { Feature } from '../model/schema.js';

export interface RateLimit {
  max: number;
  windowMs: number;
  writesOnly: boolean;
  /** Where it is written (`path:line`), or `default`. */
  origin: string;
}

export const DEFAULT_LIMIT: RateLimit = { max: 100, windowMs: 60_000, writesOnly: false, origin: 'default' };

const WINDOWS: Record<string, number> = { s: 1000, sec: 1000, second: 1000, m: 60_000, min: 60_000, minute: 60_000, h: 3_600_000, hr: 3_600_000, hour: 3_600_000, d: 86_400_000, day: 86_400_000 };
const LIMIT = /(\d[\d,]*)\s+(?:[a-z-]+\s+){0,3}?(requests?|reqs?|calls?|changes?|writes?|updates?|operations?|ops|hits?)\s*(?:\/|per|an?|each|every)\s*(second|sec|s|minute|min|m|hour|hr|h|day|d)\b/i;
const WRITES = /\b(?:writes?|changes?|updates?|mutations?|mutating)\b/i;

function* texts(block: Block): Generator<{ text: string; line: number }> {
  if (block.kind === 'paragraph') yield { text: block.text, line: block.line };
  else if (block.kind === 'list') {
    for (const item of block.items) {
      yield { text: item.text, line: item.line };
      for (const c of item.children) yield* texts(c);
    }
  } else if (block.kind === 'quote') for (const c of block.children) yield* texts(c);
  else if (block.kind === 'table') for (const row of block.rows) yield { text: row.cells.map((c) => c.text).join(' '), line: row.line };
}

/** One limit from a sentence, or null. */
export function readLimit(sentence: string, origin: string): RateLimit | null {
  const text = plainText(sentence);
  const m = LIMIT.exec(text);
  if (!m) return null;
  const max = Number(m[1]!.replace(/,/g, ''));
  if (!(max > 0)) return null;
  return { max, windowMs: WINDOWS[m[3]!.toLowerCase()]!, writesOnly: WRITES.test(m[2]!) || WRITES.test(text), origin };
}

/** The limits a feature's documents state in their Security sections (first general one, first writes-only one). */
export function featureLimits(feature: Feature, docs: ReadonlyMap<string, { doc: MarkdownDoc }>): RateLimit[] {
  let all: RateLimit | null = null;
  let writes: RateLimit | null = null;
  for (const d of feature.docs) {
    const parsed = docs.get(d.path);
    if (!parsed) continue;
    for (const section of findSections(parsed.doc.root, 'security')) {
      for (const { block } of sectionBlocks(section)) {
        for (const t of texts(block)) {
          const l = readLimit(t.text, `${d.path}:${t.line}`);
          if (!l) continue;
          if (l.writesOnly) writes ??= l;
          else all ??= l;
        }
      }
    }
  }
  return [all, writes].filter((l): l is RateLimit => l !== null);
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The limit of one route of a feature. */
export function routeLimit(limits: readonly RateLimit[], method: string, fallback: RateLimit = DEFAULT_LIMIT): RateLimit {
  const write = WRITE_METHODS.has(method);
  return (write ? limits.find((l) => l.writesOnly) : undefined) ?? limits.find((l) => !l.writesOnly) ?? fallback;
}
