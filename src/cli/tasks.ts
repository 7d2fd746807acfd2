/** `featspec tasks [<feature>] [--next] [--json]`: tasks with their status; `--next` the first ready open task. */
import { nextTask, taskRows, type TaskRow } from '../compile/tasks.js';
import type { Feature, Workspace } from '../model/schema.js';
import { loadWorkspace } from '../workspace/load.js';
import { paint, type Paint } from './color.js';
import { loadOneFeature, withDependencies } from './find-feature.js';
import { problemNotes, type CommandResult, type GlobalOptions } from './result.js';

export interface TasksArgs {
  /** Feature id, number or slug; all features when absent. */
  feature?: string;
  next?: boolean;
}

const BOX = { done: '[x]', open: '[ ]', none: ' - ' } as const;

function line(t: TaskRow, p: Paint, withFeature: boolean): string {
  const files = t.files.length ? p.dim(`  (${t.files.join(', ')})`) : '';
  const box = t.status === 'done' ? p.green(BOX.done) : t.status === 'open' ? BOX.open : p.dim(BOX.none);
  return `${withFeature ? `${p.bold(t.feature)}  ` : ''}${box} ${t.id}  ${t.title}${files}`;
}

/**
 * Exit code 0 in every case; `--next` with no ready task prints nothing on stdout (JSON: `{ next: null }`)
 * and says why on stderr.
 */
export async function runTasks(opts: GlobalOptions, args: TasksArgs = {}): Promise<CommandResult> {
  const p = paint(opts.color);
  let workspace: Workspace;
  let features: Feature[];
  if (args.feature) {
    // One feature's tasks depend on its documents only, and whether they are ready on its direct dependencies.
    const one = await loadOneFeature(opts.root, args.feature);
    if (!args.next) return listTasks([one.feature], p, problemNotes(one.diagnostics), true);
    workspace = await withDependencies(one.feature, one.discovered, one.diagnostics);
    features = [one.feature];
  } else {
    workspace = (await loadWorkspace(opts.root)).workspace;
    features = workspace.features;
  }
  const notes = problemNotes(workspace.diagnostics);
  return args.next ? nextOf(workspace, features, p, notes) : listTasks(features, p, notes, false);
}

/** `--next`: the first ready open task of `features`, or on stderr why there is none. */
export function nextOf(workspace: Workspace, features: Feature[], p: Paint, notes: string[]): CommandResult {
  const { next, waiting } = nextTask(workspace, features);
  if (!next) {
    const open = taskRows(features).filter((t) => t.status === 'open').length;
    notes.push(open === 0 ? 'no open task' : 'no open task is ready: every one waits for its feature\'s dependencies');
    for (const w of waiting) {
      const deps = w.blockers.map((b) => `${b.feature} (${b.notDone} task${b.notDone === 1 ? '' : 's'} not done)`).join(', ');
      notes.push(`  ${w.task.feature} ${w.task.id} waits for ${deps}`);
    }
  }
  return { exitCode: 0, json: { next }, text: next ? line(next, p, true) : '', notes };
}

function listTasks(features: Feature[], p: Paint, notes: string[], one: boolean): CommandResult {
  const rows = taskRows(features);
  if (rows.length === 0) notes.push(one ? `${features[0]!.id} has no tasks` : 'no tasks found');
  const out: string[] = [];
  for (const f of features) {
    const mine = rows.filter((t) => t.feature === f.id);
    if (mine.length === 0) continue;
    const done = mine.filter((t) => t.status === 'done').length;
    out.push(`${p.bold(f.id)}  ${f.title}  ${p.dim(`${done}/${mine.length} done`)}`, ...mine.map((t) => `  ${line(t, p, false)}`));
  }
  return { exitCode: 0, json: { tasks: rows }, text: out.join('\n'), notes };
}
