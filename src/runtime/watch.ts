/**
 * `serve --watch`: re-read the documents that change, rebuild, migrate (additive changes) and swap the
 * routes of the running app. A design that no longer builds, or whose schema change is refused, keeps
 * the last good routes; the diagnostics go to the log.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Logger } from 'pino';
import { CONFIG_FILE } from '../workspace/config.js';
import { loadWorkspace, refreshWorkspace, type LoadedWorkspace } from '../workspace/load.js';
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
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = null;
    const changed = [...pending];
    pending = new Set();
    busy = busy.then(async () => {
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
    });
  };
  const onEvent = (base: string) => (_event: string, name: string | Buffer | null) => {
    if (!name) return;
    const rel = relative(root, join(base, name.toString())).split(sep).join('/');
    if (rel !== CONFIG_FILE && !/\.md$/i.test(rel) && rel.includes('.')) return;
    pending.add(rel);
    if (!timer) timer = setTimeout(flush, options.debounceMs ?? 50);
  };
  const watchers: FSWatcher[] = [];
  for (const r of loaded.roots) {
    const dir = join(root, r);
    try {
      watchers.push(watch(dir, { recursive: true }, onEvent(dir)));
    } catch (e) {
      logger.warn({ folder: r, err: e instanceof Error ? e.message : String(e) }, 'cannot watch a feature folder');
    }
  }
  watchers.push(watch(root, { recursive: false }, (ev, name) => {
    if (name?.toString() === CONFIG_FILE) onEvent(root)(ev, name);
  }));
  logger.info({ folders: loaded.roots }, 'watching the designs for changes');
  return async () => {
    for (const w of watchers) w.close();
    if (timer) clearTimeout(timer);
    await busy;
  };
}
