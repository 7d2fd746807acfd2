/**
 * The servers of the serve suite, each a child process: featspec serve (PGlite or PostgreSQL),
 * json-server 0.17 and the hand-written ceiling. `start*` resolves once the server answers 200 on its
 * readiness URL, with the time from spawn; `stop()` reads the process's memory from /proc first.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuOf, freePort, memoryOf, waitReady } from './net.mjs';

const CEILING = fileURLToPath(new URL('./ceiling.mjs', import.meta.url));

/** featspec's rate limit during the benchmark: on, but far above what the load reaches (no 429s). */
export const RATE_LIMIT = 1_000_000_000;

async function launch({ label, cmd, args, env, cwd, logFile, readyPath }) {
  const port = await freePort();
  const out = openSync(logFile, 'a');
  const since = process.hrtime.bigint();
  const child = spawn(cmd, args(port), { cwd, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  let readyMs;
  try {
    readyMs = await waitReady(`${base}${readyPath}`, { since, child });
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${label}: ${e.message} (log: ${logFile})`);
  }
  let stopped = null;
  return {
    label, base, pid: child.pid, readyMs,
    memory: () => memoryOf(child.pid),
    cpu: () => cpuOf(child.pid),
    /** Stop (SIGTERM, SIGKILL after 15 s); resolves the memory read just before. */
    stop: () => (stopped ??= (async () => {
      const memory = memoryOf(child.pid);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(t);
      }
      return memory;
    })()),
  };
}

/** `featspec serve` on PGlite in `dataDir` (databaseUrl null) or on PostgreSQL. */
export function startFeatspec({ repo, root, dataDir, databaseUrl = null, secret, logFile, nodeArgs = [], extraArgs = [] }) {
  const bin = join(repo, 'bin', 'featspec.js');
  return launch({
    label: `featspec serve (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`,
    cmd: process.execPath,
    args: (port) => [...nodeArgs, bin, 'serve', '--root', root, '--data', dataDir, '--port', String(port), '--rate-limit', String(RATE_LIMIT),
      ...(databaseUrl ? ['--database-url', databaseUrl] : []), ...extraArgs],
    env: { FEATSPEC_JWT_SECRET: secret, DATABASE_URL: '' },
    cwd: root,
    logFile,
    readyPath: '/readyz',
  });
}

export function startJsonServer({ repo, dbFile, cwd, logFile }) {
  const bin = join(repo, 'node_modules', 'json-server', 'lib', 'cli', 'bin.js');
  return launch({
    label: 'json-server',
    cmd: process.execPath,
    args: (port) => [bin, dbFile, '--port', String(port), '--host', '127.0.0.1', '--quiet'],
    env: {},
    cwd,
    logFile,
    readyPath: '/links?_limit=1',
  });
}

export function startCeiling({ databaseUrl, ownerId, cwd, logFile, prepared = false }) {
  return launch({
    label: prepared ? 'ceiling, prepared statements' : 'ceiling (Fastify + pg)',
    cmd: process.execPath,
    args: () => [CEILING],
    env: { DATABASE_URL: databaseUrl, OWNER_ID: ownerId, PREPARED: prepared ? '1' : '' },
    cwd,
    logFile,
    readyPath: '/readyz',
  });
}
