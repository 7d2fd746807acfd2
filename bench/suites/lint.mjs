/**
 * Lint suite: on the same generated documents (its own corpus, --lint-features, 3,000 by default),
 *   (a) `featspec lint --format json` (all rules) next to markdownlint-cli2 (default config);
 *   (b) featspec without the heavy rules (--disable mermaid-syntax,sql-syntax) next to the floor, a
 *       bare markdown-it read-and-parse of the same files (the parse suite's floor), and the one-pass minimum: the
 *       least any featspec lint does on them (lint-bound.mjs: featspec's parse and one pass over the text);
 * all six child processes interleaved run by run; then the single-document timing (lint-single.mjs) and
 * the time from a save to updated diagnostics under --watch (lint-watch.mjs).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCorpus } from '../lib/corpus.mjs';
import { featspecCounts, markdownlintCounts } from '../lib/lint-outputs.mjs';
import { measure, median } from '../lib/measure.mjs';
import { fmt } from '../lib/report.mjs';
import { measureChecked } from './lint-measure.mjs';
import { render } from './lint-report.mjs';
import { singleDocument } from './lint-single.mjs';
import { watchSaves } from './lint-watch.mjs';

const HEAVY = ['mermaid-syntax', 'sql-syntax'];
const version = (repo, pkg) => JSON.parse(readFileSync(join(repo, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const tail = (s) => s.trim().split('\n').slice(-20).join('\n');

/** Newest modification time under a folder (0 when missing): a rebuild of dist/ mid-run shows. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs), 0);
}

/** The corpus must not carry a markdownlint config that would replace the defaults. */
function assertNoMarkdownlintConfig(dir) {
  const found = readdirSync(dir, { recursive: true }).map(String).filter((f) => /(^|\/)\.markdownlint/.test(f));
  if (found.length) throw new Error(`markdownlint config files in the corpus would change its defaults: ${found.join(', ')}`);
}

function summarize(runs) {
  const all = (k) => runs.every((r) => r[k] !== null);
  return {
    wall: median(runs.map((r) => r.wallMs)) / 1000,
    cpu: all('cpuS') ? median(runs.map((r) => r.cpuS)) : null,
    rss: all('maxRssKb') ? median(runs.map((r) => r.maxRssKb)) / 1024 : null,
    min: Math.min(...runs.map((r) => r.wallMs)) / 1000,
    max: Math.max(...runs.map((r) => r.wallMs)) / 1000,
  };
}

export default {
  name: 'lint',
  title: 'Linting: featspec lint vs markdownlint-cli2',
  async run(ctx) {
    const { repo, runs, workDir, log } = ctx;
    const features = ctx.lintFeatures ?? 3000;
    const corpus = ctx.corpus.features === features
      ? ctx.corpus
      : ensureCorpus({ dir: join(workDir, 'lint-corpus'), features, seed: ctx.corpus.seed });
    log(`lint corpus: ${corpus.docs} docs, ${fmt(corpus.bytes / 1e6, 1)} MB in ${corpus.dir}`);
    assertNoMarkdownlintConfig(corpus.dir);
    const mdlBin = join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    if (!existsSync(mdlBin)) throw new Error('markdownlint-cli2 is not installed (npm install)');

    const featspec = join(repo, 'bin', 'featspec.js');
    const common = { cwd: corpus.dir, workDir };
    const tools = [
      { key: 'all', what: 'featspec lint (all rules)', script: featspec, args: ['lint', '--root', corpus.dir, '--format', 'json'] },
      { key: 'mdl', what: 'markdownlint-cli2', script: mdlBin, args: ['docs/features/**/*.md'] },
      { key: 'light', what: 'featspec lint --disable heavy', script: featspec, args: ['lint', '--root', corpus.dir, '--format', 'json', '--disable', HEAVY.join(',')] },
      { key: 'lightShards', what: 'featspec lint --disable heavy, two worker threads', script: featspec, args: ['lint', '--root', corpus.dir, '--format', 'json', '--disable', HEAVY.join(','), '--concurrency', '2'] },
      { key: 'floor', what: 'markdown-it floor', script: join(repo, 'bench', 'suites', 'parse-floor.mjs'), args: [corpus.dir] },
      { key: 'bound', what: 'featspec parse + one text pass', script: join(repo, 'bench', 'suites', 'lint-bound.mjs'), args: [corpus.dir] },
    ];

    log('warm-up: floor once (fills the page cache)');
    const floorTool = tools.find((t) => t.key === 'floor');
    const warm = await measure({ ...floorTool, ...common, collect: true });
    if (warm.exitCode !== 0) throw new Error(`the markdown-it floor exited with ${warm.exitCode}:\n${tail(warm.stderr)}`);
    const read = JSON.parse(warm.stdout.toString('utf8'));
    if (read.docs !== corpus.docs || read.bytes !== corpus.bytes) {
      throw new Error(`the floor read ${read.docs} files (${read.bytes} bytes); the corpus has ${corpus.docs} (${corpus.bytes} bytes)`);
    }

    const distBefore = newest(join(repo, 'dist'));
    const parsers = { all: featspecCounts, mdl: markdownlintCounts, light: featspecCounts, lightShards: featspecCounts, floor: (out) => JSON.parse(out), bound: (out) => JSON.parse(out) };
    const results = Object.fromEntries(tools.map((t) => [t.key, []]));
    const checks = {};
    for (let i = 0; i < runs; i++) {
      for (const t of tools) {
        const plain = t.key === 'floor' || t.key === 'bound';
        const okCodes = plain ? [0] : [0, 1];
        const r = await measureChecked({ ...t, ...common, okCodes }, parsers[t.key], log);
        const c = r.counts;
        const files = plain ? c.docs : c.files;
        if (files !== corpus.docs) throw new Error(`${t.what} went through ${files} files, expected ${corpus.docs}`);
        if (t.key.startsWith('light') && HEAVY.some((h) => c.byRule[h])) throw new Error('--disable left heavy-rule diagnostics in the output');
        checks[t.key] ??= { ...c, outBytes: r.stdoutBytes };
        results[t.key].push(r);
        log(`run ${i + 1}/${runs}: ${t.what.padEnd(30)} ${fmt(r.wallMs / 1000, 2)} s wall, ${r.cpuS === null ? 'n/a' : fmt(r.cpuS, 2)} s CPU`);
      }
    }
    const stats = Object.fromEntries(tools.map((t) => [t.key, summarize(results[t.key])]));

    const single = await singleDocument(ctx, corpus, { runs: ctx.singleRuns ?? 10, corpusRuns: ctx.singleCorpusRuns ?? 10 });
    const watch = await watchSaves(ctx, { saves: ctx.watchSaves ?? 20 });
    const rebuilt = newest(join(repo, 'dist')) !== distBefore;
    if (rebuilt) log('warning: dist/ changed during the measurement; the runs may mix builds');
    const versions = { cli2: version(repo, 'markdownlint-cli2'), markdownlint: version(repo, 'markdownlint'), markdownIt: version(repo, 'markdown-it') };
    return render({ ...ctx, corpus, versions, rebuilt }, stats, checks, single, watch);
  },
};
