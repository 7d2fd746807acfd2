/** `featspec lint --watch`: lint once, then re-lint what changed (and the features depending on it). */
import { lint } from '../lint/engine.js';
import { fsAccess } from '../lint/fs-access.js';
import { pretty } from '../lint/formatters/pretty.js';
import { summarize } from '../lint/formatters/summary.js';
import { featureResolver } from '../lint/rules/workspace-index.js';
import type { Workspace } from '../model/schema.js';
import { CONFIG_FILE } from '../workspace/config.js';
import { loadWorkspace, refreshWorkspace, type LoadedWorkspace } from '../workspace/load.js';
import { watchWorkspace } from '../workspace/watch.js';
import { paint } from './color.js';
import type { LintArgs } from './lint.js';
import type { GlobalOptions } from './result.js';

export interface WatchIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Resolves when watching should stop (SIGINT in the CLI; an abort in tests). */
  until: Promise<void>;
}

/** Features that depend, directly or not, on any of `ids`, plus `ids` themselves. */
export function withDependents(ws: Workspace, ids: Iterable<string>): Set<string> {
  const resolve = featureResolver(ws);
  const dependents = new Map<string, string[]>();
  for (const f of ws.features) {
    for (const d of f.dependencies) {
      const r = resolve(d.feature);
      if (!('feature' in r)) continue;
      const list = dependents.get(r.feature.id);
      if (list) list.push(f.id);
      else dependents.set(r.feature.id, [f.id]);
    }
  }
  const out = new Set(ids);
  const queue = [...out];
  for (let q = 0; q < queue.length; q++) {
    for (const id of dependents.get(queue[q]!) ?? []) {
      if (!out.has(id)) {
        out.add(id);
        queue.push(id);
      }
    }
  }
  return out;
}

export async function watchLint(opts: GlobalOptions, args: LintArgs, io: WatchIo): Promise<number> {
  const p = paint(opts.color);
  let loaded: LoadedWorkspace = await loadWorkspace(opts.root);
  const root = loaded.workspace.root;
  const run = async (featureIds: Set<string> | null, label: string) => {
    const started = performance.now();
    const paths = featureIds ? new Set(loaded.workspace.features.filter((f) => featureIds.has(f.id)).flatMap((f) => f.docs.map((d) => d.path))) : undefined;
    // A fresh file-system view each run: files outside the features may have changed since the last.
    const diags = await lint(loaded, { rules: loaded.config.rules, paths, ...fsAccess(root), disable: new Set(args.disable) });
    const summary = summarize(diags, paths ? paths.size : loaded.docs.size, featureIds ? featureIds.size : loaded.workspace.features.length);
    const ms = Math.round(performance.now() - started);
    const time = new Date().toTimeString().slice(0, 8);
    io.stdout(`${p.dim(`[${time}] ${label} (${ms} ms)`)}\n${pretty(diags, summary, (x) => loaded.docs.get(x)?.doc.sourceLines, p)}\n`);
  };
  const count = loaded.workspace.features.length;
  await run(null, `linted ${count} feature${count === 1 ? '' : 's'}`);

  const stop = watchWorkspace({
    root,
    roots: () => loaded.config.features,
    debounceMs: 15,
    onWatchError: (r, e) => io.stderr(`featspec: cannot watch ${r}: ${e instanceof Error ? e.message : String(e)}\n`),
    onChanges: async (changed) => {
      try {
        if (changed.includes(CONFIG_FILE)) {
          loaded = await loadWorkspace(opts.root);
          await run(null, 'configuration changed');
          return;
        }
        // The workspace as it was: a removed or renamed feature's dependents are found there.
        const before: Workspace = { ...loaded.workspace };
        const touched = await refreshWorkspace(loaded, changed);
        if (touched.length === 0) return;
        const scope = new Set([...withDependents(before, touched), ...withDependents(loaded.workspace, touched)]);
        await run(scope, `${changed.join(', ')} changed: re-linted ${[...scope].join(', ')}`);
      } catch (e) {
        io.stderr(`featspec: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    },
  });
  io.stderr(`watching ${loaded.roots.join(', ') || '(no feature folders)'} for changes; Ctrl-C to stop\n`);
  await io.until;
  await stop();
  return 0;
}
