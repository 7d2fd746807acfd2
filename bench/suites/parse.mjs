/**
 * Parse suite: `featspec show --json --root <corpus>` next to its floor, a bare markdown-it parse of
 * the same files. Both are child processes, run interleaved; the median of the runs is reported.
 */
import { join } from 'node:path';
import { describeMachine } from '../lib/machine.mjs';
import { measure, median } from '../lib/measure.mjs';
import { fmt, markdownTable, reproduce, textTable } from '../lib/report.mjs';

const MB = 1e6;

function failure(what, r) {
  return new Error(`${what} exited with ${r.exitCode}:\n${r.stderr.trim().split('\n').slice(-20).join('\n')}`);
}

/** featspec's JSON must be one valid workspace with one feature per corpus document. */
function verify(buf, corpus) {
  let ws;
  try {
    ws = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw new Error(`featspec show --json printed invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const n = Array.isArray(ws?.features) ? ws.features.length : -1;
  if (n !== corpus.docs) throw new Error(`featspec show --json listed ${n} features, expected ${corpus.docs}`);
  return { features: n, docs: ws.features.reduce((s, f) => s + (f.docs?.length ?? 0), 0) };
}

function summarize(runs, corpus) {
  const wall = median(runs.map((r) => r.wallMs)) / 1000;
  const rss = runs.every((r) => r.maxRssKb !== null) ? median(runs.map((r) => r.maxRssKb)) / 1024 : null;
  const cpu = runs.every((r) => r.cpuS !== null) ? median(runs.map((r) => r.cpuS)) : null;
  return {
    wall, rss, cpu, docsPerS: corpus.docs / wall, mbPerS: corpus.bytes / MB / wall,
    min: Math.min(...runs.map((r) => r.wallMs)) / 1000, max: Math.max(...runs.map((r) => r.wallMs)) / 1000,
  };
}

export default {
  name: 'parse',
  title: 'Parsing: featspec show --json',
  async run(ctx) {
    const { repo, corpus, runs, workDir, log } = ctx;
    const featspec = { script: join(repo, 'bin', 'featspec.js'), args: ['show', '--json', '--root', corpus.dir], cwd: repo, workDir };
    const floor = { script: join(repo, 'bench', 'suites', 'parse-floor.mjs'), args: [corpus.dir], cwd: repo, workDir };

    log('warm-up: floor once (fills the page cache)');
    const warm = await measure({ ...floor, collect: true });
    if (warm.exitCode !== 0) throw failure('the markdown-it floor', warm);
    const read = JSON.parse(warm.stdout.toString('utf8'));
    if (read.docs !== corpus.docs || read.bytes !== corpus.bytes) {
      throw new Error(`the floor read ${read.docs} files (${read.bytes} bytes); the corpus has ${corpus.docs} (${corpus.bytes} bytes)`);
    }

    const a = [];
    const b = [];
    let checked = null;
    let jsonBytes = 0;
    for (let i = 0; i < runs; i++) {
      const fr = await measure({ ...featspec, collect: i === 0 });
      if (fr.exitCode !== 0) throw failure('featspec show --json', fr);
      if (i === 0) {
        checked = verify(fr.stdout, corpus);
        jsonBytes = fr.stdoutBytes;
      }
      a.push(fr);
      log(`run ${i + 1}/${runs}: featspec ${fmt(fr.wallMs / 1000, 2)} s`);
      const mr = await measure(floor);
      if (mr.exitCode !== 0) throw failure('the markdown-it floor', mr);
      b.push(mr);
      log(`run ${i + 1}/${runs}: floor    ${fmt(mr.wallMs / 1000, 2)} s`);
    }
    const fs = summarize(a, corpus);
    const fl = summarize(b, corpus);
    return render(ctx, fs, fl, { jsonBytes, checked });
  },
};

function render(ctx, fs, fl, { jsonBytes, checked }) {
  const { corpus, runs, machine } = ctx;
  const opt = (v, digits) => (v === null ? 'n/a' : fmt(v, digits));
  const head = ['Tool', 'docs/s', 'MB/s', 'wall s', 'CPU s', 'peak RSS MB'];
  const align = ['l', 'r', 'r', 'r', 'r', 'r'];
  const row = (name, s) => [name, fmt(s.docsPerS, 0), fmt(s.mbPerS, 2), fmt(s.wall, 2), opt(s.cpu, 2), opt(s.rss, 0)];
  const rows = [row('featspec show --json', fs), row('markdown-it 14 parse (floor)', fl)];
  const timeRatio = fs.wall / fl.wall;
  const rssRatio = fs.rss !== null && fl.rss !== null ? fs.rss / fl.rss : null;
  const cpuRatio = fs.cpu !== null && fl.cpu !== null ? fs.cpu / fl.cpu : null;
  const ratio = `featspec / floor: ${fmt(timeRatio, 2)}× the wall time (${fmt(1 / timeRatio, 2)}× the throughput)` +
    (cpuRatio === null ? '' : `, ${fmt(cpuRatio, 2)}× the CPU time`) + (rssRatio === null ? '' : `, ${fmt(rssRatio, 2)}× the peak RSS`);
  const spread = `wall time range over ${runs} runs: featspec ${fmt(fs.min, 2)}–${fmt(fs.max, 2)} s, floor ${fmt(fl.min, 2)}–${fmt(fl.max, 2)} s`;
  const command = `npm run bench -- --suite parse --features ${corpus.features} --seed ${corpus.seed} --runs ${runs}`;
  const styles = Object.entries(corpus.byStyle).map(([s, n]) => `${fmt(n, 0)} ${s}`).join(', ');

  const markdown = [
    '## Parsing: featspec show --json',
    '',
    'How fast `featspec show --json` turns a workspace of feature documents into the model, next to a',
    'floor: the same files read and parsed by a bare markdown-it 14 (`new MarkdownIt().parse(text, {})`,',
    'the default preset, everything on) and nothing else. featspec does that parse too, then builds',
    'sections, runs every extractor and prints the JSON. Both run as child processes and are timed from',
    'spawn to exit (Node startup included); featspec\'s stdout goes to a sink that counts the bytes.',
    '',
    `- Machine: ${describeMachine(machine)}`,
    `- Date: ${machine.date}`,
    `- Corpus: ${fmt(corpus.docs, 0)} documents (${styles}), ${fmt(corpus.bytes / MB, 1)} MB, \`bench/generate.mjs\` seed ${corpus.seed}`,
    `- featspec output: ${fmt(jsonBytes / MB, 1)} MB of JSON, checked valid, ${fmt(checked.features, 0)} features`,
    `- Runs: ${runs} of each, interleaved after one warm-up of the floor; medians shown; CPU (user + system) and peak RSS of each child via ${ctx.rssMethod === 'gnu-time' ? "`/usr/bin/time -f '%M %U %S'`" : '`process.resourceUsage()`'}`,
    '',
    markdownTable(head, rows, align),
    '',
    `${ratio}.`,
    '',
    `${spread}.`,
    'A child\'s CPU time well below its wall time means the machine was busy with other work during the',
    'run (featspec itself is single-threaded); compare CPU seconds then.',
    '',
    ...reproduce(command),
  ].join('\n');
  const text = [textTable(head, rows, align), '', ratio, spread, `corpus: ${fmt(corpus.docs, 0)} docs, ${fmt(corpus.bytes / MB, 1)} MB; featspec JSON ${fmt(jsonBytes / MB, 1)} MB`].join('\n');
  return { console: text, markdown };
}
