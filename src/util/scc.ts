/**
 * Strongly connected components of a directed graph: Tarjan's algorithm, written with an explicit stack
 * so that a dependency chain of any length cannot exhaust the call stack.
 */

interface Frame<T> {
  node: T;
  key: string;
  next: readonly T[];
  at: number;
}

/**
 * The components of the graph whose nodes are `nodes` (searched from in this order) and whose edges go
 * from a node to `next(node)`; nodes are told apart by `key`. Components come out as Tarjan's recursive
 * form gives them: in reverse topological order, each in the order its nodes leave the stack.
 */
export function stronglyConnected<T>(nodes: readonly T[], key: (node: T) => string, next: (node: T) => readonly T[]): T[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: T[] = [];
  const onStack = new Set<string>();
  const frames: Frame<T>[] = [];
  const components: T[][] = [];
  const enter = (node: T) => {
    const k = key(node);
    index.set(k, index.size);
    low.set(k, index.size - 1);
    stack.push(node);
    onStack.add(k);
    frames.push({ node, key: k, next: next(node), at: 0 });
  };
  for (const start of nodes) {
    if (index.has(key(start))) continue;
    enter(start);
    while (frames.length > 0) {
      const f = frames[frames.length - 1]!;
      if (f.at < f.next.length) {
        const to = f.next[f.at++]!;
        const k = key(to);
        if (!index.has(k)) enter(to);
        else if (onStack.has(k)) low.set(f.key, Math.min(low.get(f.key)!, index.get(k)!));
        continue;
      }
      frames.pop();
      if (low.get(f.key) === index.get(f.key)) {
        const component: T[] = [];
        let k: string;
        do {
          const w = stack.pop()!;
          k = key(w);
          onStack.delete(k);
          component.push(w);
        } while (k !== f.key);
        components.push(component);
      }
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.key, Math.min(low.get(parent.key)!, low.get(f.key)!));
    }
  }
  return components;
}
