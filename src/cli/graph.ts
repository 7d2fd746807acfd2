/** `featspec graph [--format mermaid|dot|json]`: the feature dependency graph, cycles marked. */
import { formatGraph, GRAPH_FORMATS, type GraphFormat } from '../compile/graph-format.js';
import { dependencyGraph } from '../compile/graph.js';
import { loadWorkspace } from '../workspace/load.js';
import { problemNotes, UsageError, type CommandResult, type GlobalOptions } from './result.js';

export interface GraphArgs {
  /** Default mermaid; `--json` (opts.json) means json. */
  format?: string;
}

export async function runGraph(opts: GlobalOptions, args: GraphArgs = {}): Promise<CommandResult> {
  const format = (opts.json ? 'json' : args.format ?? 'mermaid') as GraphFormat;
  if (!GRAPH_FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${GRAPH_FORMATS.join(', ')}, got "${args.format}"`);
  const { workspace } = await loadWorkspace(opts.root);
  const graph = dependencyGraph(workspace);
  const notes = problemNotes(workspace.diagnostics);
  if (graph.nodes.length === 0) notes.push('no features found');
  for (const c of graph.cycles) notes.push(`dependency cycle: ${[...c, c[0]].join(' -> ')}`);
  for (const m of graph.missing) notes.push(`${m.source.path}:${m.source.line}: ${m.from} depends on "${m.ref}": ${m.problem}`);
  return { exitCode: 0, json: graph, text: formatGraph(graph, format).replace(/\n$/, ''), notes };
}
