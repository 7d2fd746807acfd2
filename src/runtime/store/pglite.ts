/**
 * The embedded store: PGlite (PostgreSQL compiled to WebAssembly) persisted in a folder, or in memory.
 * A request's context and statement go to the database as one protocol batch (batch.ts): one call into
 * WebAssembly, where a PGlite transaction of BEGIN / context / statement / COMMIT takes sixteen.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { parse, PGlite, protocol, type Transaction } from '@electric-sql/pglite';
import { SessionStatements } from './batch.js';
import { StoreInUseError, type Queryable, type Row, type Store, type UserContext } from './types.js';

export { StoreInUseError };

function wrap(q: PGlite | Transaction): Queryable {
  return {
    query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => (await q.query<R>(sql, [...params])).rows,
    exec: async (sql: string) => {
      await q.exec(sql);
    },
  };
}


function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The statement's rows of a request batch, run while no other query or transaction holds the database. */
function batchRunner(db: PGlite) {
  const session = new SessionStatements();
  const s = protocol.serialize;
  return <R extends Row>(ctx: UserContext, sql: string, params: readonly unknown[]): Promise<R[]> =>
    db._runExclusiveTransaction(() => db.runExclusive(async () => {
      const batch = session.batch(ctx, sql, params);
      const parts: Uint8Array[] = [];
      for (const st of batch) {
        if (st.parse) {
          if (st.name !== '') parts.push(s.close({ type: 'S', name: st.name }));
          parts.push(s.parse({ name: st.name, text: st.text, types: [] }));
        }
        parts.push(s.bind({ statement: st.name, values: st.values }), s.describe({ type: 'P' }), s.execute({}));
      }
      parts.push(s.sync());
      let messages;
      try {
        ({ messages } = await db.execProtocol(concat(parts)));
      } catch (e) {
        session.settle(batch, e);
        throw e;
      }
      session.settle(batch, undefined);
      const results = parse.parseResults(messages, db.parsers);
      return results[results.length - 1]!.rows as R[];
    }));
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
  const asUser = batchRunner(db);
  return {
    kind: 'pglite',
    label: dataDir ?? 'memory',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    asUser,
    ping: async () => {
      await db.query('SELECT 1');
    },
    close: async () => {
      if (!db.closed) await db.close();
      await unlock();
    },
  };
}
