/**
 * The PostgreSQL store: a pg Pool. A request's statement travels with its caller context as one batch
 * of named prepared statements ending in one Sync (batch.ts): one write, one round trip, and no parsing
 * or planning once a pooled connection has seen the statement.
 */
import pg from 'pg';
import { onceMoreIfStale, SessionStatements, type BatchStatement } from './batch.js';
import { isDbError, type Queryable, type Row, type Store, type UserContext } from './types.js';

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

/** The statements each connection holds (the connection object lives as long as its session). */
const SESSIONS = new WeakMap<pg.Connection, SessionStatements>();

interface ResultHandlers {
  handleRowDescription(msg: unknown): void;
  handleDataRow(msg: unknown): void;
  handleCommandComplete(msg: unknown, connection: pg.Connection): void;
}
const queryHandlers = pg.Query.prototype as unknown as ResultHandlers;

/**
 * One request batch on a pg connection: for each statement [Close, Parse,] Bind, [Describe,] Execute, then
 * one Sync, written at once. pg sees one query whose result is the request statement's (the context's
 * row and CommandComplete are dropped here); an error or ReadyForQuery ends it as any query, so the
 * pool stays in step.
 */
class BatchQuery<R extends Row> extends pg.Query<R> {
  constructor(ctx: UserContext, sql: string, params: readonly unknown[], done: (error: Error | undefined, rows: R[]) => void) {
    let batch: BatchStatement[] = [];
    let session: SessionStatements | undefined;
    super(sql, ((error: Error | null | undefined, result: pg.QueryResult<R> | pg.QueryResult<R>[]) => {
      session?.settle(batch, error);
      if (error) done(error, []);
      else done(undefined, (Array.isArray(result) ? result[result.length - 1]! : result).rows);
    }) as never);
    // Results of the statements before the last (the context) are not the request's.
    let skip = 0;
    const self = this as unknown as ResultHandlers;
    self.handleRowDescription = (msg) => {
      if (skip === 0) queryHandlers.handleRowDescription.call(this, msg);
    };
    self.handleDataRow = (msg) => {
      if (skip === 0) queryHandlers.handleDataRow.call(this, msg);
    };
    self.handleCommandComplete = (msg, connection) => {
      if (skip > 0) skip--;
      else queryHandlers.handleCommandComplete.call(this, msg, connection);
    };
    // pg.Query declares `submit` as a property, so the override is one too.
    this.submit = (connection: pg.Connection) => {
      session = SESSIONS.get(connection);
      if (!session) SESSIONS.set(connection, (session = new SessionStatements()));
      batch = session.batch(ctx, sql, params);
      skip = batch.length - 1;
      const stream = connection.stream;
      stream.cork();
      try {
        for (const s of batch) {
          if (s.parse) {
            if (s.name !== '') connection.close({ type: 'S', name: s.name }, false);
            connection.parse({ name: s.name, text: s.text, types: [] }, false);
          }
          connection.bind({ statement: s.name, values: s.values }, false);
          if (s.describe) connection.describe({ type: 'P', name: '' }, false);
          connection.execute({}, false);
        }
        connection.sync();
      } finally {
        stream.uncork();
      }
    };
  }
}

function runBatch<R extends Row>(c: pg.PoolClient, ctx: UserContext, sql: string, params: readonly unknown[]): Promise<R[]> {
  return new Promise((resolve, reject) => {
    c.query(new BatchQuery<R>(ctx, sql, params, (error, rows) => (error ? reject(error) : resolve(rows))));
  });
}

/** A request batch, run once more when it failed on a stale prepared statement (it changed nothing). */
const runAsUser = <R extends Row>(c: pg.PoolClient, ctx: UserContext, sql: string, params: readonly unknown[]): Promise<R[]> =>
  onceMoreIfStale(() => runBatch<R>(c, ctx, sql, params));

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Store> {
  // The pool serves requests; migrations and scripts use a plain client (multi-statement text).
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
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
        return await runAsUser<R>(c, ctx, sql, params);
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
