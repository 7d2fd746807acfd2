/**
 * A real, throwaway PostgreSQL server for tests: `initdb` into a temporary folder, `pg_ctl start` on a free
 * loopback port (unix socket in the same folder), `stop()` kills it and removes the folder.
 *
 * - Binaries: $PG_BIN when set (only there), else the newest /usr/lib/postgresql/<version>/bin (Debian), else
 *   `initdb` on PATH.
 * - initdb refuses to run as root: when the tests run as root, the server runs as the `postgres` OS user
 *   (`runuser -u postgres --`, the folder chowned to it).
 * - Fast and disposable: trust authentication, fsync off, `pg_ctl stop -m immediate`.
 *
 * `postgresAvailability()` says whether a server can be started here; tests skip without one, except when
 * CI=true, where a missing PostgreSQL must fail (CI installs it).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication, superuser `postgres`). */
  url: string;
  host: string;
  port: number;
  /** `initdb --version`, e.g. `initdb (PostgreSQL) 15.8`. */
  version: string;
  stop(): Promise<void>;
}

export type Availability = { ok: true; bin: string } | { ok: false; reason: string };

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function versionKey(v: string): number[] {
  return v.split(/\D+/).filter(Boolean).map(Number);
}

/** The folder holding initdb and pg_ctl, or null. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  if (env.PG_BIN) return has(env.PG_BIN) ? env.PG_BIN : null;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => {
      const x = versionKey(a);
      const y = versionKey(b);
      for (let k = 0; k < Math.max(x.length, y.length); k++) if ((x[k] ?? 0) !== (y[k] ?? 0)) return (y[k] ?? 0) - (x[k] ?? 0);
      return 0;
    });
    for (const v of versions) if (has(join(debian, v, 'bin'))) return join(debian, v, 'bin');
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir && has(dir)) return dir;
  return null;
}

function userIds(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** Can a server be started here? The reason says what is missing. */
export function postgresAvailability(): Availability {
  const bin = findPostgresBin();
  if (!bin) return { ok: false, reason: 'PostgreSQL is not installed (no initdb/pg_ctl in $PG_BIN, /usr/lib/postgresql/*/bin or PATH); on Debian: apt-get install postgresql' };
  if (isRoot() && !userIds('postgres')) return { ok: false, reason: 'tests run as root and there is no `postgres` OS user to run the server as' };
  return { ok: true, bin };
}

function run(cmd: string, args: string[], asPostgres: boolean): Promise<string> {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${cmd} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Start a server; throws (with the server log) when it cannot. */
export async function startPostgres(): Promise<PostgresServer> {
  const availability = postgresAvailability();
  if (!availability.ok) throw new Error(availability.reason);
  const { bin } = availability;
  const asPostgres = isRoot();
  const dir = mkdtempSync(join(tmpdir(), 'featspec-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  chmodSync(dir, 0o700);
  if (asPostgres) {
    const ids = userIds('postgres')!;
    chownSync(dir, ids.uid, ids.gid);
  }
  const pgCtl = join(bin, 'pg_ctl');
  let started = false;
  const stopSync = () => {
    if (!started) return;
    started = false;
    try {
      execFileSync(asPostgres ? 'runuser' : pgCtl, [...(asPostgres ? ['-u', 'postgres', '--', pgCtl] : []), '-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const version = (await run(join(bin, 'initdb'), ['--version'], asPostgres)).trim();
    await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], asPostgres);
    let port = 0;
    let lastError: unknown = null;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      port = await freePort();
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await run(pgCtl, ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start'], asPostgres);
        started = true;
      } catch (e) {
        lastError = e;
      }
    }
    if (!started) throw lastError instanceof Error ? lastError : new Error('pg_ctl start failed');
    process.once('exit', stopSync);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      host: '127.0.0.1',
      port,
      version,
      stop: async () => {
        process.removeListener('exit', stopSync);
        stopSync();
      },
    };
  } catch (e) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
    started = true;
    stopSync();
    throw new Error(`${(e as Error).message}${serverLog ? `\nserver log:\n${serverLog}` : ''}`);
  }
}
