/** The dependency graph as mermaid (a flowchart), Graphviz DOT or JSON. Deterministic text. */
import { cycleNodes, type DependencyGraph } from './graph.js';

export type GraphFormat = 'mermaid' | 'dot' | 'json';
export const GRAPH_FORMATS: readonly GraphFormat[] = ['mermaid', 'dot', 'json'];

const LEGEND = 'featspec graph: an arrow A -> B means A depends on B; red: a dependency cycle; dashed: a dependency on no feature of the workspace';

/** Text inside a quoted mermaid label: `#`, `"`, `<` and `>` as entity codes. */
const mermaidLabel = (s: string) => s.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\s+/g, ' ');

/** Unique mermaid node ids: `f001_accounts`, `missing_999_x`. */
function nodeIds(g: DependencyGraph): { node: Map<string, string>; missing: Map<string, string> } {
  const used = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    return id;
  };
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
  const node = new Map(g.nodes.map((n) => [n.id, unique(`f${clean(n.id)}`)]));
  const missing = new Map<string, string>();
  for (const m of g.missing) if (!missing.has(m.ref)) missing.set(m.ref, unique(`missing_${clean(m.ref)}`));
  return { node, missing };
}

export function graphMermaid(g: DependencyGraph): string {
  const { node, missing } = nodeIds(g);
  const lines = [`%% ${LEGEND}`, 'flowchart LR'];
  for (const n of g.nodes) lines.push(`  ${node.get(n.id)}["${mermaidLabel(`${n.id}: ${n.title}`)}"]`);
  for (const [ref, id] of missing) lines.push(`  ${id}["${mermaidLabel(`${ref} (missing)`)}"]`);
  const red: number[] = [];
  g.edges.forEach((e, i) => {
    lines.push(`  ${node.get(e.from)} --> ${node.get(e.to)}`);
    if (e.cycle) red.push(i);
  });
  for (const m of g.missing) lines.push(`  ${node.get(m.from)} -.-> ${missing.get(m.ref)}`);
  const onCycle = cycleNodes(g);
  const inCycle = g.nodes.filter((n) => onCycle.has(n.id));
  if (inCycle.length) {
    lines.push('  classDef cycle fill:#fde8e8,stroke:#d32f2f,stroke-width:2px');
    lines.push(`  class ${inCycle.map((n) => node.get(n.id)).join(',')} cycle`);
    lines.push(`  linkStyle ${red.join(',')} stroke:#d32f2f,stroke-width:2px`);
  }
  if (missing.size) {
    lines.push('  classDef missing fill:#f5f5f5,stroke:#9e9e9e,stroke-dasharray:4 4,color:#616161');
    lines.push(`  class ${[...missing.values()].join(',')} missing`);
  }
  return `${lines.join('\n')}\n`;
}

/** A DOT quoted string. */
const dotString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

export function graphDot(g: DependencyGraph): string {
  const cyc = cycleNodes(g);
  const missingId = (ref: string) => dotString(`missing:${ref}`);
  const lines = [`// ${LEGEND}`, 'digraph features {', '  rankdir=LR;', '  node [shape=box];'];
  for (const n of g.nodes) lines.push(`  ${dotString(n.id)} [label=${dotString(`${n.id}\n${n.title}`)}${cyc.has(n.id) ? ', color=red, penwidth=2' : ''}];`);
  for (const ref of [...new Set(g.missing.map((m) => m.ref))]) lines.push(`  ${missingId(ref)} [label=${dotString(`${ref}\n(missing)`)}, style=dashed, color=gray];`);
  for (const e of g.edges) lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${e.cycle ? ' [color=red, penwidth=2]' : ''};`);
  for (const m of g.missing) lines.push(`  ${dotString(m.from)} -> ${missingId(m.ref)} [style=dashed, color=gray];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function graphJson(g: DependencyGraph): string {
  return `${JSON.stringify(g, null, 2)}\n`;
}

export function formatGraph(g: DependencyGraph, format: GraphFormat): string {
  return format === 'dot' ? graphDot(g) : format === 'json' ? graphJson(g) : graphMermaid(g);
}
