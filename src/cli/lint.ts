import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
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
import { discoverWorkspace, loadWorkspace, type LoadedWorkspace } from '../workspace/load.js';
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
}

/** Map command-line paths (files or folders, relative to the cwd) to workspace document paths. */
export function selectPaths(loaded: LoadedWorkspace, cwd: string, paths: string[]): Set<string> | undefined {
  if (paths.length === 0) return undefined;
  const root = loaded.workspace.root;
  const all = [...loaded.docs.keys(), ...loaded.workspace.features.flatMap((f) => f.docs.map((d) => d.path))];
  const out = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new UsageError(`${p}: no such file or folder`);
    const rel = relative(root, abs).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${p} is outside the workspace ${root}`);
    const isDir = statSync(abs).isDirectory();
    const hits = all.filter((d) => (isDir ? rel === '' || d.startsWith(`${rel}/`) : d === rel));
    if (hits.length === 0) throw new UsageError(`${p} is not a feature document of the workspace (feature folders: ${loaded.roots.join(', ') || 'none'})`);
    for (const h of hits) out.add(h);
  }
  return out;
}

export async function runLint(opts: GlobalOptions, args: LintArgs, cwd: string): Promise<CommandResult> {
  const known = new Set(RULES.map((r) => r.id));
  for (const id of args.disable) if (!known.has(id)) throw new UsageError(`--disable: unknown rule "${id}"`);
  const discovered = await discoverWorkspace(opts.root);
  if (args.paths.length === 0 && !args.fix) {
    const files = discovered.found.features.reduce((n, f) => n + f.files.length, 0);
    const url = lintWorkerUrl();
    const workers = url ? workerCount(files, args.concurrency ?? 'auto') : 0;
    if (url && workers > 0) {
      const r = await lintInWorkers(discovered, { rules: discovered.config.rules, disable: args.disable, now: new Date() }, workers, url);
      return report(r.diagnostics, r.files, r.features, args, opts, [], fileLines(discovered.root));
    }
  }
  let loaded = await loadWorkspace(opts.root, discovered);
  const paths = selectPaths(loaded, cwd, args.paths);
  const run = () => lint(loaded, { rules: loaded.config.rules, paths, ...fsAccess(loaded.workspace.root), disable: new Set(args.disable) });
  let diags = await run();
  const notes: string[] = [];
  if (args.fix) {
    const changed = await applyFixes(loaded.workspace.root, diags, loaded.docs, paths);
    for (const c of changed) notes.push(`fixed ${c.path}: ${c.fixes} change${c.fixes === 1 ? '' : 's'} (${c.rules.join(', ')})`);
    if (changed.length) {
      loaded = await loadWorkspace(opts.root);
      diags = await run();
    } else notes.push('nothing to fix');
  }
  const files = paths ? paths.size : loaded.docs.size;
  const features = paths ? new Set(diagsFeatures(loaded, paths)).size : loaded.workspace.features.length;
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
  if (tooManyWarnings) notes.push(`${summary.warnings} warnings, more than --max-warnings ${args.maxWarnings}`);
  const exitCode = summary.errors > 0 || tooManyWarnings ? 1 : 0;
  return { exitCode, notes, ...render(diags, summary, args.format, lines, opts.color) };
}

function diagsFeatures(loaded: LoadedWorkspace, paths: Set<string>): string[] {
  return loaded.workspace.features.filter((f) => f.docs.some((d) => paths.has(d.path))).map((f) => f.id);
}

function render(diags: LintDiagnostic[], summary: ReturnType<typeof summarize>, format: LintFormat, lines: (p: string) => readonly string[] | undefined, color: boolean): Pick<CommandResult, 'json' | 'text'> {
  switch (format) {
    case 'json':
      return { json: toJson(diags, summary), text: JSON.stringify(toJson(diags, summary), null, 2) };
    case 'sarif': {
      const s = sarif(diags, RULES, VERSION);
      return { json: s, text: JSON.stringify(s, null, 2) };
    }
    case 'github':
      return { text: github(diags) };
    default:
      return { json: toJson(diags, summary), text: pretty(diags, summary, lines, paint(color)) };
  }
}
