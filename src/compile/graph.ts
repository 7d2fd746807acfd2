/**
 * The feature dependency graph: features as nodes, "depends on" edges, dependencies that name no
 * feature of the workspace, and cycles. A pure function of the workspace; the formats are in graph-format.ts.
 */
import { resolveFeature } from '../lint/model-utils.js';
import { dependencyCycles } from '../lint/rules/dependency-cycle.js';
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

/** Feature ids reachable from `start` along the edges. */
function reachable(start: string, out: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    for (const next of out.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Build the graph. Nodes sorted by id; edges by (from, to); duplicate dependencies collapse into one edge. */
export function dependencyGraph(ws: Workspace): DependencyGraph {
  const resolve = (ref: string): Feature | null => {
    const r = resolveFeature(ws, ref);
    return 'feature' in r ? r.feature : null;
  };
  // One node per id (a duplicate id is a workspace diagnostic; its first feature stands for it).
  const features: Feature[] = [];
  for (const f of [...ws.features].sort((a, b) => cmp(a.id, b.id))) if (!features.some((x) => x.id === f.id)) features.push(f);
  const edges = new Map<string, GraphEdge>();
  const missing = new Map<string, MissingDependency>();
  for (const f of features) {
    for (const d of f.dependencies) {
      const r = resolveFeature(ws, d.feature);
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
  for (const e of edges.values()) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  // An edge lies on a cycle when its target reaches back to its source.
  const reach = new Map<string, Set<string>>();
  for (const e of edges.values()) {
    if (!reach.has(e.to)) reach.set(e.to, reachable(e.to, out));
    e.cycle = e.from === e.to || reach.get(e.to)!.has(e.from);
  }
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
