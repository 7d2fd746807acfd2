/**
 * The embedded store: PGlite (PostgreSQL compiled to WebAssembly) persisted in a folder, or in memory,
 * run in a worker thread (pglite-worker.ts). The database starts on its own core while the server loads
 * the designs and its HTTP stack, and under load PostgreSQL's work runs beside the HTTP handling instead
 * of between it. A request's context and statement go to the database as one protocol batch
 * (batch.ts): one message and one call into WebAssembly, where a PGlite transaction of
 * BEGIN / context / statement / COMMIT takes sixteen calls.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { onceMoreIfStale, SessionStatements, type BatchStatement } from './batch.js';
import { WORKER_SOURCE } from './pglite-worker.js';
import { StoreInUseError, type Queryable, type Row, type Store, type UserContext } from './types.js';

export { StoreInUseError };

/**
 * PostgreSQL settings of the embedded database. shared_buffers: PGlite's data folders say 128MB, which
 * PGlite allocates and touches at start; 32MB holds a development data set, the files behind it stay
 * in the operating system's cache, and the server holds about 100 MB less resident memory.
 */
export const PGLITE_SETTINGS = ['-c', 'shared_buffers=32MB'];

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** An error answered by the worker, rebuilt with its SQLSTATE and fields (what isDbError and problem mapping read). */
function rebuild(e: { message: string } & Record<string, unknown>): Error {
  const { message, ...fields } = e;
  return Object.assign(new Error(message), fields);
}

/** The worker thread and its request/answer channel. */
class PgliteWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private dead: Error | null = null;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pglite: import.meta.resolve('@electric-sql/pglite') } });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; ok?: unknown; error?: { message: string } & Record<string, unknown> }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if (m.error) p.reject(rebuild(m.error));
      else p.resolve(m.ok);
    });
    const die = (e: Error) => {
      this.dead ??= e;
      for (const p of this.pending.values()) p.reject(this.dead);
      this.pending.clear();
    };
    this.worker.on('error', (e) => die(new Error(`the PGlite worker failed: ${e.message}`)));
    this.worker.on('exit', (code) => die(new Error(`the PGlite worker stopped (exit code ${code})`)));
  }

  /** Send an operation; resolves its answer. The worker keeps the process alive only while answers are due. */
  call<T>(op: Record<string, unknown>): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...op, id });
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
};

const readPid = (file: string) => {
  try {
    return Number(readFileSync(file, 'utf8').trim());
  } catch {
    return 0;
  }
};

/** Take `<dataDir>.lock` (a pid file); a stale lock of a process that is gone is taken over. */
function lock(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      const pid = readPid(file);
      if (pid > 0 && alive(pid)) throw new StoreInUseError(`${dataDir} is in use by another process (pid ${pid}, see ${file})`);
      rmSync(file, { force: true });
    }
  }
  throw new StoreInUseError(`cannot lock ${dataDir} (${file})`);
}

/**
 * Open (or create) a PGlite database in `dataDir`; `null` keeps it in memory (tests). Everything up to
 * the worker's `open` message is synchronous (the folder, its lock, the thread), so the database starts
 * before the caller's next await, not after whatever the caller loads meanwhile.
 */
export function openPglite(dataDir: string | null): Promise<Store> {
  let unlock = () => undefined as void;
  let worker: PgliteWorker;
  let opened: Promise<unknown>;
  try {
    if (dataDir !== null) {
      mkdirSync(dataDir, { recursive: true });
      unlock = lock(dataDir);
    }
    worker = new PgliteWorker();
    opened = worker.call({ op: 'open', options: dataDir === null ? {} : { dataDir }, startParams: PGLITE_SETTINGS });
  } catch (e) {
    unlock();
    return Promise.reject(e);
  }
  return opened.then(() => storeOf(worker, dataDir, unlock), async (e: unknown) => {
    await worker.stop();
    unlock();
    throw e;
  });
}

function storeOf(worker: PgliteWorker, dataDir: string | null, unlock: () => void): Store {
  const on = (tx?: number): Queryable => ({
    query: <R extends Row>(sql: string, params: readonly unknown[] = []) => worker.call<R[]>({ op: 'query', sql, params: [...params], tx }),
    exec: async (sql: string) => {
      await worker.call({ op: 'exec', sql, tx });
    },
  });
  const session = new SessionStatements();
  const batch = <R extends Row>(statements: BatchStatement[]) => worker.call<R[]>({ op: 'batch', statements });
  let transactions = 0;
  let closing: Promise<void> | null = null;
  return {
    kind: 'pglite',
    label: dataDir ?? 'memory',
    ...on(),
    transaction: async (fn) => {
      const tx = ++transactions;
      await worker.call({ op: 'begin', tx });
      let out;
      try {
        out = await fn(on(tx));
      } catch (e) {
        await worker.call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw e;
      }
      await worker.call({ op: 'end', tx, commit: true });
      return out;
    },
    asUser: <R extends Row>(ctx: UserContext, sql: string, params: readonly unknown[]) =>
      onceMoreIfStale(async () => {
        const statements = session.batch(ctx, sql, params);
        try {
          const rows = await batch<R>(statements);
          session.settle(statements, undefined);
          return rows;
        } catch (e) {
          session.settle(statements, e);
          throw e;
        }
      }),
    ping: async () => {
      await worker.call({ op: 'query', sql: 'SELECT 1', params: [] });
    },
    close: () => (closing ??= (async () => {
      try {
        await worker.call({ op: 'close' });
      } finally {
        await worker.stop();
        unlock();
      }
    })()),
  };
}
