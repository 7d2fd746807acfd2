/**
 * `featspec serve` as a library: load and compile the workspace, open the store, migrate, listen.
 * Loading the documents and opening the database run at the same time (start-up under 2 s on an
 * existing PGlite folder). `close()` stops accepting, lets in-flight requests finish, closes the database.
 */
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { loadWorkspace } from '../workspace/load.js';
import type { CorsConfig, ServeApp } from './app.js';
import { loadSecret, Verifier } from './auth.js';
import { buildErrors, compileForServe } from './compile.js';
import { DEFAULT_LIMIT } from './limits.js';
import { MigrationError } from './migrate.js';
import { prepare } from './prepare.js';
import { openPglite } from './store/pglite.js';
import type { RouteTable } from './routes/table.js';
import { StoreInUseError, type Store } from './store/types.js';
import { watchDesigns } from './watch.js';

export interface ServeConfig {
  root: string;
  /** Data folder (PGlite files and the generated token secret), absolute. */
  dataDir: string;
  /** PostgreSQL URL, or null for PGlite in `dataDir`. */
  databaseUrl: string | null;
  host: string;
  port: number;
  allowDestructive: boolean;
  watch: boolean;
  cors: CorsConfig | null;
  bodyLimit: number;
  /** Requests per minute per caller where the designs state no limit; 0 turns rate limiting off. */
  defaultRateLimit: number;
  logLevel: string;
  env: Record<string, string | undefined>;
  /** Log destination (default: stderr). */
  logStream?: NodeJS.WritableStream;
}

export class ServeError extends Error {}

export interface RunningServer {
  url: string;
  app: ServeApp;
  store: Store;
  table: () => RouteTable;
  startupMs: number;
  close(): Promise<void>;
}

/**
 * pino on stderr, asynchronous and buffered: a request's log line waits for 4 KB of lines or 200 ms,
 * whichever comes first (and is flushed on close and at exit), instead of costing a write per request.
 */
export function createLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  return pino({ level, base: { pid: process.pid } }, stream ?? pino.destination({ dest: 2, sync: false, minLength: 4096, periodicFlush: 200 }));
}

export async function startServer(config: ServeConfig, logger: Logger = createLogger(config.logLevel, config.logStream)): Promise<RunningServer> {
  const started = performance.now();
  // The database opens while the rest loads and the documents are compiled: PGlite starts in its worker
  // thread before anything else is awaited (the module is small: PGlite itself loads in the worker);
  // pg is loaded only for PostgreSQL.
  const openStore = async () => (config.databaseUrl
    ? (await import('./store/postgres.js')).openPostgres(config.databaseUrl)
    : openPglite(join(config.dataDir, 'pglite')));
  const opening = openStore().catch((e: unknown) => {
    const known = e instanceof StoreInUseError || (e instanceof Error && /ECONNREFUSED|password authentication|does not exist|ENOTFOUND|EACCES/.test(e.message));
    throw known ? new ServeError(`cannot open the database: ${(e as Error).message}`) : e;
  });
  opening.catch(() => undefined);
  let compiled;
  let secret;
  let createApp;
  try {
    [compiled, secret, { createApp }] = await Promise.all([
      loadWorkspace(config.root).then((loaded) => ({ loaded, build: compileForServe(loaded) })), loadSecret(config.dataDir, config.env), import('./app.js'),
    ]);
  } catch (e) {
    await opening.then((s) => s.close()).catch(() => undefined);
    throw e;
  }
  const { loaded, build } = compiled;
  const store = await opening;
  let app: ServeApp | null = null;
  try {
    for (const d of build.diagnostics) logger.warn({ rule: d.rule, path: d.path, line: d.line }, d.message);
    const errors = buildErrors(build);
    if (errors.length > 0) throw new ServeError(`the designs do not build (${errors.length} errors); first: ${errors[0]!.path}:${errors[0]!.line}: ${errors[0]!.message}`);
    const defaultLimit = { ...DEFAULT_LIMIT, max: config.defaultRateLimit || DEFAULT_LIMIT.max };
    const { table, migration } = await prepare(store, build, { allowDestructive: config.allowDestructive, defaultLimit });
    if (migration.applied) logger.info({ hash: migration.hash.slice(0, 12), destructive: migration.destructive }, 'migrated the database schema');
    app = await createApp({
      store, table, openapi: build.openapi, verifier: new Verifier(secret), logger, cors: config.cors, bodyLimit: config.bodyLimit, rateLimit: config.defaultRateLimit !== 0,
    });
    let live = table;
    const served = app;
    const address = await served.fastify.listen({ host: config.host, port: config.port });
    const url = address.replace('://[::1]', '://localhost');
    const stopWatching = config.watch
      ? watchDesigns(loaded, { logger, onBuild: async (next) => {
        const prepared = await prepare(store, next, { allowDestructive: config.allowDestructive, defaultLimit });
        live = prepared.table;
        served.setTable(prepared.table, next.openapi);
        return prepared.table;
      } })
      : () => Promise.resolve();
    let closing: Promise<void> | null = null;
    return {
      url, app: served, store, table: () => live,
      startupMs: Math.round(performance.now() - started),
      close: () => (closing ??= (async () => {
        await stopWatching();
        await served.fastify.close();
        await store.close();
        logger.flush?.();
      })()),
    };
  } catch (e) {
    await app?.fastify.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    if (e instanceof MigrationError) throw new ServeError(e.message);
    throw e;
  }
}
