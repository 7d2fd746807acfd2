/**
 * The feature dependency graph: features as nodes, "depends on" edges, dependencies that name no
 * feature of the workspace, and cycles. A pure function of the workspace; the formats are in graph-format.ts.
 */
import { dependencyCycles } from '../lint/rules/dependency-cycle.js';
import { featureResolver } from '../lint/rules/workspace-index.js';
import { stronglyConnected } from '../util/scc.js';
import type { Feature, Source, Workspace } from '../model/schema.js';

export interface GraphNode {
  id: string;
  title: string;
}

/** `from` depends on `to`. */
export interface GraphEdge {
  from: string;
  to: string;
  /** The edge lies on a dependency cycle. */
  cycle: boolean;
  /** Where the (first) dependency is written. */
  source: Source;
}

/** A dependency that names no feature of the workspace. */
export interface MissingDependency {
  from: string;
  /** The reference as written. */
  ref: string;
  problem: string;
  source: Source;
}

export interface DependencyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  missing: MissingDependency[];
  /** Each cycle once, from its smallest id, as `dependencyCycles` (the dependency-cycle rule) finds it. */
  cycles: string[][];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Build the graph. Nodes sorted by id; edges by (from, to); duplicate dependencies collapse into one edge. */
export function dependencyGraph(ws: Workspace): DependencyGraph {
  const resolveFeature = featureResolver(ws);
  const resolve = (ref: string): Feature | null => {
    const r = resolveFeature(ref);
    return 'feature' in r ? r.feature : null;
  };
  // One node per id (a duplicate id is a workspace diagnostic; its first feature stands for it).
  const seen = new Set<string>();
  const features: Feature[] = [];
  for (const f of [...ws.features].sort((a, b) => cmp(a.id, b.id))) {
    if (!seen.has(f.id)) features.push(f);
    seen.add(f.id);
  }
  const edges = new Map<string, GraphEdge>();
  const missing = new Map<string, MissingDependency>();
  for (const f of features) {
    for (const d of f.dependencies) {
      const r = resolveFeature(d.feature);
      if ('feature' in r) {
        const key = `${f.id}\u0000${r.feature.id}`;
        if (!edges.has(key)) edges.set(key, { from: f.id, to: r.feature.id, cycle: false, source: d.source });
      } else {
        const key = `${f.id}\u0000${d.feature}`;
        if (!missing.has(key)) missing.set(key, { from: f.id, ref: d.feature, problem: r.problem, source: d.source });
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const e of edges.values()) {
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  // An edge lies on a cycle when its target reaches back to its source: both ends in one strongly
  // connected component.
  const component = new Map<string, number>();
  stronglyConnected(features.map((f) => f.id), (id) => id, (id) => out.get(id) ?? []).forEach((c, k) => {
    for (const id of c) component.set(id, k);
  });
  for (const e of edges.values()) e.cycle = e.from === e.to || component.get(e.from) === component.get(e.to);
  const byKey = (a: { from: string }, b: { from: string }, ka: string, kb: string) => cmp(a.from, b.from) || cmp(ka, kb);
  return {
    nodes: features.map((f) => ({ id: f.id, title: f.title })),
    edges: [...edges.values()].sort((a, b) => byKey(a, b, a.to, b.to)),
    missing: [...missing.values()].sort((a, b) => byKey(a, b, a.ref, b.ref)),
    cycles: dependencyCycles(features, resolve).map(({ cycle }) => cycle.map((f) => f.id)),
  };
}

/** Ids of the features on some cycle. */
export const cycleNodes = (g: DependencyGraph) => new Set(g.edges.filter((e) => e.cycle).flatMap((e) => [e.from, e.to]));
