import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fsAccess } from '../lint/fs-access.js';
import { lint } from '../lint/engine.js';
import { applyFixes } from '../lint/fix.js';
import { github } from '../lint/formatters/github.js';
import { pretty } from '../lint/formatters/pretty.js';
import { sarif } from '../lint/formatters/sarif.js';
import { summarize, toJson } from '../lint/formatters/summary.js';
import { RULES } from '../lint/rules/index.js';
import type { LintDiagnostic } from '../lint/types.js';
import { lintInWorkers, lintWorkerUrl, workerCount, type Concurrency } from '../lint/shard/run.js';
import { DEFAULT_CACHE_LOCATION, readLintCache, writeLintCache } from '../lint/cache.js';
import { listsForLint } from '../lint/lists.js';
import { loadScoped } from '../lint/scoped.js';
import { primeDiagramResults, usedDiagramResults } from '../lint/heavy/mermaid-batch.js';
import { checkRuleSettings, isRuleId } from '../lint/settings.js';
import { rel as relPath } from '../workspace/discover.js';
import { prepareStateDir } from '../util/state-dir.js';
import { discoverWorkspace, loadWorkspace } from '../workspace/load.js';
import { paint } from './color.js';
import { UsageError, type CommandResult, type GlobalOptions } from './result.js';
import { VERSION } from './version.js';

export type LintFormat = 'pretty' | 'json' | 'sarif' | 'github';

export interface LintArgs {
  paths: string[];
  format: LintFormat;
  fix: boolean;
  maxWarnings: number | null;
  /** Rules turned off on the command line (`--disable mermaid-syntax,sql-syntax`). */
  disable: string[];
  /** Worker threads for a whole-workspace run: a number (0 or 1: none) or 'auto' (by size and cores; the default). */
  concurrency?: Concurrency;
  /** Reuse what the previous run built (lint/cache.ts); runs in one thread. */
  cache?: boolean;
  /** The cache file (relative to the cwd; default `<root>/.featspec/cache/lint`). */
  cacheLocation?: string;
}

