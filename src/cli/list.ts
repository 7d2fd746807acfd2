import type { Feature } from '../model/schema.js';
import { lint } from '../lint/engine.js';
import { fsAccess } from '../lint/fs-access.js';
import { RULES } from '../lint/rules/index.js';
import type { LintDiagnostic } from '../lint/types.js';
import { loadWorkspace } from '../workspace/load.js';
import { paint } from './color.js';
import { problemNotes, type CommandResult, type GlobalOptions } from './result.js';

export interface ListRow {
  id: string;
  title: string;
  styles: string[];
  tasksDone: number;
  tasksTotal: number;
  errors: number;
  warnings: number;
}

export function listRow(f: Feature, lintDiags: readonly LintDiagnostic[]): ListRow {
  const mine = lintDiags.filter((d) => d.feature === f.id);
  return {
    id: f.id,
    title: f.title,
    styles: [...new Set(f.docs.map((d) => d.style))],
    tasksDone: f.tasks.filter((t) => t.done === true).length,
    tasksTotal: f.tasks.length,
    errors: mine.filter((d) => d.severity === 'error').length,
    warnings: mine.filter((d) => d.severity === 'warning').length,
  };
}

export async function runList(opts: GlobalOptions): Promise<CommandResult> {
  const loaded = await loadWorkspace(opts.root);
  const { workspace, roots } = loaded;
  // Lint counts without the heavy syntax rules (mermaid, SQL): `list` stays quick; `lint` runs them all.
  const heavy = new Set(RULES.filter((r) => r.heavy).map((r) => r.id));
  const diags = await lint(loaded, { rules: loaded.config.rules, disable: heavy, ...fsAccess(workspace.root) });
  const rows = workspace.features.map((f) => listRow(f, diags));
  const notes = problemNotes(workspace.diagnostics);
  if (rows.length === 0) notes.push(`no features found${roots.length ? ` under ${roots.join(', ')}` : ' (no docs/features, specs or .kiro/specs folder; see featspec init)'}`);
  const p = paint(opts.color);
  const widths = [
    Math.max(2, ...rows.map((r) => r.id.length)),
    Math.max(5, ...rows.map((r) => r.title.length)),
    Math.max(6, ...rows.map((r) => r.styles.join(',').length)),
  ];
  const lines = rows.map((r) => {
    const errs = r.errors ? p.red(`${r.errors} error${r.errors === 1 ? '' : 's'}`) : p.green('ok');
    return [p.bold(r.id.padEnd(widths[0]!)), r.title.padEnd(widths[1]!), p.dim(r.styles.join(',').padEnd(widths[2]!)),
      `${r.tasksDone}/${r.tasksTotal}`.padStart(7), errs].join('  ');
  });
  const header = ['id'.padEnd(widths[0]!), 'title'.padEnd(widths[1]!), 'styles'.padEnd(widths[2]!), '  tasks', 'errors'].join('  ');
  return {
    exitCode: 0,
    json: { features: rows, diagnostics: workspace.diagnostics },
    text: rows.length ? [p.dim(header), ...lines].join('\n') : '',
    notes,
  };
}
