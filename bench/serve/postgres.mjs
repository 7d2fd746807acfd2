/**
 * A throwaway PostgreSQL server for the serve suite (the bench's copy of test/support/postgres.ts):
 * `initdb` into a folder under the work dir, `pg_ctl start` on a free loopback port with fsync off,
 * as the `postgres` OS user (runuser) when the bench runs as root. `stop()` stops it and removes the folder.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './net.mjs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The folder holding initdb and pg_ctl ($PG_BIN, else the newest /usr/lib/postgresql/<v>/bin), or null. */
export function findPostgresBin(env = process.env) {
  const has = (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  if (env.PG_BIN) return has(env.PG_BIN) ? env.PG_BIN : null;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian).sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const v of versions) if (has(join(debian, v, 'bin'))) return join(debian, v, 'bin');
  return null;
}

function ids(name) {
  try {
    return { uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim()), gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim()) };
  } catch {
    return null;
  }
}

function run(cmd, args, asPostgres) {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${cmd} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** User + system CPU seconds so far of the live children of `pid` (a postmaster's backends and workers). */
function childrenCpu(pid) {
  let total = 0;
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[1]) === pid) total += (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // gone
    }
  }
  return total;
}

/** @returns {Promise<{ url: string, port: number, version: string, stop(): void, cpu(): number }>} */
export async function startPostgres(workDir) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb/pg_ctl in $PG_BIN or /usr/lib/postgresql/*/bin); the serve suite needs it');
  const asPostgres = isRoot();
  const owner = asPostgres ? ids('postgres') : null;
  if (asPostgres && !owner) throw new Error('running as root and there is no `postgres` OS user to run PostgreSQL as');
  mkdirSync(workDir, { recursive: true });
  const dir = mkdtempSync(join(workDir, 'serve-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  chmodSync(dir, 0o700);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const pgCtl = join(bin, 'pg_ctl');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        execFileSync(asPostgres ? 'runuser' : pgCtl, [...(asPostgres ? ['-u', 'postgres', '--', pgCtl] : []), '-D', data, '-m', 'fast', '-w', 'stop'], { stdio: 'ignore' });
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
    process.removeListener('exit', stop);
  };
  try {
    const version = (await run(join(bin, 'initdb'), ['--version'], asPostgres)).trim().replace(/^initdb \(PostgreSQL\)\s*/, '').replace(/\s*\(.*\)$/, '');
    await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], asPostgres);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await run(pgCtl, ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start'], asPostgres);
    started = true;
    process.once('exit', stop);
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, version, stop, cpu: () => childrenCpu(postmaster) };
  } catch (e) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
    started = true;
    stop();
    throw new Error(`${e.message}${serverLog ? `\nserver log:\n${serverLog}` : ''}`);
  }
}
