/** `featspec serve`: run the API the designs describe until SIGTERM or SIGINT (graceful: in-flight requests finish). */
import { resolve } from 'node:path';
import type { CorsConfig } from '../runtime/app.js';
import { ServeError, startServer, type ServeConfig } from '../runtime/server.js';
import type { Io } from './program.js';
import { UsageError, type GlobalOptions } from './result.js';
import { dataFolder } from './token.js';
import { prepareStateDir } from '../util/state-dir.js';

export interface ServeArgs {
  /** Port (default 4010; 0 = any free port). */
  port?: string;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Data folder (default `<root>/.featspec/data`). */
  data?: string;
  /** PostgreSQL URL (default: DATABASE_URL, else PGlite in the data folder). */
  databaseUrl?: string;
  allowDestructive?: boolean;
  watch?: boolean;
  /** Requests per minute per caller where the designs state no limit (default 100); 0 = no rate limiting. */
  rateLimit?: string;
  /** Largest request body in bytes (default 1048576). */
  bodyLimit?: string;
  /** pino level (default info). */
  logLevel?: string;
  /** CORS from featspec.config.json (`serve.cors`); none = no CORS headers. */
  cors?: CorsConfig | null;
}

function int(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`serve: --${name}: expected a whole number from 0 to ${max}, got "${raw}"`);
  return Number(raw);
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function serveConfig(opts: GlobalOptions, args: ServeArgs, io: Pick<Io, 'cwd' | 'env'>): ServeConfig {
  const logLevel = args.logLevel ?? 'info';
  if (!LEVELS.includes(logLevel)) throw new UsageError(`serve: --log-level: expected one of ${LEVELS.join(', ')}, got "${logLevel}"`);
  const bodyLimit = int('body-limit', args.bodyLimit, 1024 * 1024, 1024 ** 3);
  return {
    root: opts.root,
    dataDir: dataFolder(opts.root, args.data, io.cwd),
    databaseUrl: args.databaseUrl || io.env['DATABASE_URL'] || null,
    host: args.host ?? '127.0.0.1',
    port: int('port', args.port, 4010, 65535),
    allowDestructive: Boolean(args.allowDestructive),
    watch: Boolean(args.watch),
    cors: args.cors ?? null,
    bodyLimit: bodyLimit === 0 ? 1024 * 1024 : bodyLimit,
    defaultRateLimit: int('rate-limit', args.rateLimit, 100, 1_000_000_000),
    logLevel,
    env: io.env,
  };
}

/** Serve until `io.until` resolves (default: SIGTERM or SIGINT); the URL is the one line on stdout. */
export async function runServe(opts: GlobalOptions, args: ServeArgs, io: Io): Promise<number> {
  const config = serveConfig(opts, args, io);
  await prepareStateDir(resolve(io.cwd, opts.root), config.dataDir);
  let server;
  try {
    server = await startServer(config);
  } catch (e) {
    if (e instanceof ServeError) {
      io.stderr(`featspec: serve: ${e.message}\n`);
      return 2;
    }
    if ((e as { code?: string }).code === 'EADDRINUSE') {
      io.stderr(`featspec: serve: ${config.host}:${config.port} is already in use (try --port 0 for any free port)\n`);
      return 2;
    }
    throw e;
  }
  const table = server.table();
  const open = table.routes.filter((r) => r.operation === null);
  io.stderr(`featspec serve: ${table.routes.length - open.length} routes on ${server.store.kind === 'pglite' ? `PGlite (${server.store.label})` : `PostgreSQL (${server.store.label})`}, ready in ${server.startupMs} ms\n`);
  if (open.length > 0) {
    io.stderr(`documented but not create, list, get, replace, update or delete (they answer 501):\n${open.map((r) => `  ${r.method} ${r.path}  ${r.source.path}:${r.source.line}`).join('\n')}\n`);
  }
  io.stdout(`${server.url}\n`);
  const until = io.until ?? new Promise<void>((done) => {
    process.once('SIGTERM', () => done());
    process.once('SIGINT', () => done());
  });
  await until;
  io.stderr('featspec serve: shutting down (finishing in-flight requests)\n');
  await server.close();
  return 0;
}
