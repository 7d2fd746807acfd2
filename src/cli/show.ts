import type { Feature } from '../model/schema.js';
import { loadWorkspace } from '../workspace/load.js';
import { paint, type Paint } from './color.js';
import { loadOneFeature } from './find-feature.js';
import { problemNotes, type CommandResult, type GlobalOptions } from './result.js';

export async function runShow(opts: GlobalOptions, ref: string | undefined): Promise<CommandResult> {
  const p = paint(opts.color);
  if (ref) {
    const { feature } = await loadOneFeature(opts.root, ref);
    return { exitCode: 0, json: feature, text: renderFeature(feature, p) };
  }
  const { workspace } = await loadWorkspace(opts.root);
  return {
    exitCode: 0,
    json: workspace,
    text: workspace.features.map((f) => renderFeature(f, p)).join('\n\n'),
    notes: problemNotes(workspace.diagnostics),
  };
}

const at = (s: { path: string; line: number }) => `${s.path}:${s.line}`;

function renderFeature(f: Feature, p: Paint): string {
  const out: string[] = [];
  out.push(p.bold(`${f.id}  ${f.title}`));
  if (f.summary) out.push(`  ${f.summary}`);
  if (f.lastUpdated) out.push(p.dim(`  last updated ${f.lastUpdated}`));
  for (const d of f.docs) out.push(p.dim(`  ${d.path} (${d.style}, ${d.lines} lines)`));
  const section = (name: string, items: string[]) => {
    if (items.length === 0) return;
    out.push(`  ${p.cyan(name)} (${items.length})`);
    for (const i of items) out.push(`    ${i}`);
  };
  section('entities', f.entities.map((e) => `${e.name}: ${e.fields.map((x) => `${x.name}${x.required ? '' : '?'} ${x.type}`).join(', ')}  ${p.dim(at(e.source))}`));
  section('endpoints', f.endpoints.map((e) => `${e.method.padEnd(6)} ${e.path}  auth:${e.auth}${e.responses.length ? `  ${e.responses.map((r) => r.status).join(',')}` : ''}  ${p.dim(at(e.source))}`));
  section('tables', f.tables.map((t) => `${t.name}: ${t.columns.map((c) => c.name).join(', ')}${t.policies.length ? `  policies:${t.policies.map((x) => x.operation).join(',')}` : ''}  ${p.dim(at(t.source))}`));
  section('file plan', f.filePlan.map((x) => `${x.action.padEnd(6)} ${x.path}  ${p.dim(at(x.source))}`));
  section('tasks', f.tasks.map((t) => `${t.done === true ? '[x]' : t.done === false ? '[ ]' : ' - '} ${t.id} ${t.title}  ${p.dim(at(t.source))}`));
  section('dependencies', f.dependencies.map((d) => `${d.feature}${d.reason ? `: ${d.reason}` : ''}  ${p.dim(at(d.source))}`));
  section('config', f.config.map((c) => `${c.name}${c.value !== null ? `=${c.value}` : ''}  ${p.dim(at(c.source))}`));
  section('components', f.components.map((c) => `${c.kind.padEnd(10)} ${c.name}${c.file ? ` (${c.file})` : ''}  ${p.dim(at(c.source))}`));
  section('diagrams', f.diagrams.map((d) => `${d.language}${d.type ? ` ${d.type}` : ''}  ${p.dim(at(d.source))}`));
  section('targets', f.targets.map((t) => `${t.text}  ${p.dim(at(t.source))}`));
  section('decisions', f.decisions.map((d) => `${d.title}  ${p.dim(at(d.source))}`));
  section('diagnostics', f.diagnostics.map((d) => `${d.severity === 'error' ? p.red(d.severity) : p.yellow(d.severity)} ${d.path}:${d.line} ${d.message} ${p.dim(d.rule)}`));
  return out.join('\n');
}
