/** The embedded store: PGlite (PostgreSQL compiled to WebAssembly) persisted in a folder, or in memory. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { CONTEXT_SQL, StoreInUseError, type Queryable, type Row, type Store, type UserContext } from './types.js';

export { StoreInUseError };

function wrap(q: PGlite | Transaction): Queryable {
  return {
    query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => (await q.query<R>(sql, [...params])).rows,
    exec: async (sql: string) => {
      await q.exec(sql);
    },
  };
}


const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
};

/** Take `<dataDir>.lock` (a pid file); a stale lock of a process that is gone is taken over. */
async function lock(dataDir: string): Promise<() => Promise<void>> {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid > 0 && alive(pid)) throw new StoreInUseError(`${dataDir} is in use by another process (pid ${pid}, see ${file})`);
      await rm(file, { force: true });
    }
  }
  throw new StoreInUseError(`cannot lock ${dataDir} (${file})`);
}

/** Open (or create) a PGlite database in `dataDir`; `null` keeps it in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<Store> {
  let unlock = async () => undefined as void;
  if (dataDir !== null) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lock(dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir === null ? {} : { dataDir });
  } catch (e) {
    await unlock();
    throw e;
  }
  const base = wrap(db);
  return {
    kind: 'pglite',
    label: dataDir ?? 'memory',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    asUser: <R extends Row>(ctx: UserContext, sql: string, params: readonly unknown[]) =>
      db.transaction(async (tx) => {
        await tx.query(CONTEXT_SQL, [ctx.userId, ctx.role]);
        return (await tx.query<R>(sql, [...params])).rows;
      }),
    ping: async () => {
      await db.query('SELECT 1');
    },
    close: async () => {
      if (!db.closed) await db.close();
      await unlock();
    },
  };
}
