/**
 * The PostgreSQL store: a pg Pool in pipeline mode. A request's transaction is written as one batch
 * (BEGIN, the caller context, the statement, COMMIT) and read back as one: one network round trip
 * instead of four. When the statement fails, the COMMIT that follows it answers ROLLBACK, so a
 * failed request leaves nothing behind and the connection goes back to the pool clean.
 */
import pg from 'pg';
import { CONTEXT_SQL, isDbError, type Queryable, type Row, type Store, type UserContext } from './types.js';

export interface PostgresOptions {
  /** Pool size (default 10). */
  max?: number;
}

/** `host:port/database` of a connection URL, without user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'postgresql';
  }
}

function clientQueryable(c: pg.PoolClient | pg.Client): Queryable {
  return {
    query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => (await c.query<R>(sql, [...params])).rows,
    exec: async (sql: string) => {
      await c.query(sql);
    },
  };
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Store> {
  // Pipelined pool for requests; migrations and scripts use a plain client (multi-statement text).
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, pipeline: true } as pg.PoolConfig);
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const plain = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  await pool.query('SELECT 1');
  const store: Store = {
    kind: 'postgres',
    label: describeUrl(url),
    query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => (await pool.query<R>(sql, [...params])).rows,
    exec: (sql) => plain((c) => clientQueryable(c).exec(sql)),
    transaction: (fn) =>
      plain(async (c) => {
        await c.query('BEGIN');
        try {
          const out = await fn(clientQueryable(c));
          await c.query('COMMIT');
          return out;
        } catch (e) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    asUser: async <R extends Row>(ctx: UserContext, sql: string, params: readonly unknown[]) => {
      const c = await pool.connect();
      let broken: Error | undefined;
      try {
        const sent = [c.query('BEGIN'), c.query(CONTEXT_SQL, [ctx.userId, ctx.role]), c.query<R>(sql, [...params]), c.query('COMMIT')];
        const [begin, context, main, commit] = await Promise.allSettled(sent);
        for (const r of [begin, context, main]) if (r?.status === 'rejected') throw r.reason;
        if (commit?.status === 'rejected') throw commit.reason;
        return (main as PromiseFulfilledResult<pg.QueryResult<R>>).value.rows;
      } catch (e) {
        // A connection-level failure leaves the client unusable: drop it instead of pooling it.
        if (!isDbError(e)) broken = e instanceof Error ? e : new Error(String(e));
        throw e;
      } finally {
        c.release(broken);
      }
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
  return store;
}
