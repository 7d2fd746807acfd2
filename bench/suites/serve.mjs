/**
 * Serve suite: req/s and p99 latency (autocannon, 10 connections) of get-by-id, list and create on
 *   featspec serve on PGlite (--data folder) and on PostgreSQL (a throwaway server started here),
 *   json-server 0.17 on a db.json of the same 1,000 records, and
 *   a hand-written Fastify + pg ceiling doing the same SQL (bench/serve/ceiling.mjs), with pg's unnamed
 *   statements and again with named (prepared) ones,
 * each a child process, measured one after the other; then start-up: spawn to /readyz 200 on an empty
 * and on an existing PGlite folder (and on a migrated PostgreSQL database), with the servers' memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { median } from '../lib/measure.mjs';
import { fmt } from '../lib/report.mjs';
import { measureScenario, scenarios } from '../serve/load.mjs';
import { http } from '../serve/net.mjs';
import { startPostgres } from '../serve/postgres.mjs';
import { startCeiling, startFeatspec, startJsonServer } from '../serve/servers.mjs';
import { API, CREATE_BODY, record, writeWorkspace } from '../serve/workspace.mjs';
import { render } from './serve-report.mjs';

export const RECORDS = 1000;
export const CONNECTIONS = 10;
export const WARMUP_S = 3;
/** The caller every request runs for: a uuid subject is its own owner id, so the ceiling can use it as is. */
const SUBJECT = '5b2f6a3e-8c41-4d27-9e0a-3f6b1c7d2e90';
const SECRET = 'featspec-serve-benchmark-secret-0123456789abcdef';
const SCENARIOS = ['get', 'list', 'create'];
const version = (repo, pkg) => JSON.parse(readFileSync(join(repo, 'node_modules', pkg, 'package.json'), 'utf8')).version;

function featspec(repo, args, env = {}) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'featspec.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`featspec ${args.join(' ')} exited with ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

