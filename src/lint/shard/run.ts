/**
 * Parallel lint, the main-thread side: deal the workspace's features into shards, run each shard in a
 * worker thread (lint-worker.ts), pass every shard's built features to the others, collect the findings.
 * For a large workspace (every feature is built, whatever paths are linted); `--fix`, `--cache` and
 * `--watch` run in-process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compareDiagnostics } from '../../diagnostic.js';
import type { DiscoveredWorkspace } from '../../workspace/load.js';
import type { ModelList } from '../../model/constants.js';
import type { RuleSetting } from '../engine.js';
import type { LintDiagnostic } from '../types.js';
import type { FromWorker, ToWorker } from './lint-worker.js';
import { dealFeatures, type ShardJob } from './shard.js';

/** Below this many documents one thread is faster than starting workers. */
export const MIN_FILES = 200;
/** At least this many documents per worker. */
const FILES_PER_WORKER = 100;
const MAX_WORKERS = 4;

export type Concurrency = number | 'auto';

/**
 * Fewer cores than this: 'auto' lints in one thread. On two cores a single thread already keeps the
 * second core partly busy with V8's garbage collection and optimizing compiler, and two processes each
 * doing half the work each run ~1.6x slower than one alone. Measured on 3,000 documents without the
 * heavy rules: two shards 14.1 -> 13.6 s on one machine (median of 3, for 20-60% more CPU time and
 * ~30% more memory); 4.45 -> 5.01 s, slower, on another (6.2 -> 9.2 s of CPU time).
 */
export const MIN_CORES = 3;

/** How many worker threads a lint of `files` documents uses; 0 means in this thread. */
export function workerCount(files: number, concurrency: Concurrency, cores = availableParallelism()): number {
  const n = concurrency === 'auto'
    ? (files < MIN_FILES || cores < MIN_CORES ? 0 : Math.min(cores, MAX_WORKERS, Math.floor(files / FILES_PER_WORKER)))
    : Math.min(concurrency, Math.max(1, files));
  return n >= 2 ? n : 0;
}

/** The worker script next to this module (the built package); null when running from sources. */
export function lintWorkerUrl(): URL | null {
  const url = new URL('./lint-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

export interface ShardedLint {
  diagnostics: LintDiagnostic[];
  /** Documents read. */
  files: number;
  features: number;
}

type Reply<K extends FromWorker['kind']> = Extract<FromWorker, { kind: K }>;

function ask<K extends 'built' | 'linted'>(worker: Worker, msg: ToWorker, kind: K): Promise<Reply<K>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: FromWorker) => {
      done();
      if (m.kind === kind) resolve(m as Reply<K>);
      else reject(new Error(m.kind === 'failed' ? m.message : `lint worker answered ${m.kind}, expected ${kind}`));
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`lint worker exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(msg);
  });
}

export async function lintInWorkers(
  ws: DiscoveredWorkspace,
  options: { rules: Record<string, RuleSetting> | undefined; disable: string[]; lists: ReadonlySet<ModelList>; now: Date; paths?: ReadonlySet<string> },
  count: number,
  url: URL,
): Promise<ShardedLint> {
  const shards = dealFeatures(ws.found.features, count);
  const workers = shards.map(() => new Worker(url));
  try {
    const built = await Promise.all(workers.map((w, index) => {
      const job: ShardJob = {
        root: ws.root, config: ws.config, locations: shards[index]!, index, count, discovery: ws.found.diagnostics,
        rules: options.rules, disable: options.disable, lists: [...options.lists], now: options.now.getTime(),
        ...(options.paths ? { paths: [...options.paths] } : {}),
      };
      return ask(w, { job }, 'built');
    }));
    const bytes = built.map((b) => b.features);
    const linted = await Promise.all(workers.map((w, k) => ask(w, { shards: bytes.map((b, j) => (j === k ? null : b)) }, 'linted')));
    const diagnostics = (linted.flatMap((l) => l.diagnostics) as LintDiagnostic[]).sort(compareDiagnostics);
    return { diagnostics, files: built.reduce((n, b) => n + b.docs, 0), features: ws.found.features.length };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
