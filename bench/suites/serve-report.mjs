/** The serve suite's console text and its section of docs/benchmarks.md. */
import { describeMachine } from '../lib/machine.mjs';
import { fmt, markdownTable, reproduce, textTable } from '../lib/report.mjs';
import { RATE_LIMIT } from '../serve/servers.mjs';

export const TARGETS = { ceiling: 0.7, jsonServer: 1, readyMs: 2000 };
const SCENARIO_NAMES = { get: 'get-by-id', list: 'list', create: 'create' };
const opt = (v, d) => (v === null || v === undefined ? 'n/a' : fmt(v, d));

const SERVERS = (v) => [
  ['pglite', `featspec serve, PGlite ${v.pglite}`],
  ['postgres', `featspec serve, PostgreSQL ${v.postgres}`],
  ['jsonServer', `json-server ${v.jsonServer}`],
  ['ceiling', `ceiling: Fastify ${v.fastify} + pg ${v.pg}, PostgreSQL ${v.postgres}`],
  ['prepared', 'ceiling with prepared statements'],
];

function atLeast(ratio, bound) {
  return ratio >= bound ? `met (${fmt(ratio, 2)}× ≥ ${fmt(bound, 2)}×)` : `not met: ${fmt(ratio, 2)}× against at least ${fmt(bound, 2)}×`;
}
function above(ratio, bound) {
  return ratio > bound ? `met (${fmt(ratio, 2)}× > ${fmt(bound, 0)}×)` : `not met: ${fmt(ratio, 2)}×, not faster`;
}

function targetRows(results, readiness) {
  const rows = [];
  for (const k of ['get', 'list', 'create']) {
    const r = results.postgres[k].rps / results.ceiling[k].rps;
    rows.push([`featspec on PostgreSQL / ceiling, ${SCENARIO_NAMES[k]} req/s`, `≥ ${fmt(TARGETS.ceiling, 2)}×`, `${fmt(r, 2)}×`, atLeast(r, TARGETS.ceiling)]);
  }
  for (const [store, label] of [['pglite', 'PGlite'], ['postgres', 'PostgreSQL']]) {
    for (const k of ['get', 'list']) {
      const r = results[store][k].rps / results.jsonServer[k].rps;
      rows.push([`featspec on ${label} / json-server, ${SCENARIO_NAMES[k]} req/s`, `> ${fmt(TARGETS.jsonServer, 0)}×`, `${fmt(r, 2)}×`, above(r, TARGETS.jsonServer)]);
    }
  }
  const restart = readiness.pgliteRestart.ms;
  rows.push([
    'featspec on PGlite, existing data folder: spawn to /readyz 200', `< ${fmt(TARGETS.readyMs, 0)} ms`, `${fmt(restart, 0)} ms`,
    restart < TARGETS.readyMs ? `met (${fmt(restart, 0)} ms < ${fmt(TARGETS.readyMs, 0)} ms)` : `not met: ${fmt(restart, 0)} ms, ${fmt(restart / TARGETS.readyMs, 2)} times the target`,
  ]);
  return rows;
}

