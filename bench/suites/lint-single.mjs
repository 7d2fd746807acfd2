/**
 * Single-document timing of the lint suite: `featspec lint <doc> --root <workspace> --format json`
 * from spawn to exit, for a document with a mermaid block, one with mermaid and SQL blocks, and one
 * without either (the heavy checkers load lazily, so the last should skip their start-up). Measured in
 * a one-document workspace (the editor-on-save case), in a workspace of the corpus's first 50
 * features (an agent linting what it just edited in a real project) and in the whole corpus.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { dropFences, featspecCounts, fenceLanguages } from '../lib/lint-outputs.mjs';
import { median } from '../lib/measure.mjs';
import { measureChecked } from './lint-measure.mjs';
import { markdownFiles } from '../lib/markdown-files.mjs';


/**
 * The first corpus document with a mermaid block and no SQL, the first with both (a plan: the SQL
 * parser loads too), and the first with neither (null when every document has a diagram, as in the
 * generated corpus).
 */
export function pickDocs(corpusDir) {
  let withMermaid = null;
  let withSql = null;
  let plain = null;
  for (const file of markdownFiles(join(corpusDir, 'docs', 'features'))) {
    const langs = fenceLanguages(readFileSync(file, 'utf8'));
    if (!withMermaid && langs.includes('mermaid') && !langs.includes('sql')) withMermaid = file;
    if (!withSql && langs.includes('mermaid') && langs.includes('sql')) withSql = file;
    if (!plain && !langs.includes('mermaid') && !langs.includes('sql')) plain = file;
    if (withMermaid && withSql && plain) break;
  }
  if (!withMermaid) throw new Error('the corpus has no document with a mermaid block and no SQL');
  if (!withSql) throw new Error('the corpus has no document with both a mermaid block and a SQL block');
  return { withMermaid, withSql, plain };
}

/** Features of the mid-sized workspace (a project some years in). */
export const MID_FEATURES = 50;

