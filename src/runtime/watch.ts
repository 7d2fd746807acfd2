/**
 * `serve --watch`: re-read the documents that change, rebuild, migrate (additive changes) and swap the
 * routes of the running app. A design that no longer builds, or whose schema change is refused, keeps
 * the last good routes; the diagnostics go to the log.
 */
import type { Logger } from 'pino';
import { CONFIG_FILE } from '../workspace/config.js';
import { loadWorkspace, refreshWorkspace, type LoadedWorkspace } from '../workspace/load.js';
import { watchWorkspace } from '../workspace/watch.js';
import { buildErrors, compileForServe, type ServeBuild } from './compile.js';
import type { RouteTable } from './routes/table.js';

export interface WatchOptions {
  logger: Logger;
  /** Apply a build that compiled; throws to keep the previous routes. */
  onBuild(build: ServeBuild): Promise<RouteTable>;
  /** Debounce in ms (default 50). */
  debounceMs?: number;
}

/** Start watching; resolves the returned stop function once pending work is done. */
export function watchDesigns(initial: LoadedWorkspace, options: WatchOptions): () => Promise<void> {
  const { logger } = options;
  let loaded = initial;
  const root = loaded.workspace.root;
  const stop = watchWorkspace({
    root,
    roots: () => loaded.config.features,
    debounceMs: options.debounceMs ?? 50,
    onWatchError: (folder, e) => logger.warn({ folder, err: e instanceof Error ? e.message : String(e) }, 'cannot watch a feature folder'),
    onChanges: async (changed) => {
      try {
        if (changed.includes(CONFIG_FILE)) loaded = await loadWorkspace(root);
        else if ((await refreshWorkspace(loaded, changed)).length === 0) return;
        const build = compileForServe(loaded);
        const errors = buildErrors(build);
        if (errors.length > 0) {
          for (const d of errors) logger.error({ rule: d.rule, path: d.path, line: d.line }, d.message);
          logger.error({ changed }, 'the designs no longer build: the last good routes stay');
          return;
        }
        const table = await options.onBuild(build);
        logger.info({ changed, routes: table.routes.length }, 'designs changed: routes reloaded');
      } catch (e) {
        logger.error({ changed, err: e instanceof Error ? e.message : String(e) }, 'designs changed but could not be applied: the last good routes stay');
      }
    },
  });
  logger.info({ folders: loaded.roots }, 'watching the designs for changes');
  return stop;
}
