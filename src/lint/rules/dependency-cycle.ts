import type { Dependency, Feature } from '../../model/schema.js';
import { defineRule } from '../types.js';
import { featureResolver } from './workspace-index.js';

/** Every elementary cycle is reported once, by its strongly connected component (Tarjan). */
export function dependencyCycles(features: Feature[], resolve: (ref: string) => Feature | null): { cycle: Feature[]; via: Dependency }[] {
  const edges = new Map<string, { to: Feature; dep: Dependency }[]>();
  for (const f of features) {
    const out: { to: Feature; dep: Dependency }[] = [];
    for (const d of f.dependencies) {
      const to = resolve(d.feature);
      if (to) out.push({ to, dep: d });
    }
    edges.set(f.id, out);
  }
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: Feature[] = [];
  const onStack = new Set<string>();
  const sccs: Feature[][] = [];
  const strong = (v: Feature) => {
    idx.set(v.id, index);
    low.set(v.id, index++);
    stack.push(v);
    onStack.add(v.id);
    for (const { to } of edges.get(v.id) ?? []) {
      if (!idx.has(to.id)) {
        strong(to);
        low.set(v.id, Math.min(low.get(v.id)!, low.get(to.id)!));
      } else if (onStack.has(to.id)) low.set(v.id, Math.min(low.get(v.id)!, idx.get(to.id)!));
    }
    if (low.get(v.id) === idx.get(v.id)) {
      const comp: Feature[] = [];
      let w: Feature;
      do {
        w = stack.pop()!;
        onStack.delete(w.id);
        comp.push(w);
      } while (w.id !== v.id);
      sccs.push(comp);
    }
  };
  for (const f of features) if (!idx.has(f.id)) strong(f);
  const out: { cycle: Feature[]; via: Dependency }[] = [];
  for (const comp of sccs) {
    const ids = new Set(comp.map((f) => f.id));
    const self = comp.length === 1 && (edges.get(comp[0]!.id) ?? []).some((e) => e.to.id === comp[0]!.id);
    if (comp.length < 2 && !self) continue;
    // Walk the cycle from the smallest id, following edges inside the component.
    const start = [...comp].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    const path: Feature[] = [start];
    let cur = start;
    const seen = new Set([start.id]);
    for (;;) {
      const next = (edges.get(cur.id) ?? []).filter((e) => ids.has(e.to.id)).sort((a, b) => (a.to.id < b.to.id ? -1 : 1));
      const step = next.find((e) => !seen.has(e.to.id)) ?? next.find((e) => e.to.id === start.id);
      if (!step || step.to.id === start.id) break;
      path.push(step.to);
      seen.add(step.to.id);
      cur = step.to;
    }
    const via = (edges.get(start.id) ?? []).find((e) => e.to.id === (path[1] ?? start).id)!.dep;
    out.push({ cycle: path, via });
  }
  return out.sort((a, b) => (a.cycle[0]!.id < b.cycle[0]!.id ? -1 : 1));
}

export default defineRule({
  id: 'dependency-cycle',
  description: 'Feature dependencies form no cycle (reported once per cycle, with the whole cycle)',
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