/** Map command-line paths (files or folders, relative to the cwd) to workspace document paths. */
export function selectPaths(root: string, documents: readonly string[], roots: readonly string[], cwd: string, paths: string[]): Set<string> | undefined {
  if (paths.length === 0) return undefined;
  const out = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new UsageError(`${p}: no such file or folder`);
    const rel = relative(root, abs).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${p} is outside the workspace ${root}`);
    const isDir = statSync(abs).isDirectory();
    const hits = documents.filter((d) => (isDir ? rel === '' || d.startsWith(`${rel}/`) : d === rel));
    if (hits.length === 0) throw new UsageError(`${p} is not a feature document of the workspace (feature folders: ${roots.join(', ') || 'none'})`);
    for (const h of hits) out.add(h);
  }
  return out;
}

export async function runLint(opts: GlobalOptions, args: LintArgs, cwd: string): Promise<CommandResult> {
  for (const id of args.disable) if (!isRuleId(id)) throw new UsageError(`--disable: unknown rule "${id}"`);
  const discovered = await discoverWorkspace(opts.root);
  checkRuleSettings(discovered.config.rules);
  const documents = discovered.found.features.flatMap((f) => f.files.map((abs) => relPath(discovered.root, abs)));
  const paths = selectPaths(discovered.root, documents, discovered.found.roots, cwd, args.paths);
  // With paths, the summary counts the features that hold them.
  const holding = paths ? discovered.found.features.filter((f) => f.files.some((abs) => paths.has(relPath(discovered.root, abs)))) : null;
  const selected = holding ? holding.length : null;
  // Only the model lists that the enabled rules read are extracted.
  const lists = listsForLint(discovered.config.rules, args.disable);
  // A lint of the documents of a few features builds the others only as far as it needs them (below),
  // which is cheaper than building all of them in workers.
  const few = holding !== null && holding.length * 2 < discovered.found.features.length;
  if (!args.fix && !args.cache && !few) {
    const url = lintWorkerUrl();
    const workers = url ? workerCount(documents.length, args.concurrency ?? 'auto') : 0;
    if (url && workers > 0) {
      const r = await lintInWorkers(discovered, { rules: discovered.config.rules, disable: args.disable, lists, now: new Date(), ...(paths ? { paths } : {}) }, workers, url);
      return report(r.diagnostics, paths ? paths.size : r.files, selected ?? r.features, args, opts, [], fileLines(discovered.root));
    }
  }
  const notes: string[] = [];
  const cacheFile = args.cache ? resolve(cwd, args.cacheLocation ?? join(discovered.root, DEFAULT_CACHE_LOCATION)) : null;
  const cache = cacheFile ? readLintCache(cacheFile, VERSION) : null;
  if (cache) primeDiagramResults(cache.diagrams);
  const featureCache = cache ? { cache: { features: cache.features, salt: cache.salt } } : {};
  // A lint of some documents builds the other features only as far as its findings can depend on them
  // (lint/scoped.ts), taking those the cache holds from it; the cache keeps the features it does not look at.
  const linted = holding ? new Set(holding.map((f) => f.id)) : null;
  if (cache && linted) cache.partial = true;
  const loadAll = async (d?: typeof discovered) => (linted && paths
    ? loadScoped(d ?? (await discoverWorkspace(opts.root)), linted, lists, { ...featureCache, paths })
    : loadWorkspace(opts.root, d, { lists, ...featureCache }));
  let loaded = await loadAll(discovered);
  const run = () => lint(loaded, { rules: loaded.config.rules, paths, ...fsAccess(loaded.workspace.root), disable: new Set(args.disable) });
  let diags = await run();
  if (args.fix) {
    const changed = await applyFixes(loaded.workspace.root, diags, loaded.docs, paths);
    for (const c of changed) notes.push(c.skipped ? `not fixed ${c.path}: ${c.skipped}` : `fixed ${c.path}: ${c.fixes} change${c.fixes === 1 ? '' : 's'} (${c.rules.join(', ')})`);
    if (changed.some((c) => !c.skipped)) {
      loaded = await loadAll();
      diags = await run();
    } else if (changed.length === 0) notes.push('nothing to fix');
  }
  if (cache && cacheFile) {
    try {
      await prepareStateDir(discovered.root, cacheFile);
      await writeLintCache(cacheFile, cache, usedDiagramResults());
    } catch (e) {
      notes.push(`the lint cache could not be written to ${cacheFile}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const files = paths ? paths.size : loaded.docs.size;
  const features = selected ?? loaded.workspace.features.length;
  const docs = loaded.docs;
  return report(diags, files, features, args, opts, notes, (p) => docs.get(p)?.doc.sourceLines);
}

/** Source lines of a document read from disk (for code frames after a parallel run), cached. */
function fileLines(root: string): (path: string) => readonly string[] | undefined {
  const { read } = fsAccess(root);
  const cache = new Map<string, string[] | undefined>();
  return (p) => {
    if (!cache.has(p)) cache.set(p, read(p)?.replace(/^\uFEFF/, '').split(/\r?\n/));
    return cache.get(p);
  };
}

function report(diags: LintDiagnostic[], files: number, features: number, args: LintArgs, opts: GlobalOptions, notes: string[], lines: (p: string) => readonly string[] | undefined): CommandResult {
  const summary = summarize(diags, files, features);
  const tooManyWarnings = args.maxWarnings !== null && summary.warnings > args.maxWarnings;
  if (tooManyWarnings) notes.push(`${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, more than --max-warnings ${args.maxWarnings}`);
  const exitCode = summary.errors > 0 || tooManyWarnings ? 1 : 0;
  return { exitCode, notes, ...render(diags, summary, args.format, lines, opts.color) };
}

function render(diags: LintDiagnostic[], summary: ReturnType<typeof summarize>, format: LintFormat, lines: (p: string) => readonly string[] | undefined, color: boolean): Pick<CommandResult, 'json' | 'text'> {
  switch (format) {
    // The program prints `json` for these formats.
    case 'json':
      return { json: toJson(diags, summary) };
    case 'sarif':
      return { json: sarif(diags, RULES, VERSION) };
    case 'github':
      return { text: github(diags) };
    default:
      return { json: toJson(diags, summary), text: pretty(diags, summary, lines, paint(color)) };
  }
}
