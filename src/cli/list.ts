import type { Feature } from '../model/schema.js';
import { loadWorkspace } from '../workspace/load.js';
import { paint } from './color.js';
import type { CommandResult, GlobalOptions } from './result.js';

export interface ListRow {
  id: string;
  title: string;
  styles: string[];
  tasksDone: number;
  tasksTotal: number;
  errors: number;
  warnings: number;
}

export function listRow(f: Feature): ListRow {
  return {
    id: f.id,
    title: f.title,
    styles: [...new Set(f.docs.map((d) => d.style))],
    tasksDone: f.tasks.filter((t) => t.done === true).length,
    tasksTotal: f.tasks.length,
    errors: f.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: f.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

export async function runList(opts: GlobalOptions): Promise<CommandResult> {
  const { workspace, roots } = await loadWorkspace(opts.root);
  const rows = workspace.features.map(listRow);
  const notes = workspace.diagnostics.map((d) => `${d.path}: ${d.severity}: ${d.message}`);
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
