/** The lint suite's console text and its section of docs/benchmarks.md. */
import { describeMachine } from '../lib/machine.mjs';
import { verdict } from '../lib/lint-outputs.mjs';
import { fmt, markdownTable, reproduce, textTable } from '../lib/report.mjs';

const MB = 1e6;
const SINGLE_TARGET_MS = 300;
const opt = (v, digits) => (v === null ? 'n/a' : fmt(v, digits));
const ratioOf = (a, b, k) => (a[k] === null || b[k] === null ? null : a[k] / b[k]);

function toolRows(stats, checks, corpus, versions) {
  const findings = (c) => `${fmt(c.errors, 0)} errors${c.warnings === undefined ? '' : `, ${fmt(c.warnings, 0)} warnings`}`;
  const row = (name, s, f) => [name, fmt(corpus.docs / s.wall, 0), fmt(s.wall, 2), opt(s.cpu, 2), opt(s.rss, 0), f];
  return [
    row('featspec lint (all rules)', stats.all, findings(checks.all)),
    row(`markdownlint-cli2 ${versions.cli2} (markdownlint ${versions.markdownlint}, default config)`, stats.mdl, findings(checks.mdl)),
    row('featspec lint --disable mermaid-syntax,sql-syntax', stats.light, findings(checks.light)),
    row('same, in two worker threads (--concurrency 2)', stats.lightShards, findings(checks.lightShards)),
    row(`markdown-it ${versions.markdownIt} read + parse (floor)`, stats.floor, '—'),
    row('featspec\'s parse + one pass over the text (one-pass minimum)', stats.bound, '—'),
  ];
}

/** Issue 3: updated diagnostics within this long of a save, under --watch, on the examples. */
const WATCH_TARGET_MS = 100;

function targetRows(stats, single, watch) {
  const pair = (label, a, b, target) => {
    const wall = a.wall / b.wall;
    const cpu = ratioOf(a, b, 'cpu');
    return [label, `≤ ${target}×`, `${fmt(wall, 2)}×`, cpu === null ? 'n/a' : `${fmt(cpu, 2)}×`, verdict(wall, target).text];
  };
  const rows = [
    pair('(a) featspec, all rules / markdownlint-cli2', stats.all, stats.mdl, 0.5),
    pair('(b) featspec without mermaid-syntax, sql-syntax / markdown-it floor', stats.light, stats.floor, 2),
  ];
  const cpu = ratioOf(stats.bound, stats.floor, 'cpu');
  rows.push(['(b), for reference: the one-pass minimum / markdown-it floor', '—', `${fmt(stats.bound.wall / stats.floor.wall, 2)}×`, cpu === null ? 'n/a' : `${fmt(cpu, 2)}×`,
    `leaves ${fmt(Math.max(0, 2 * stats.floor.wall - stats.bound.wall), 2)} s under (b) for every extractor, rule and the output; featspec spends ${fmt(stats.light.wall - stats.bound.wall, 2)} s`]);
  for (const c of single.cases.filter((x) => !x.reference)) {
    const met = c.wallMs < SINGLE_TARGET_MS;
    const v = (c.cached ? 'not counted (cache on): ' : '') + (met ? `under (${fmt(c.wallMs, 0)} ms < ${SINGLE_TARGET_MS} ms)` : `over: ${fmt(c.wallMs, 0)} ms, ${fmt(c.wallMs / SINGLE_TARGET_MS, 1)} times the target`);
    rows.push([`(c) one document ${c.label}, ${c.where}`, `< ${SINGLE_TARGET_MS} ms`, `${fmt(c.wallMs, 0)} ms`, c.cpuMs === null ? 'n/a' : `${fmt(c.cpuMs, 0)} ms`, v]);
  }
  const met = watch.medianMs < WATCH_TARGET_MS;
  rows.push(['--watch: a save to updated diagnostics, examples', `< ${WATCH_TARGET_MS} ms`, `${fmt(watch.medianMs, 0)} ms`, 'n/a',
    met ? `under (${fmt(watch.medianMs, 0)} ms < ${WATCH_TARGET_MS} ms; slowest of ${watch.saves} saves ${fmt(watch.maxMs, 0)} ms)` : `over: ${fmt(watch.medianMs, 0)} ms`]);
  return rows;
}

function singleRows(single) {
  return single.cases.map((c) => [
    c.label, c.where, c.doc ? `\`${c.doc}\`` : '—', c.doc ? `${c.fences} (${c.mermaid} mermaid)` : '—', String(c.runs),
    fmt(c.wallMs, 0), `${fmt(c.minMs, 0)}–${fmt(c.maxMs, 0)}`, c.cpuMs === null ? 'n/a' : fmt(c.cpuMs, 0),
  ]);
}

