/**
 * Watch a workspace's feature folders and its config file. Changes are gathered for `debounceMs`,
 * then handed to `onChanges` as paths relative to the root, one batch at a time (never two at once).
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CONFIG_FILE } from './config.js';

export interface WorkspaceWatchOptions {
  root: string;
  /** Feature folders relative to the root, as configured now (they need not exist). */
  roots(): readonly string[];
  debounceMs: number;
  onChanges(changed: string[]): Promise<void>;
  /** A feature folder that exists but cannot be watched (it is tried again once it is made anew). */
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
  // Each feature folder is watched while it exists. A folder removed and made anew (a branch switch) is a
  // new directory that the old watcher no longer sees, and a configured folder may appear after the
  // start: a check on every change at the root, and every half second, watches what is there now and
  // reports the folder as changed (the refresh finds its features).
  const watched = new Map<string, { watcher: FSWatcher | null; ino: number }>();
  const attach = (r: string, announce: boolean) => {
    const dir = join(root, r);
    let ino: number | null = null;
    try {
      const st = statSync(dir);
      if (st.isDirectory()) ino = st.ino;
    } catch {
      ino = null;
    }
    const current = watched.get(r);
    if (current ? current.ino === ino : ino === null) return; // as it was: nothing to do or say
    current?.watcher?.close();
    watched.delete(r);
    if (ino !== null) {
      let watcher: FSWatcher | null = null;
      try {
        watcher = watch(dir, { recursive: true }, onEvent(dir));
        // A watcher that fails is dropped; the next check watches the folder again.
        watcher.on('error', () => {
          watcher?.close();
          if (watched.get(r)?.watcher === watcher) watched.delete(r);
        });
      } catch (e) {
        options.onWatchError(r, e);
      }
      watched.set(r, { watcher, ino });
    }
    if (announce) {
      pending.add(r);
      if (!timer) timer = setTimeout(flush, options.debounceMs);
    }
  };
  const check = () => {
    const roots = options.roots();
    for (const [r, { watcher }] of watched) {
      if (!roots.includes(r)) {
        watcher?.close();
        watched.delete(r);
      }
    }
    for (const r of roots) attach(r, true);
  };
  for (const r of options.roots()) attach(r, false);
  const poll = setInterval(check, 500);
  poll.unref();
  const top = watch(root, { recursive: false }, (ev, name) => {
    if (name?.toString() === CONFIG_FILE) onEvent(root)(ev, name);
    else check();
  });
  return async () => {
    clearInterval(poll);
    top.close();
    for (const { watcher } of watched.values()) watcher?.close();
    if (timer) clearTimeout(timer);
    await busy;
  };
}
