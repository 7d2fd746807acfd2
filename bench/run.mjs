#!/usr/bin/env node
/**
 * npm run bench [-- --suite parse,lint,serve] [--features 5000] [--lint-features 3000] [--seed 1] [--runs 3] [--duration 10] [--build] [--no-write]
 *
 * Builds (or reuses) the generated corpus in bench/.corpus (when a chosen suite reads it), runs the
 * chosen suites, prints their tables and rewrites each suite's section of docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCorpus } from './lib/corpus.mjs';
import { machine } from './lib/machine.mjs';
import { rssMethod } from './lib/measure.mjs';
import { writeSection } from './lib/report.mjs';
import { SUITES } from './suites/index.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const log = (s) => process.stderr.write(`bench: ${s}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string', default: Object.keys(SUITES).join(',') },
      features: { type: 'string', default: '5000' },
      'lint-features': { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      build: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`usage: npm run bench -- [--suite ${Object.keys(SUITES).join('|')}[,...]] [--features N] [--lint-features N] [--seed S] [--runs R] [--duration SECONDS] [--build] [--no-write]\n`);
    process.exit(0);
  }
  const features = Number(values.features);
  const lintFeatures = Number(values['lint-features']);
  const runs = Number(values.runs);
  const duration = Number(values.duration);
  if (!Number.isInteger(features) || features < 1) throw new Error(`--features must be a positive integer, got ${values.features}`);
  if (!Number.isInteger(lintFeatures) || lintFeatures < 1) throw new Error(`--lint-features must be a positive integer, got ${values['lint-features']}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  if (!Number.isInteger(duration) || duration < 1) throw new Error(`--duration must be a positive integer (seconds), got ${values.duration}`);
  const suites = values.suite.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of suites) if (!SUITES[s]) throw new Error(`unknown suite "${s}" (known: ${Object.keys(SUITES).join(', ')})`);
  return { suites, features, lintFeatures, seed: values.seed, runs, duration, build: values.build, write: !values['no-write'] };
}

/** Newest modification time under a folder. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuild(force) {
  const main = join(REPO, 'dist', 'cli', 'main.js');
  if (force || !existsSync(main)) {
    log(force ? 'building (--build)' : 'dist/ is missing: running npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) throw new Error('npm run build failed');
  } else if (newest(join(REPO, 'src')) > statSync(main).mtimeMs) {
    log('warning: src/ is newer than dist/; the numbers are for the last build (pass --build to rebuild first)');
  }
}

async function main() {
  const opts = options();
  ensureBuild(opts.build);
  const dir = join(REPO, 'bench', '.corpus');
  const workDir = join(REPO, 'bench', '.work');
  const suites = await Promise.all(opts.suites.map(async (name) => (await SUITES[name]()).default));
  let corpus = null;
  // A suite that does not read the generated corpus says so with `corpus: false` (serve).
  if (suites.some((s) => s.corpus !== false)) {
    log(`corpus: ${opts.features} features, seed ${opts.seed} in bench/.corpus`);
    corpus = ensureCorpus({ dir, features: opts.features, seed: opts.seed });
    log(`corpus ${corpus.reused ? 'reused' : 'generated'}: ${corpus.docs} docs, ${(corpus.bytes / 1e6).toFixed(1)} MB`);
  }
  const ctx = { repo: REPO, corpus, lintFeatures: opts.lintFeatures, runs: opts.runs, serveDuration: opts.duration, machine: machine(), workDir, rssMethod: rssMethod(workDir), log };
  for (const [i, name] of opts.suites.entries()) {
    const suite = suites[i];
    log(`suite ${name}: ${suite.title}`);
    const result = await suite.run(ctx);
    process.stdout.write(`\n${suite.title}\n\n${result.console}\n\n`);
    if (opts.write) {
      writeSection(join(REPO, 'docs', 'benchmarks.md'), suite.name, result.markdown);
      log(`wrote the ${suite.name} section of docs/benchmarks.md`);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
