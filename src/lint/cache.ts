/**
 * `lint --cache`: what a run can reuse from the previous one, in one file (default
 * `.featspec/cache/lint`): the built model of every feature whose documents did not change (keyed by
 * a hash of their paths and texts) and the results of mermaid diagrams (keyed by their text).
 * Documents are still read and the rules still run; what is saved is extraction and the mermaid
 * start-up. A cache written by another featspec or Node version, or one that cannot be read, is
 * ignored. The file is replaced atomically when a run changed something: it then holds the features
 * that run used (and, after a lint of some documents, which looks at few features, the others it
 * held too, an edited feature's old entry excepted), and the diagrams it looked up followed by earlier
 * ones (up to a limit), so that a run with mermaid-syntax off keeps them.
 *
 * Layout: a 4-byte little-endian length, then that many bytes of a v8-serialized head (format, stamp,
 * diagrams, and each feature's key, byte length and id), then each feature v8-serialized on its own. A run
 * decodes only the features it asks for, so a lint of one document in a large workspace reads the file
 * without decoding it whole, and unchanged features are written back as the bytes they were.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Feature } from '../model/schema.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { FeatureCache } from '../workspace/load.js';
import type { DiagramResult } from './heavy/mermaid-error.js';

export const DEFAULT_CACHE_LOCATION = '.featspec/cache/lint';
const FORMAT = 2;
const DIAGRAM_LIMIT = 20_000;

/** The whole content of a cache file, decoded (`encodeCache` writes it, `decodeCache` reads it back). */
export interface CacheData {
  format: number;
  /** featspec and V8 versions: a cache is only used by the versions that wrote it. */
  stamp: string;
  features: [string, Feature][];
  diagrams: [string, DiagramResult][];
}

interface Head {
  format: number;
  stamp: string;
  diagrams: [string, DiagramResult][];
  /** Key, byte length and feature id of each feature, in the order of their bytes after the head. */
  features: [string, number, string][];
}

/** A feature of the file: its bytes as read, decoded when first asked for. */
interface Entry {
  id: string;
  bytes?: Uint8Array;
  feature?: Feature;
}

function encode(head: Omit<Head, 'features'>, entries: [string, Entry][]): Buffer {
  const bodies = entries.map(([, e]) => e.bytes ?? serialize(e.feature));
  const headBytes = serialize({ ...head, features: entries.map(([key, e], i) => [key, bodies[i]!.byteLength, e.id]) } satisfies Head);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(headBytes.byteLength);
  return Buffer.concat([size, headBytes, ...bodies]);
}

/** The head and the features' bytes of a cache file, or null when it is not one of this format. */
function read(buf: Buffer): { head: Head; entries: Map<string, Entry> } | null {
  if (buf.byteLength < 4) return null;
  const size = buf.readUInt32LE(0);
  if (4 + size > buf.byteLength) return null;
  const head = deserialize(buf.subarray(4, 4 + size)) as Head;
  if (!head || head.format !== FORMAT || typeof head.stamp !== 'string' || !Array.isArray(head.diagrams) || !Array.isArray(head.features)) return null;
  const entries = new Map<string, Entry>();
  let at = 4 + size;
  for (const [key, length, id] of head.features) {
    if (typeof key !== 'string' || typeof length !== 'number' || typeof id !== 'string' || at + length > buf.byteLength) return null;
    entries.set(key, { id, bytes: buf.subarray(at, at + length) });
    at += length;
  }
  return { head, entries };
}

/** A cache file's bytes for `data` (tests write caches with it). */
export function encodeCache(data: CacheData): Buffer {
  return encode(data, data.features.map(([key, feature]) => [key, { id: feature.id, feature }]));
}

/** The content of a cache file, every feature decoded, or null when it is not one (tests read caches with it). */
export function decodeCache(buf: Buffer): CacheData | null {
  const r = read(buf);
  if (!r) return null;
  const { head, entries } = r;
  return { format: head.format, stamp: head.stamp, diagrams: head.diagrams, features: [...entries].map(([key, e]) => [key, deserialize(e.bytes!) as Feature]) };
}

export interface LintCache {
  /** The salt of feature keys (the stamp). */
  salt: string;
  /** Features of the previous run; what this run uses or builds is kept for the next. */
  features: FeatureCache;
  diagrams: [string, DiagramResult][];
  /** True once a feature was built (a miss). */
  changed: boolean;
  /**
   * This run looks at some features only (a lint of some documents): the file keeps the features it
   * held besides those this run used. Otherwise it keeps only those, so that edited features' old
   * entries go.
   */
  partial: boolean;
}

interface CacheState extends LintCache {
  previous: Map<string, Entry>;
  used: Map<string, Entry>;
}

const stampOf = (version: string) => `featspec ${version}; v8 ${process.versions.v8}; format ${FORMAT}`;

export function readLintCache(file: string, version: string): LintCache {
  const stamp = stampOf(version);
  let data: { head: Head; entries: Map<string, Entry> } | null = null;
  try {
    data = read(readFileSync(file));
    if (data && data.head.stamp !== stamp) data = null;
  } catch {
    data = null; // missing or unreadable: start empty
  }
  const previous = data?.entries ?? new Map<string, Entry>();
  const used = new Map<string, Entry>();
  const cache: CacheState = {
    salt: stamp,
    diagrams: data?.head.diagrams ?? [],
    previous,
    used,
    changed: false,
    partial: false,
    features: {
      get(key) {
        const e = previous.get(key);
        if (!e) return undefined;
        try {
          e.feature ??= deserialize(e.bytes!) as Feature;
        } catch {
          previous.delete(key); // a damaged entry is built again
          return undefined;
        }
        used.set(key, e);
        return e.feature;
      },
      set(key, feature) {
        used.set(key, { id: feature.id, feature });
        cache.changed = true;
      },
    },
  };
  return cache;
}

/** Write the cache for the next run when this one changed it; `diagrams` are the results this run looked up. Returns whether it wrote. */
export async function writeLintCache(file: string, lintCache: LintCache, diagrams: [string, DiagramResult][]): Promise<boolean> {
  const cache = lintCache as CacheState;
  const merged = new Map(diagrams);
  const known = new Set(cache.diagrams.map(([code]) => code));
  const newDiagrams = diagrams.some(([code]) => !known.has(code));
  for (const [code, r] of cache.diagrams) if (merged.size < DIAGRAM_LIMIT && !merged.has(code)) merged.set(code, r);
  const dropped = !cache.partial && cache.used.size !== cache.previous.size;
  if (!cache.changed && !dropped && !newDiagrams) return false;
  // After a lint of some documents, the earlier entries stay but for the features this run used (an
  // edited feature's old entry goes).
  const usedIds = new Set([...cache.used.values()].map((e) => e.id));
  const entries = cache.partial ? [...[...cache.previous].filter(([, e]) => !usedIds.has(e.id)), ...cache.used] : [...cache.used];
  await writeFileAtomic(file, encode({ format: FORMAT, stamp: cache.salt, diagrams: [...merged] }, entries), { overwrite: true });
  return true;
}
