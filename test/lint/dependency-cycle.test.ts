/** dependency-cycle: every reported cycle is real, every feature on a cycle is named, long cycles are fine. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyGraph } from '../../src/compile/graph.js';
import { dependencyCycles } from '../../src/lint/rules/dependency-cycle.js';
import { featureResolver } from '../../src/lint/rules/workspace-index.js';
import type { Feature, Workspace } from '../../src/model/schema.js';
import { adjacency, dependencyWorkspace, featureId, reaches } from '../graphs.js';

function cyclesOf(ws: Workspace) {
  const resolve = featureResolver(ws);
  return dependencyCycles(ws.features, (ref) => {
    const r = resolve(ref);
    return 'feature' in r ? r.feature : null;
  });
}
const index = (f: Feature) => Number(f.slug.slice(1)) - 1;

describe('dependencyCycles', () => {
  it('reports two cycles sharing a feature as two real cycles, not one walk through all three', () => {
    // 001 <-> 002 <-> 003: no feature depends on 001 but 002, so 001 -> 002 -> 003 -> 001 is no cycle.
    const ws = dependencyWorkspace(3, (i) => [[1], [0, 2], [1]][i]!);
    expect(cyclesOf(ws).map(({ cycle, via }) => [cycle.map((f) => f.id), via.feature])).toEqual([
      [['001-f1', '002-f2'], '002-f2'],
      [['002-f2', '003-f3'], '003-f3'],
    ]);
  });

  it('on random graphs: each cycle is real and starts at its smallest id, each feature on a cycle is in one', () => {
    fc.assert(fc.property(adjacency(), (adj) => {
      const ws = dependencyWorkspace(adj.length, (i) => adj[i]!);
      const found = cyclesOf(ws);
      const named = new Set<number>();
      for (const { cycle, via } of found) {
        const ids = cycle.map(index);
        expect(new Set(ids).size, 'no feature twice').toBe(ids.length);
        ids.forEach((v, k) => expect(adj[v], `${v} depends on the next`).toContain(ids[(k + 1) % ids.length]));
        expect(Math.min(...ids)).toBe(ids[0]);
        expect(via.feature).toBe(featureId(ids[1] ?? ids[0]!));
        for (const v of ids) named.add(v);
      }
      const onCycle = adj.map((_, v) => v).filter((v) => reaches(adj, v, v));
      expect([...named].sort((a, b) => a - b)).toEqual(onCycle);
      expect(new Set(found.map(({ cycle }) => cycle.map((f) => f.id).join())).size, 'no cycle twice').toBe(found.length);
      // The graph command marks exactly the edges on a cycle.
      for (const e of dependencyGraph(ws).edges) {
        const [a, b] = [e.from, e.to].map((id) => Number(id.slice(0, 3)) - 1);
        expect(e.cycle, `${e.from} -> ${e.to}`).toBe(reaches(adj, b!, a!));
      }
    }), { numRuns: 500, seed: 9 });
  });

  it('reports a cycle through 50,000 features whole, and the graph marks its edges', () => {
    const n = 50_000;
    const ws = dependencyWorkspace(n, (i) => [(i + n - 1) % n]);
    const [only, ...rest] = cyclesOf(ws);
    expect(rest).toEqual([]);
    expect(only!.cycle).toHaveLength(n);
    expect(only!.cycle.slice(0, 3).map((f) => f.id)).toEqual(['001-f1', featureId(n - 1), featureId(n - 2)]);
    const g = dependencyGraph(ws);
    expect(g.edges.every((e) => e.cycle)).toBe(true);
    expect(g.cycles).toHaveLength(1);
  });
});