export function render(ctx, results, memory, readiness) {
  const { machine, versions: v, duration, connections, warmup, records } = ctx;
  const servers = SERVERS(v);
  const head = ['Server', 'get-by-id req/s', 'p99 ms', 'list req/s', 'p99 ms', 'create req/s', 'p99 ms', 'non-2xx', 'peak RSS MB'];
  const align = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];
  const rows = servers.map(([k, name]) => {
    const r = results[k];
    const non2xx = r.get.non2xx + r.list.non2xx + r.create.non2xx + r.get.errors + r.list.errors + r.create.errors;
    return [name, fmt(r.get.rps, 0), fmt(r.get.p99, 1), fmt(r.list.rps, 0), fmt(r.list.p99, 1), fmt(r.create.rps, 0), fmt(r.create.p99, 1), fmt(non2xx, 0), opt(memory[k]?.peakMb, 0)];
  });
  const dHead = ['Server', 'scenario', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'server CPU ms/request', 'PostgreSQL CPU ms/request'];
  const dAlign = ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];
  const dRows = servers.flatMap(([k, name]) => ['get', 'list', 'create'].map((s) => {
    const r = results[k][s];
    return [name, SCENARIO_NAMES[s], fmt(r.requests, 0), fmt(r.rps, 0), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.non2xx, 0), fmt(r.errors, 0), opt(r.cpuMsPerRequest, 2), opt(r.dbCpuMsPerRequest, 2)];
  }));
  const tHead = ['Target', 'bound', 'measured', 'verdict'];
  const tAlign = ['l', 'r', 'r', 'l'];
  const tRows = targetRows(results, readiness);
  const sHead = ['Start', 'runs', 'median ms to ready', 'range ms', 'RSS at ready MB', 'peak RSS under load MB'];
  const sAlign = ['l', 'r', 'r', 'r', 'r', 'r'];
  const sRow = (label, s, peak) => [label, String(s.runs), fmt(s.ms, 0), `${fmt(s.min, 0)}–${fmt(s.max, 0)}`, fmt(s.rssMb, 0), opt(peak, 0)];
  const sRows = [
    sRow('featspec serve, PGlite, empty data folder (first start: initdb)', readiness.pgliteFirst, null),
    sRow(`featspec serve, PGlite, existing data folder (${fmt(records, 0)} rows)`, readiness.pgliteRestart, memory.pglite?.peakMb),
    sRow('featspec serve, PostgreSQL, empty database (first start: migration)', readiness.postgresFirst, memory.postgres?.peakMb),
    sRow('featspec serve, PostgreSQL, migrated database', readiness.postgresRestart, null),
    sRow(`json-server, db.json of ${fmt(records, 0)} records`, readiness.jsonServer, memory.jsonServer?.peakMb),
    sRow('ceiling (Fastify + pg)', readiness.ceiling, memory.ceiling?.peakMb),
  ];
  const load = ctx.loadavg ? `; 1-minute load average ${fmt(ctx.loadavg.before, 2)} before the run, ${fmt(ctx.loadavg.after, 2)} after` : '';
  const ratio = (a, b, k) => `${fmt(results[a][k].rps / results[b][k].rps, 2)}×`;
  const ratioLine = (a, b) => ['get', 'list', 'create'].map((k) => `${SCENARIO_NAMES[k]} ${ratio(a, b, k)}`).join(', ');
  const command = `npm run bench -- --suite serve --duration ${duration} --runs ${ctx.runs}`;

  const markdown = [
    '## Serving: featspec serve vs json-server and a hand-written ceiling',
    '',
    `The same API on ${fmt(records, 0)} records of one user, each server a child process measured on its own (one after`,
    'the other, never two at once): `featspec serve` on PGlite (`--data` folder) and on PostgreSQL (`--database-url`,',
    'a throwaway local server the suite starts with fsync off), json-server on a `db.json` of the same records, and the',
    'ceiling: the three routes written by hand with Fastify and pg (`bench/serve/ceiling.mjs`), running the same SQL on',
    'the same table as featspec on PostgreSQL, once with pg\'s default unnamed statements (the target\'s ceiling) and once',
    'with named statements prepared per connection. The workspace is one generated design document',
    '(`bench/serve/workspace.mjs`: a `Link` with a title, a url, an integer, a boolean and timestamps, authenticated',
    'CRUD endpoints, an index on `(owner_id, created_at)`), checked with `featspec build`.',
    '',
    '- featspec runs as shipped: HS256 bearer auth on every request, body validation, row-level security filtering',
    '  rows under the non-superuser role (the policies `featspec build` generates), metrics, and pino request logs at',
    `  the default level (\`info\`, to a file). Rate limiting stays on with a limit no run reaches (\`--rate-limit ${fmt(RATE_LIMIT, 0).replace(/,/g, '')}\`),`,
    '  so no request is refused. A request is one batch to the database: the caller context and the statement as',
    '  prepared statements ending in one Sync (one round trip, one implicit transaction); PGlite runs in a worker thread.',
    '- The ceiling does the least: no authentication (the owner id is fixed at start), no RLS (it connects as the',
    '  superuser and filters with `owner_id = $n`), no logs, no metrics; a Fastify JSON schema checks the create body;',
    '  a pool of 10 connections (featspec\'s size too), one statement per request. json-server has no authentication',
    '  and keeps the records in memory, writing `db.json` on every create.',
    `- Load: autocannon ${v.autocannon} in the bench process, ${connections} connections, ${warmup} s of warm-up (dropped) then`,
    `  ${duration} s measured per scenario. get-by-id rotates over the ${fmt(records, 0)} ids; list asks for page 1 of 20 (with the`,
    '  total); create posts a valid body. One checked request of each scenario precedes its load; every measured',
    '  response must be 2xx (the non-2xx column). PostgreSQL is reset to the seeded rows (and analyzed) between servers.',
    '- Start-up: time from spawning the server until its readiness URL (`/readyz`) answers 200, polled every 10 ms;',
    '  memory from `/proc/<pid>/status` (VmRSS at ready, VmHWM before stopping). With PostgreSQL, the database\'s own',
    '  processes are not counted; with PGlite the database runs inside the server process.',
    '',
    `- Machine: ${describeMachine(machine)}${load}`,
    `- Date: ${machine.date}`,
    `- Versions: PGlite ${v.pglite}, PostgreSQL ${v.postgres}, Fastify ${v.fastify}, pg ${v.pg}, json-server ${v.jsonServer}, autocannon ${v.autocannon}`,
    '',
    markdownTable(head, rows, align),
    '',
    `featspec on PostgreSQL / ceiling: ${ratioLine('postgres', 'ceiling')}; / ceiling with prepared statements: ${ratioLine('postgres', 'prepared')}.`,
    `featspec on PGlite / json-server: ${ratioLine('pglite', 'jsonServer')}; on PostgreSQL / json-server: ${ratioLine('postgres', 'jsonServer')}.`,
    '',
    '### Targets',
    '',
    markdownTable(tHead, tRows, tAlign),
    '',
    'Two cores carry the server, PostgreSQL and autocannon at once, so every number here is lower than on a bigger',
    'machine and the servers that need less CPU per request gain most; the CPU columns below show that cost. featspec',
    'can pass the unnamed-statement ceiling because it prepares its statements (PostgreSQL parses, rewrites and plans',
    'each once per connection); the prepared ceiling shows what that is worth. On list, row-level security adds',
    'work the ceiling does not do: the policy compares every row scanned with the caller\'s id, which schema.sql',
    'writes as a scalar subquery, `(SELECT nullif(current_setting(\'app.user_id\', true), \'\')::uuid)`, so that',
    'PostgreSQL evaluates it once per statement rather than once per row (see the PostgreSQL CPU column).',
    '',
    '### Start-up and memory',
    '',
    markdownTable(sHead, sRows, sAlign),
    '',
    '### Per scenario',
    '',
    markdownTable(dHead, dRows, dAlign),
    '',
    'Server CPU is the server process\'s user + system time (all its threads: PGlite runs in a worker thread) during',
    'the measured run divided by its 2xx answers; PostgreSQL CPU is the same for the throwaway server\'s processes.',
    '',
    ...reproduce(command),
  ].join('\n');
  const text = [
    textTable(head, rows, align), '', textTable(tHead, tRows, tAlign), '', textTable(sHead, sRows, sAlign), '', textTable(dHead, dRows, dAlign),
  ].join('\n');
  return { console: text, markdown };
}
