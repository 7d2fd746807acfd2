/**
 * Watch a workspace's feature folders and its config file. Changes are gathered for `debounceMs`,
 * then handed to `onChanges` as paths relative to the root, one batch at a time (never two at once).
 */
import { watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CONFIG_FILE } from './config.js';

export interface WorkspaceWatchOptions {
  root: string;
  /** Feature folders relative to the root (LoadedWorkspace.roots). */
  roots: string[];
  debounceMs: number;
  onChanges(changed: string[]): Promise<void>;
  /** A feature folder that cannot be watched. */
  onWatchError(folder: string, error: unknown): void;
}

/** Start watching; the returned function stops and resolves once the batch in progress is done. */
export function watchWorkspace(options: WorkspaceWatchOptions): () => Promise<void> {
  const { root } = options;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = null;
    const changed = [...pending];
    pending = new Set();
    busy = busy.then(() => options.onChanges(changed));
  };
  const onEvent = (base: string) => (_event: string, name: string | Buffer | null) => {
    if (!name) return;
    const rel = relative(root, join(base, name.toString())).split(sep).join('/');
    if (rel !== CONFIG_FILE && !/\.md$/i.test(rel) && rel.includes('.')) return;
    pending.add(rel);
    if (!timer) timer = setTimeout(flush, options.debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const r of options.roots) {
    const dir = join(root, r);
    try {
      watchers.push(watch(dir, { recursive: true }, onEvent(dir)));
    } catch (e) {
      options.onWatchError(r, e);
    }
  }
  watchers.push(watch(root, { recursive: false }, (ev, name) => {
    if (name?.toString() === CONFIG_FILE) onEvent(root)(ev, name);
  }));
  return async () => {
    for (const w of watchers) w.close();
    if (timer) clearTimeout(timer);
    await busy;
  };
}
