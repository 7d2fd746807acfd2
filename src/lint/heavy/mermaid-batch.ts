/**
 * Check many diagrams at once: each distinct text is parsed once (results are cached by text), in
 * this thread for small batches and over worker threads for large ones. Workers need the compiled
 * worker module (`mermaid-worker.js` next to this file, i.e. the built dist/); when it is missing, or
 * a worker dies, the diagrams left over are parsed here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { DiagramResult } from './mermaid-error.js';
import { loadMermaid } from './mermaid-load.js';
import { runPool } from './pool.js';

export interface BatchOptions {
  /** Worker threads for a large batch (default `min(availableParallelism(), 4)`, none on one core); 0 parses in this thread. */
  workers?: number;
  /** Batches with more new diagrams than this use workers (default 50). */
  threshold?: number;
  /** The worker module (default: `mermaid-worker.js` next to this module). */
  workerUrl?: URL;
  /** Results by diagram text (default: one cache for the process). */
  cache?: Map<string, DiagramResult>;
}

export interface BatchOutcome {
  results: Map<string, DiagramResult>;
  /** Worker threads started (0: all parsed in this thread). */
  workers: number;
  /** Diagrams parsed in this run (cached and repeated texts excluded). */
  parsed: number;
}

const CACHE_LIMIT = 20_000;
const shared = new Map<string, DiagramResult>();
/** Diagram texts looked up in this process (what `lint --cache` keeps for the next run). */
const touched = new Set<string>();

/** Seed the process's results with those of an earlier run (`lint --cache`). */
export function primeDiagramResults(entries: Iterable<[string, DiagramResult]>): void {
  for (const [code, r] of entries) remember(shared, code, r);
}

/** The results of the diagrams looked up in this process, for the next run. */
export function usedDiagramResults(): [string, DiagramResult][] {
  const out: [string, DiagramResult][] = [];
  for (const code of touched) {
    const r = shared.get(code);
    if (r) out.push([code, r]);
  }
  return out;
}

function remember(cache: Map<string, DiagramResult>, code: string, r: DiagramResult): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(code, r);
}

function defaultWorkerUrl(): URL | null {
  const url = new URL('./mermaid-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

function defaultWorkers(): number {
  // A parallel lint already runs in worker threads, one per core: no pool inside a pool.
  if (!isMainThread) return 0;
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, 4);
}

export async function checkDiagrams(codes: Iterable<string>, opts: BatchOptions = {}): Promise<BatchOutcome> {
  const cache = opts.cache ?? shared;
  const results = new Map<string, DiagramResult>();
  const fresh: string[] = [];
  for (const code of new Set(codes)) {
    if (cache === shared) touched.add(code);
    const hit = cache.get(code);
    if (hit) results.set(code, hit);
    else fresh.push(code);
  }
  const found = (code: string, r: DiagramResult) => {
    results.set(code, r);
    remember(cache, code, r);
  };
  const size = opts.workers ?? defaultWorkers();
  const url = opts.workerUrl ?? defaultWorkerUrl();
  let workers = 0;
  if (url && size >= 1 && fresh.length > (opts.threshold ?? 50)) {
    workers = Math.min(size, fresh.length);
    const outputs = await runPool<string, DiagramResult>(url, fresh, workers);
    outputs.forEach((r, i) => r && found(fresh[i]!, r));
  }
  const left = fresh.filter((c) => !results.has(c));
  if (left.length) {
    const mermaid = await loadMermaid();
    for (const code of left) found(code, await mermaid.check(code));
  }
  return { results, workers, parsed: fresh.length };
}
