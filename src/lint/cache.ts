/**
 * `lint --cache`: what a run can reuse from the previous one, in one file (default
 * `.featspec/cache/lint`): the built model of every feature whose documents did not change (keyed by
 * a hash of their paths and texts) and the results of mermaid diagrams (keyed by their text).
 * Documents are still read and the rules still run; what is saved is extraction and the mermaid
 * start-up. A cache written by another featspec or Node version, or one that cannot be read, is
 * ignored. The file is replaced atomically when a run changed something: it then holds the features
 * that run used, and the diagrams it looked up followed by earlier ones (up to a limit), so that a run
 * with mermaid-syntax off keeps them.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Feature } from '../model/schema.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { FeatureCache } from '../workspace/load.js';
import type { DiagramResult } from './heavy/mermaid-error.js';

export const DEFAULT_CACHE_LOCATION = '.featspec/cache/lint';
const FORMAT = 1;
const DIAGRAM_LIMIT = 20_000;

interface CacheFile {
  format: number;
  /** featspec and V8 versions: a cache is only used by the versions that wrote it. */
  stamp: string;
  features: [string, Feature][];
  diagrams: [string, DiagramResult][];
}

export interface LintCache {
  /** The salt of feature keys (the stamp). */
  salt: string;
  /** Features of the previous run; what this run uses or builds is kept for the next. */
  features: FeatureCache;
  diagrams: [string, DiagramResult][];
  /** Features looked up (hits) or added in this run. */
  used: Map<string, Feature>;
  /** True once a feature was built (a miss). */
  changed: boolean;
  /** How many features the file held. */
  previousSize: number;
}

const stampOf = (version: string) => `featspec ${version}; v8 ${process.versions.v8}; format ${FORMAT}`;

export function readLintCache(file: string, version: string): LintCache {
  const stamp = stampOf(version);
  let data: CacheFile | null = null;
  try {
    const raw = deserialize(readFileSync(file)) as CacheFile;
    if (raw && raw.format === FORMAT && raw.stamp === stamp && Array.isArray(raw.features) && Array.isArray(raw.diagrams)) data = raw;
  } catch {
    data = null; // missing or unreadable: start empty
  }
  const previous = new Map(data?.features ?? []);
  const used = new Map<string, Feature>();
  const cache: LintCache = {
    salt: stamp,
    diagrams: data?.diagrams ?? [],
    used,
    changed: false,
    previousSize: previous.size,
    features: {
      get(key) {
        const f = previous.get(key);
        if (f) used.set(key, f);
        return f;
      },
      set(key, feature) {
        used.set(key, feature);
        cache.changed = true;
      },
    },
  };
  return cache;
}

/** Write the cache for the next run when this one changed it; `diagrams` are the results this run looked up. Returns whether it wrote. */
export async function writeLintCache(file: string, cache: LintCache, diagrams: [string, DiagramResult][]): Promise<boolean> {
  const merged = new Map(diagrams);
  const known = new Set(cache.diagrams.map(([code]) => code));
  const newDiagrams = diagrams.some(([code]) => !known.has(code));
  for (const [code, r] of cache.diagrams) if (merged.size < DIAGRAM_LIMIT && !merged.has(code)) merged.set(code, r);
  if (!cache.changed && cache.used.size === cache.previousSize && !newDiagrams) return false;
  const data: CacheFile = { format: FORMAT, stamp: cache.salt, features: [...cache.used], diagrams: [...merged] };
  await writeFileAtomic(file, serialize(data), { overwrite: true });
  return true;
}