/** A workspace of the corpus's first `features` feature folders (each picked document's folder among them). */
function firstFeaturesWorkspace(root, corpusDir, features, docs) {
  rmSync(root, { recursive: true, force: true });
  const all = readdirSync(join(corpusDir, 'docs', 'features')).sort();
  const folders = new Set(all.slice(0, features));
  for (const d of docs) folders.add(relative(join(corpusDir, 'docs', 'features'), d).split(/[\\/]/)[0]);
  for (const f of folders) {
    for (const file of markdownFiles(join(corpusDir, 'docs', 'features', f))) {
      const target = join(root, relative(corpusDir, file));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
  }
  return folders.size;
}

/** A workspace of one document at the same relative path; `transform` may rewrite its text. */
function oneDocWorkspace(root, corpusDir, file, transform) {
  rmSync(root, { recursive: true, force: true });
  const target = join(root, relative(corpusDir, file));
  mkdirSync(dirname(target), { recursive: true });
  if (transform) writeFileSync(target, transform(readFileSync(file, 'utf8')));
  else copyFileSync(file, target);
  return target;
}

/** A lint case: `featspec lint <file> --root <root> --format json`, checked to have linted one file. */
function lintCase(label, where, root, file, runs, cacheFile = null) {
  const langs = fenceLanguages(readFileSync(file, 'utf8'));
  const doc = relative(root, file);
  return {
    label: cacheFile ? `${label}, --cache (warm)` : label, where, root, runs, doc, fences: langs.length, mermaid: langs.filter((l) => l === 'mermaid').length,
    cached: cacheFile !== null,
    args: ['lint', file, '--root', root, '--format', 'json', ...(cacheFile ? ['--cache-location', cacheFile] : [])],
    parse: (out) => {
      const c = featspecCounts(out);
      if (c.files !== 1) throw new Error(`linted ${c.files} files, expected 1`);
      return c;
    },
  };
}

/** The reference: `featspec --version`, Node start-up plus the CLI's imports and nothing else. */
function startupCase(root, runs) {
  return {
    label: 'none: `featspec --version` (start-up only)', where: '—', root, runs, doc: null, fences: null, mermaid: null, reference: true,
    args: ['--version'],
    parse: (out) => {
      if (!/^\d+\.\d+\.\d+/.test(out.trim())) throw new Error(`printed "${out.trim().slice(0, 80)}", not a version`);
      return null;
    },
  };
}

/**
 * @param {{ repo: string, workDir: string, log: (s: string) => void }} ctx
 * @param {{ dir: string, docs: number }} corpus
 * @param {{ runs: number, corpusRuns: number }} o
 */
export async function singleDocument(ctx, corpus, { runs, corpusRuns }) {
  const { repo, workDir, log } = ctx;
  const script = join(repo, 'bin', 'featspec.js');
  const picked = pickDocs(corpus.dir);
  const base = join(workDir, 'lint-single');
  const one = 'one-document workspace';
  const whole = `${corpus.docs.toLocaleString('en-US')}-document corpus`;
  const mermaidRoot = join(base, 'mermaid');
  const plainRoot = join(base, 'plain');
  const plainFile = picked.plain
    ? oneDocWorkspace(plainRoot, corpus.dir, picked.plain)
    : oneDocWorkspace(plainRoot, corpus.dir, picked.withMermaid, (t) => dropFences(t, 'mermaid'));
  const sqlRoot = join(base, 'sql');
  const midRoot = join(base, 'mid');
  const midFeatures = firstFeaturesWorkspace(midRoot, corpus.dir, MID_FEATURES, [picked.withMermaid, picked.withSql]);
  const mid = `${midFeatures}-feature workspace`;
  const inMid = (file) => join(midRoot, relative(corpus.dir, file));
  const cases = [
    lintCase('with a mermaid block', one, mermaidRoot, oneDocWorkspace(mermaidRoot, corpus.dir, picked.withMermaid), runs),
    lintCase('with mermaid and SQL blocks', one, sqlRoot, oneDocWorkspace(sqlRoot, corpus.dir, picked.withSql), runs),
    lintCase('without a mermaid block', one, plainRoot, plainFile, runs),
    lintCase('with a mermaid block', mid, midRoot, inMid(picked.withMermaid), runs),
    lintCase('with mermaid and SQL blocks', mid, midRoot, inMid(picked.withSql), runs),
    lintCase('with a mermaid block', whole, corpus.dir, picked.withMermaid, corpusRuns),
    ...(picked.plain ? [lintCase('without a mermaid block', whole, corpus.dir, picked.plain, corpusRuns)] : []),
    lintCase('with a mermaid block', one, mermaidRoot, join(mermaidRoot, relative(corpus.dir, picked.withMermaid)), runs, join(base, 'cache-one')),
    lintCase('with a mermaid block', whole, corpus.dir, picked.withMermaid, corpusRuns, join(base, 'cache-corpus')),
    startupCase(plainRoot, runs),
  ];
  for (const c of cases.filter((x) => x.cached)) {
    rmSync(c.args[c.args.length - 1], { force: true });
    const r = await measureChecked({ what: `filling the lint cache for ${c.doc}`, script, args: c.args, cwd: c.root, workDir, okCodes: [0, 1] }, c.parse, log);
    log(`cache filled for ${c.where} in ${Math.round(r.wallMs)} ms`);
  }
  for (const c of cases) {
    c.walls = [];
    c.cpus = [];
  }
  const rounds = Math.max(...cases.map((c) => c.runs));
  for (let i = 0; i < rounds; i++) {
    for (const c of cases) {
      if (i >= c.runs) continue;
      const what = `featspec ${c.doc ? `lint ${c.doc} --root <${c.where}>` : '--version'}`;
      const r = await measureChecked({ what, script, args: c.args, cwd: c.root, workDir, okCodes: [0, 1] }, c.parse, log);
      c.walls.push(r.wallMs);
      if (r.cpuS !== null) c.cpus.push(r.cpuS);
    }
    log(`single document, round ${i + 1}/${rounds}: ${cases.filter((c) => i < c.runs).map((c) => `${Math.round(c.walls[i])} ms`).join(', ')}`);
  }
  return {
    derivedPlain: !picked.plain,
    cases: cases.map((c) => ({
      label: c.label, where: c.where, doc: c.doc, fences: c.fences, mermaid: c.mermaid, runs: c.walls.length, reference: c.reference ?? false, cached: c.cached ?? false,
      wallMs: median(c.walls), minMs: Math.min(...c.walls), maxMs: Math.max(...c.walls),
      cpuMs: c.cpus.length === c.walls.length ? median(c.cpus) * 1000 : null,
    })),
  };
}
