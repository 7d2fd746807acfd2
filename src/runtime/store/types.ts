/**
 * The one storage interface `serve` runs on: embedded PGlite or PostgreSQL. Both run the same SQL;
 * requests run as the application role with the caller's id set for their transaction, so the
 * row-level security policies of schema.sql decide which rows a caller sees.
 */

/** Non-superuser role every request runs as (created by the migration when missing). */
export const APP_ROLE = 'featspec_app';

/** The caller a request runs for. */
export interface UserContext {
  /** Caller id (a uuid): becomes `app.user_id` for the transaction. */
  userId: string;
  /** Caller role from the token (`user` by default): becomes `app.role`. */
  role: string;
}

export type Row = Record<string, unknown>;

/** What runs inside an owner transaction (migrations). */
export interface Queryable {
  /** One statement with bound parameters. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** A script of statements without parameters. */
  exec(sql: string): Promise<void>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, without credentials: a folder or `host:port/database`. */
  readonly label: string;
  /** Owner (connecting role) transaction: committed when `fn` resolves, rolled back when it throws. */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * One statement as {@link APP_ROLE} in its own transaction, with `app.user_id` and `app.role` set
   * locally (`set_config(..., true)`) before it runs.
   */
  asUser<R extends Row = Row>(ctx: UserContext, sql: string, params: readonly unknown[]): Promise<R[]>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  /** Finish queued work and close (PGlite flushes its files). */
  close(): Promise<void>;
}

/** The statement that sets the caller for the transaction (role first: RLS applies to the statements after it). */
export const CONTEXT_SQL = `SELECT set_config('role', '${APP_ROLE}', true), set_config('app.user_id', $1, true), set_config('app.role', $2, true)`;

/** A database error as both drivers report it (SQLSTATE and the fields the problem mapping reads). */
export interface DbError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
  message: string;
}

export function isDbError(e: unknown): e is DbError {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** The data folder is held by another live process (PGlite is single-process: two would corrupt it). */
export class StoreInUseError extends Error {}
