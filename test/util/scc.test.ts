/** Strongly connected components, against brute-force reachability; deep graphs do not exhaust the stack. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stronglyConnected } from '../../src/util/scc.js';
import { adjacency, reaches } from '../graphs.js';

const components = (adj: number[][]) => stronglyConnected(adj.map((_, i) => i), String, (i) => adj[i]!);

describe('stronglyConnected', () => {
  it('puts two nodes in one component exactly when each reaches the other, components in reverse topological order', () => {
    fc.assert(fc.property(adjacency(), (adj) => {
      const comps = components(adj);
      expect(comps.flat().sort((a, b) => a - b)).toEqual(adj.map((_, i) => i));
      const of = new Map(comps.flatMap((c, k) => c.map((v) => [v, k] as const)));
      for (let a = 0; a < adj.length; a++) {
        for (let b = 0; b < adj.length; b++) {
          if (a !== b) expect(of.get(a) === of.get(b), `${a} ${b}`).toBe(reaches(adj, a, b) && reaches(adj, b, a));
        }
        // An edge leaving a component goes to one that came out before it.
        for (const b of adj[a]!) expect(of.get(b)!).toBeLessThanOrEqual(of.get(a)!);
      }
    }), { numRuns: 500, seed: 3 });
  });

  it('handles a cycle and a chain of 200,000 nodes', () => {
    const n = 200_000;
    const ring = components(Array.from({ length: n }, (_, i) => [(i + 1) % n]));
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(n);
    const chain = components(Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [])));
    expect(chain).toHaveLength(n);
    expect(chain[0]).toEqual([n - 1]);
  });
});
