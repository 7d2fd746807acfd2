/** Shared pieces of the runtime tests: PGlite data folders, PostgreSQL availability, HTTP calls, tokens. */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { signToken } from '../../src/runtime/auth.js';
import { postgresAvailability, startPostgres, type PostgresServer } from '../support/postgres.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/runtime/', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SECRET = 'test-secret-for-featspec-runtime-tests-0123456789';
export const SECRET_BYTES = new TextEncoder().encode(SECRET);

/**
 * A fresh PGlite folder, copied from a template made once per machine (PGlite's initdb takes seconds;
 * a copy takes milliseconds). Returns the data folder that holds `pglite/`.
 */
export async function freshDataDir(): Promise<string> {
  const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  const template = join(tmpdir(), `featspec-pglite-template-${version}`);
  if (!existsSync(join(template, 'PG_VERSION'))) {
    const building = mkdtempSync(join(tmpdir(), 'featspec-pglite-building-'));
    const db = await PGlite.create({ dataDir: join(building, 'db') });
    await db.close();
    try {
      renameSync(join(building, 'db'), template);
    } catch {
      // another test process made it first
    }
    rmSync(building, { recursive: true, force: true });
  }
  const dir = tempDir('featspec-serve-');
  cpSync(template, join(dir, 'pglite'), { recursive: true });
  return dir;
}

const made: string[] = [];

/** A temporary folder; {@link removeTempDirs} (each file's afterAll) removes it. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/**
 * A PostgreSQL server for this test file, or null when none can start here (the tests then skip).
 * With CI=true a missing PostgreSQL is an error: CI installs it, so its absence must fail the run.
 */
export async function postgresOrSkip(): Promise<PostgresServer | null> {
  const a = postgresAvailability();
  if (!a.ok) {
    if (process.env['CI'] === 'true') throw new Error(`CI=true but PostgreSQL cannot start: ${a.reason}`);
    return null;
  }
  return startPostgres();
}

export const pgAvailable = () => postgresAvailability().ok || process.env['CI'] === 'true';

export function token(sub: string, opts: { role?: string; ttlSeconds?: number; now?: Date; secret?: Uint8Array } = {}): Promise<string> {
  return signToken(opts.secret ?? SECRET_BYTES, { sub, role: opts.role ?? 'user', ttlSeconds: opts.ttlSeconds ?? 3600 }, opts.now ?? new Date());
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = unknown>(base: string, method: string, path: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined || options.raw !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = options.raw ?? JSON.stringify(options.body);
  }
  const r = await fetch(`${base}${path}`, { method, headers, body });
  const text = await r.text();
  let parsed: unknown = null;
  if (text && /json/.test(r.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
  return { status: r.status, headers: r.headers, body: parsed as T, text };
}