const byRule = (c) => Object.entries(c.byRule).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${fmt(n, 0)}`).join(', ');

export function render(ctx, stats, checks, single, watch) {
  const { corpus, runs, machine, versions } = ctx;
  const head = ['Tool', 'docs/s', 'wall s', 'CPU s', 'peak RSS MB', 'findings'];
  const align = ['l', 'r', 'r', 'r', 'r', 'l'];
  const rows = toolRows(stats, checks, corpus, versions);
  const tHead = ['Target', 'bound', 'wall', 'CPU', 'verdict'];
  const tAlign = ['l', 'r', 'r', 'r', 'l'];
  const tRows = targetRows(stats, single, watch);
  const sHead = ['Document', 'workspace', 'path', 'code blocks', 'runs', 'median ms', 'range ms', 'CPU ms'];
  const sAlign = ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r'];
  const sRows = singleRows(single);
  const styles = Object.entries(corpus.byStyle).map(([s, n]) => `${fmt(n, 0)} ${s}`).join(', ');
  const spread = Object.entries({ 'featspec (all rules)': stats.all, 'markdownlint-cli2': stats.mdl, 'featspec --disable': stats.light, 'featspec --disable, two worker threads': stats.lightShards, floor: stats.floor, 'one-pass minimum': stats.bound })
    .map(([k, s]) => `${k} ${fmt(s.min, 2)}–${fmt(s.max, 2)} s`).join(', ');
  const command = `npm run bench -- --suite lint --lint-features ${corpus.features} --seed ${corpus.seed} --runs ${runs}`;
  const plainNote = single.derivedPlain
    ? 'Every generated document has a diagram, so the document without one is the same document with its\nmermaid blocks removed, linted in its own one-document workspace only.'
    : '';

  const markdown = [
    '## Linting: featspec lint vs markdownlint-cli2',
    '',
    'The same generated documents (each with its own diagrams, so nothing is answered from a cache) linted by',
    '`featspec lint --format json` and by markdownlint-cli2 with its default configuration (the corpus holds no',
    'markdownlint config; it runs from the corpus folder on `docs/features/**/*.md`), then featspec without its two',
    'heavy rules (`--disable mermaid-syntax,sql-syntax`: no mermaid parser under a DOM, no PostgreSQL parser) next to',
    'the floor: the same files read and parsed by a bare markdown-it (the parse suite\'s floor). The two linters check',
    'different things (markdownlint: Markdown style; featspec: the documents\' content and their cross-references), so',
    'this compares cost, not findings. On three or more cores featspec lints a workspace this size in worker threads',
    '(one per core, up to four); on two it stays in one thread, and the `--concurrency 2` row shows why. Mermaid',
    'diagrams are checked over worker threads in every case. All run as child processes, interleaved run by run so that load from',
    'other work on the machine falls on each alike, and are timed from spawn to exit (Node start-up included); a',
    'finding makes both linters exit 1, which counts as a normal run. featspec\'s JSON is parsed and checked on every run.',
    'The last row, the one-pass minimum (`bench/suites/lint-bound.mjs`), is the least any featspec lint does on these files:',
    'read them, parse them with featspec\'s own parser into blocks and sections, and look at every text once (the',
    'plain text of each heading, paragraph, list item and table cell, and each code block, scanned with five regular',
    'expressions of the kind the extractors use). It builds no model and runs no rule, so the gap between it and',
    'featspec is what extraction, the rules and the output cost.',
    '',
    `- Machine: ${describeMachine(machine)}`,
    `- Date: ${machine.date}`,
    `- Corpus: ${fmt(corpus.docs, 0)} documents (${styles}), ${fmt(corpus.bytes / MB, 1)} MB, \`bench/generate.mjs\` seed ${corpus.seed}`,
    ...(ctx.rebuilt ? ['- Warning: `dist/` was rebuilt while this ran, so the runs may mix builds'] : []),
    `- Runs: ${runs} of each, interleaved after one warm-up of the floor; medians shown; CPU (user + system, all threads) and peak RSS via ${ctx.rssMethod === 'gnu-time' ? "`/usr/bin/time -f '%M %U %S'`" : '`process.resourceUsage()`'}`,
    '',
    markdownTable(head, rows, align),
    '',
    `featspec findings by rule (all rules): ${byRule(checks.all)}.`,
    '',
    `Wall time range over ${runs} runs: ${spread}.`,
    '',
    '### Targets',
    '',
    markdownTable(tHead, tRows, tAlign),
    '',
    'The verdict is on wall time. featspec checks diagrams on worker threads, so its CPU time can exceed its',
    'wall time; a CPU time far below the wall time means the process waited for a core (other work on the',
    'machine), and the CPU ratio is then the steadier comparison.',
    '',
    '### One document',
    '',
    '`featspec lint <document> --root <workspace> --format json`, start to exit, the cases interleaved round by',
    'round: in a one-document workspace (the editor-on-save case), in a workspace of the corpus\'s first 50 features',
    'and in the whole corpus above. In a workspace, every document is read, and the other features are built only',
    'as far as the cross-document rules can find something in them for this document (`lint/scoped.ts`). The last row lints',
    'nothing: `featspec --version` costs Node\'s start-up and the CLI\'s module imports, the least any command pays.',
    'Rows marked `--cache (warm)` lint the same document again with `--cache` after one unmeasured run filled the',
    'cache (the re-lint after an edit elsewhere): they are shown for the editor case and not counted against the target.',
    plainNote,
    '',
    markdownTable(sHead, sRows, sAlign),
    '',
    '### Watch',
    '',
    '`featspec lint --watch` on a copy of the examples (`bench/suites/lint-watch.mjs`): each of',
    `${watch.saves} saves alternately adds a placeholder to one document and takes it away; timed from the write to the`,
    'report on stdout, which must show the placeholder or its absence. This includes the file watcher\'s latency and the',
    `15 ms debounce. Median ${fmt(watch.medianMs, 0)} ms, range ${fmt(watch.minMs, 0)}–${fmt(watch.maxMs, 0)} ms; the first full report ${fmt(watch.initialMs, 0)} ms after start.`,
    '',
    ...reproduce(command),
  ].filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
  const text = [
    textTable(head, rows, align), '', textTable(tHead, tRows, tAlign), '', textTable(sHead, sRows, sAlign), '',
    `corpus: ${fmt(corpus.docs, 0)} docs, ${fmt(corpus.bytes / MB, 1)} MB in ${corpus.dir}`,
    `featspec findings by rule: ${byRule(checks.all)}`,
  ].join('\n');
  return { console: text, markdown };
}
