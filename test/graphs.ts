/** Synthetic dependency graphs for the graph algorithms' tests: features with identities and dependencies only. */
import fc from 'fast-check';
import { emptyFeature } from '../src/model/feature.js';
import type { Feature, Workspace } from '../src/model/schema.js';

export const featureId = (i: number) => `${String(i + 1).padStart(3, '0')}-f${i + 1}`;

/** A workspace of `n` features where feature i depends on every feature in `deps[i]` (indexes). */
export function dependencyWorkspace(n: number, deps: (i: number) => readonly number[]): Workspace {
  const features: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const f = emptyFeature({ id: featureId(i), number: i + 1, slug: `f${i + 1}` });
    f.dependencies = deps(i).map((j, k) => ({ feature: featureId(j), reason: null, source: { path: `docs/features/${f.id}/design.md`, line: k + 3 } }));
    features.push(f);
  }
  return { version: 1, root: '/ws', diagnostics: [], features };
}

/** Random directed graphs on up to `max` nodes, as adjacency lists (self-loops and repeated edges included). */
export const adjacency = (max = 9) => fc.integer({ min: 1, max }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }));

/** Whether `to` can be reached from `from` by one edge or more (the brute-force oracle). */
export function reaches(adj: readonly (readonly number[])[], from: number, to: number): boolean {
  const seen = new Set<number>();
  const stack = [...adj[from]!];
  while (stack.length) {
    const v = stack.pop()!;
    if (v === to) return true;
    if (seen.has(v)) continue;
    seen.add(v);
    stack.push(...adj[v]!);
  }
  return false;
}
