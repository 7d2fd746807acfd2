/**
 * Tasks with their status, and the next task to work on. Pure functions of the workspace.
 *
 * Decisions:
 * - Status: `done` (every checkbox ticked), `open` (some not ticked), `none` (no checkbox: not tracked).
 * - The next task is the first open task, in feature order (by id) then document order, whose feature's
 *   direct dependencies are done: every task of each dependency is `done` (a dependency without tasks
 *   counts as done; an untracked `none` task does not). A dependency that names no feature of the
 *   workspace does not block (the lint rules report it).
 */
import { featureResolver } from '../lint/rules/workspace-index.js';
import type { Feature, Source, Task, Workspace } from '../model/schema.js';

export type TaskStatus = 'done' | 'open' | 'none';

export interface TaskRow {
  feature: string;
  id: string;
  title: string;
  status: TaskStatus;
  files: string[];
  source: Source;
}

export const taskStatus = (t: Pick<Task, 'done'>): TaskStatus => (t.done === true ? 'done' : t.done === false ? 'open' : 'none');

export function taskRows(features: readonly Feature[]): TaskRow[] {
  return features.flatMap((f) => f.tasks.map((t) => ({ feature: f.id, id: t.id, title: t.title, status: taskStatus(t), files: [...t.files], source: t.source })));
}

/** A dependency that keeps a feature's tasks waiting. */
export interface Blocker {
  feature: string;
  /** Tasks of that feature that are not done. */
  notDone: number;
}

export interface NextTask {
  next: TaskRow | null;
  /** The first open task of each feature that waits for its dependencies, with what it waits for. */
  waiting: { task: TaskRow; blockers: Blocker[] }[];
}

/** The direct dependencies of a feature that are not done. */
export function blockers(ws: Workspace, f: Feature): Blocker[] {
  const out: Blocker[] = [];
  const resolve = featureResolver(ws);
  for (const d of f.dependencies) {
    const r = resolve(d.feature);
    if (!('feature' in r) || r.feature.id === f.id || out.some((b) => b.feature === r.feature.id)) continue;
    const notDone = r.feature.tasks.filter((t) => t.done !== true).length;
    if (notDone > 0) out.push({ feature: r.feature.id, notDone });
  }
  return out;
}

/** The first open task that is ready, among `features` (default: all, in id order). */
export function nextTask(ws: Workspace, features: readonly Feature[] = ws.features): NextTask {
  const waiting: NextTask['waiting'] = [];
  const ordered = [...features].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const f of ordered) {
    const open = taskRows([f]).find((t) => t.status === 'open');
    if (!open) continue;
    const b = blockers(ws, f);
    if (b.length === 0) return { next: open, waiting };
    waiting.push({ task: open, blockers: b });
  }
  return { next: null, waiting };
}
