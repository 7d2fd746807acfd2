/** `featspec state [--write]`: the progress table of all features; `--write` keeps it in STATE.md at the workspace root. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isGenerated } from '../compile/index.js';
import { stateMarkdown, stateRows, stateSummary } from '../compile/state.js';
import { lint } from '../lint/engine.js';
import { fsAccess } from '../lint/fs-access.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { loadWorkspace } from '../workspace/load.js';
import { problemNotes, UsageError, type CommandResult, type GlobalOptions } from './result.js';

export const STATE_FILE = 'STATE.md';

export interface StateArgs {
  write?: boolean;
  /** Replace a STATE.md that featspec did not write. */
  force?: boolean;
}

/** Lint errors are counted with every rule, as `featspec lint` reports them. Exit code 0. */
export async function runState(opts: GlobalOptions, args: StateArgs = {}): Promise<CommandResult> {
  const loaded = await loadWorkspace(opts.root);
  const { workspace } = loaded;
  const findings = await lint(loaded, { rules: loaded.config.rules, ...fsAccess(workspace.root) });
  const rows = stateRows(workspace, findings);
  const summary = stateSummary(rows, findings);
  const text = stateMarkdown(rows, summary);
  const notes = problemNotes(workspace.diagnostics);
  let written: { path: string; changed: boolean } | undefined;
  if (args.write) {
    const path = join(workspace.root, STATE_FILE);
    const existing = await readFile(path, 'utf8').catch(() => null);
    if (existing !== null && !isGenerated(existing) && !args.force) {
      throw new UsageError(`${path} exists and was not written by featspec; not overwritten (use --force to replace it)`);
    }
    const changed = existing !== text;
    if (changed) await writeFileAtomic(path, text, { overwrite: true });
    written = { path: STATE_FILE, changed };
    notes.push(changed ? `wrote ${STATE_FILE}` : `${STATE_FILE} is up to date (unchanged)`);
  }
  return { exitCode: 0, json: { features: rows, summary, ...(written ? { written } : {}) }, text: text.replace(/\n$/, ''), notes };
}
