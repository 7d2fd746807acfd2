import type { Dependency, Feature } from '../../model/schema.js';
import { stronglyConnected } from '../../util/scc.js';
import { defineRule } from '../types.js';
import { featureResolver } from './workspace-index.js';

interface Edge {
  to: Feature;
  dep: Dependency;
}

const byId = (a: Feature, b: Feature) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The shortest cycle through `start` (a breadth-first search, successors in id order), as the features
 * from `start` to the last one before it closes; [start] for a self-dependency.
 */
function cycleThrough(start: Feature, next: (f: Feature) => readonly Feature[]): Feature[] {
  const parent = new Map<string, Feature | null>([[start.id, null]]);
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const cur = queue[q]!;
    for (const to of next(cur)) {
      if (to.id === start.id) {
        const path: Feature[] = [];
        for (let f: Feature | null = cur; f; f = parent.get(f.id)!) path.push(f);
        return path.reverse();
      }
      if (!parent.has(to.id)) {
        parent.set(to.id, cur);
        queue.push(to);
      }
    }
  }
  return [start]; // not reached: every feature of a strongly connected component lies on a cycle
}

/**
 * The dependency cycles to report, each a real cycle (every feature depends on the next, the last on the
 * first) given once, from its smallest id. Per strongly connected component (util/scc.ts): the shortest
 * cycle through its smallest feature, then through the smallest feature no reported cycle passes yet,
 * until every feature of the component is on one; so every feature on a cycle is named, and a tangle
 * of many cycles gives a few findings, not one per elementary cycle.
 */
export function dependencyCycles(features: Feature[], resolve: (ref: string) => Feature | null): { cycle: Feature[]; via: Dependency }[] {
  const edges = new Map<string, Edge[]>();
  for (const f of features) {
    const out: Edge[] = [];
    for (const d of f.dependencies) {
      const to = resolve(d.feature);
      if (to) out.push({ to, dep: d });
    }
    edges.set(f.id, out);
  }
  const edgesOf = (f: Feature) => edges.get(f.id) ?? [];
  const out: { cycle: Feature[]; via: Dependency }[] = [];
  for (const comp of stronglyConnected(features, (f) => f.id, (f) => edgesOf(f).map((e) => e.to))) {
    const ids = new Set(comp.map((f) => f.id));
    if (comp.length < 2 && !edgesOf(comp[0]!).some((e) => e.to.id === comp[0]!.id)) continue;
    const inside = new Map<string, Feature[]>();
    for (const f of comp) {
      const next = new Map<string, Feature>();
      for (const e of edgesOf(f)) if (ids.has(e.to.id) && !next.has(e.to.id)) next.set(e.to.id, e.to);
      inside.set(f.id, [...next.values()].sort(byId));
    }
    const covered = new Set<string>();
    for (const start of [...comp].sort(byId)) {
      if (covered.has(start.id)) continue;
      const through = cycleThrough(start, (f) => inside.get(f.id) ?? []);
      for (const f of through) covered.add(f.id);
      // Told from its smallest id, like every cycle.
      const first = through.indexOf([...through].sort(byId)[0]!);
      const cycle = [...through.slice(first), ...through.slice(0, first)];
      const via = edgesOf(cycle[0]!).find((e) => e.to.id === (cycle[1] ?? cycle[0]!).id)!.dep;
      out.push({ cycle, via });
    }
  }
  return out.sort((a, b) => byId(a.cycle[0]!, b.cycle[0]!));
}

export default defineRule({
  id: 'dependency-cycle',
  description: 'Feature dependencies form no cycle (each cycle reported once and whole; every feature on a cycle is named)',
  defaultSeverity: 'error',
  scope: 'workspace',
  uses: ['dependencies'],
  examples: [
    {
      fail: '# FEAT-001 Design: Accounts\n\n## Dependencies\n- 002-bookmarks: saved links\n',
      pass: '# FEAT-001 Design: Accounts\n\n## Overview\nAccounts depend on nothing.\n',
      path: 'docs/features/001-accounts/design.md',
      files: { 'docs/features/002-bookmarks/design.md': '# FEAT-002 Design: Bookmarks\n\n## Dependencies\n- 001-accounts: user ids\n' },
    },
  ],
  check({ workspace, report }) {
    const resolveFeature = featureResolver(workspace);
    const resolve = (ref: string) => {
      const r = resolveFeature(ref);
      return 'feature' in r ? r.feature : null;
    };
    for (const { cycle, via } of dependencyCycles(workspace.features, resolve)) {
      const names = [...cycle.map((f) => f.id), cycle[0]!.id].join(' → ');
      report({ path: via.source.path, line: via.source.line, message: `dependency cycle: ${names}` });
    }
  },
});