/** POST the records through the API (8 at a time); resolves the created rows in record order. */
async function seed(base, token, n) {
  const out = new Array(n);
  let i = 0;
  const worker = async () => {
    while (i < n) {
      const k = i++;
      const r = await fetch(`${base}${API}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(record(k)) });
      if (r.status !== 201) throw new Error(`seeding: POST ${API} answered ${r.status}: ${await r.text()}`);
      out[k] = await r.json();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

/** One request of each scenario, checked, so that the load measures real answers. */
async function check(server, kind, paths, ids, headers) {
  const fail = (what, r) => {
    throw new Error(`${server.label}: ${what} answered ${r.status}: ${r.text.slice(0, 300)}`);
  };
  if (kind === 'get') {
    const r = await http(`${server.base}${paths.api}/${ids[1]}`, { headers });
    if (r.status !== 200 || JSON.parse(r.text).id !== ids[1]) fail('get-by-id', r);
  } else if (kind === 'list') {
    const r = await http(`${server.base}${paths.list}`, { headers });
    if (r.status !== 200) fail('list', r);
    const body = JSON.parse(r.text);
    const items = Array.isArray(body) ? body : body.items;
    const total = Array.isArray(body) ? Number(r.headers['x-total-count']) : body.total;
    if (items.length !== 20 || total !== RECORDS) fail(`list (${items.length} items, total ${total}; expected 20 of ${RECORDS})`, r);
  } else {
    const r = await http(`${server.base}${paths.api}`, { method: 'POST', headers, body: CREATE_BODY });
    if (r.status !== 201) fail('create', r);
  }
}

/** Every scenario on a started server, in order (create last: it adds rows). */
async function loadAll(server, paths, ids, headers, opts, log, dbCpu = null) {
  const reqs = scenarios({ api: paths.api, ids, headers, createBody: CREATE_BODY, listPath: paths.list });
  const out = {};
  for (const kind of SCENARIOS) {
    await check(server, kind, paths, ids, headers);
    out[kind] = await measureScenario(server, reqs[kind], { ...opts, dbCpu });
    const r = out[kind];
    log(`${server.label.padEnd(30)} ${kind.padEnd(6)} ${fmt(r.rps, 0).padStart(6)} req/s  p99 ${fmt(r.p99, 1)} ms  non-2xx ${r.non2xx}  errors ${r.errors}`);
  }
  return out;
}

/** PostgreSQL back to the seeded rows (create added some), then fresh statistics. */
async function resetPostgres(url, ids) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DELETE FROM links WHERE NOT (id = ANY($1::uuid[]))', [ids]);
    await c.query('VACUUM ANALYZE links');
    const { rows } = await c.query('SELECT count(*)::int AS n FROM links');
    if (rows[0].n !== ids.length) throw new Error(`PostgreSQL holds ${rows[0].n} links after the reset, expected ${ids.length}`);
  } finally {
    await c.end();
  }
}

/** Start and stop a server `n` times: readiness (ms) and memory at ready of each start. */
async function restarts(n, start) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const s = await start(i);
    const atReady = s.memory();
    await s.stop();
    out.push({ ms: s.readyMs, rssMb: atReady.rssMb });
  }
  return out;
}

export default {
  name: 'serve',
  title: 'Serving: featspec serve vs json-server and a hand-written Fastify + pg ceiling',
  corpus: false,
  async run(ctx) {
    const { repo, workDir, log } = ctx;
    const loadBefore = loadavg()[0];
    const duration = ctx.serveDuration ?? 10;
    const restartRuns = Math.max(5, ctx.runs ?? 3);
    const firstRuns = ctx.runs ?? 3;
    const opts = { connections: CONNECTIONS, duration, warmup: WARMUP_S };
    const dir = join(workDir, 'serve');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const root = join(dir, 'workspace');
    const logFile = join(dir, 'servers.log');
    writeWorkspace(root);
    featspec(repo, ['build', '--root', root]);
    log(`serve: workspace built in ${root}; server logs in ${logFile}`);
    const token = featspec(repo, ['token', '--root', root, '--sub', SUBJECT, '--ttl', '1d'], { FEATSPEC_JWT_SECRET: SECRET }).trim();
    const auth = { authorization: `Bearer ${token}` };
    const ours = { api: API, list: `${API}?page=1&limit=20` };
    const results = {};
    const memory = {};
    const ready = {};

    const pgServer = await startPostgres(dir);
    log(`serve: PostgreSQL ${pgServer.version} on port ${pgServer.port}`);
    try {
      // featspec on PGlite: first starts on empty folders (the last one is seeded), restarts on it, then the load
      // on one more restart (so that its peak memory is that of serving, not of the first start's initdb).
      const pgliteData = (i) => join(dir, `pglite-data-${i}`);
      const first = [];
      let seededPglite = null;
      for (let i = 0; i < firstRuns; i++) {
        const s = await startFeatspec({ repo, root, dataDir: pgliteData(i), secret: SECRET, logFile });
        first.push({ ms: s.readyMs, rssMb: s.memory().rssMb });
        log(`featspec (PGlite) first start ${i + 1}/${firstRuns}: ready in ${fmt(s.readyMs, 0)} ms`);
        if (i === firstRuns - 1) seededPglite = await seed(s.base, token, RECORDS);
        await s.stop();
        if (i < firstRuns - 1) rmSync(pgliteData(i), { recursive: true, force: true });
      }
      ready.pgliteFirst = first;
      const pgliteDir = pgliteData(firstRuns - 1);
      ready.pgliteRestart = await restarts(restartRuns, () => startFeatspec({ repo, root, dataDir: pgliteDir, secret: SECRET, logFile }));
      log(`featspec (PGlite) restarts: ${ready.pgliteRestart.map((r) => fmt(r.ms, 0)).join(', ')} ms`);
      let server = await startFeatspec({ repo, root, dataDir: pgliteDir, secret: SECRET, logFile });
      results.pglite = await loadAll(server, ours, seededPglite.map((r) => r.id), auth, opts, log);
      memory.pglite = await server.stop();

      // featspec on PostgreSQL: the first start migrates; the same table then serves the ceiling.
      server = await startFeatspec({ repo, root, dataDir: join(dir, 'pg-data'), databaseUrl: pgServer.url, secret: SECRET, logFile });
      ready.postgresFirst = [{ ms: server.readyMs, rssMb: server.memory().rssMb }];
      const seeded = await seed(server.base, token, RECORDS);
      const ids = seeded.map((r) => r.id);
      await resetPostgres(pgServer.url, ids);
      results.postgres = await loadAll(server, ours, ids, auth, opts, log, pgServer.cpu);
      memory.postgres = await server.stop();
      await resetPostgres(pgServer.url, ids);
      ready.postgresRestart = await restarts(restartRuns, () => startFeatspec({ repo, root, dataDir: join(dir, 'pg-data'), databaseUrl: pgServer.url, secret: SECRET, logFile }));

      // json-server on the same records (as featspec answered them), in creation order.
      const dbFile = join(dir, 'db.json');
      writeFileSync(dbFile, JSON.stringify({ links: seeded }, null, 2));
      server = await startJsonServer({ repo, dbFile, cwd: dir, logFile });
      ready.jsonServer = [{ ms: server.readyMs, rssMb: server.memory().rssMb }];
      results.jsonServer = await loadAll(server, { api: '/links', list: '/links?_page=1&_limit=20' }, ids, {}, opts, log);
      memory.jsonServer = await server.stop();

      // The ceiling on the same PostgreSQL table.
      server = await startCeiling({ databaseUrl: pgServer.url, ownerId: SUBJECT, cwd: dir, logFile });
      ready.ceiling = [{ ms: server.readyMs, rssMb: server.memory().rssMb }];
      results.ceiling = await loadAll(server, ours, ids, {}, opts, log, pgServer.cpu);
      memory.ceiling = await server.stop();
      await resetPostgres(pgServer.url, ids);

      // The same ceiling with named statements, prepared once per connection as featspec's are.
      server = await startCeiling({ databaseUrl: pgServer.url, ownerId: SUBJECT, cwd: dir, logFile, prepared: true });
      results.prepared = await loadAll(server, ours, ids, {}, opts, log, pgServer.cpu);
      memory.prepared = await server.stop();
      await resetPostgres(pgServer.url, ids);
    } finally {
      pgServer.stop();
    }

    const versions = {
      fastify: version(repo, 'fastify'), pg: version(repo, 'pg'), pglite: version(repo, '@electric-sql/pglite'),
      jsonServer: version(repo, 'json-server'), autocannon: version(repo, 'autocannon'), postgres: pgServer.version,
    };
    const summary = (xs) => ({ ms: median(xs.map((x) => x.ms)), min: Math.min(...xs.map((x) => x.ms)), max: Math.max(...xs.map((x) => x.ms)), rssMb: median(xs.map((x) => x.rssMb ?? 0)), runs: xs.length });
    const readiness = Object.fromEntries(Object.entries(ready).map(([k, xs]) => [k, summary(xs)]));
    const load = { before: loadBefore, after: loadavg()[0] };
    return render({ ...ctx, versions, duration, connections: CONNECTIONS, warmup: WARMUP_S, records: RECORDS, loadavg: load }, results, memory, readiness);
  },
};
