/**
 * Bounded memoization of pure functions of one string. Design documents repeat most of their text
 * (section titles, label lines, table rows: three lines in four of a generated 3,000-document corpus
 * are repeats), so the readers that run on every heading or line answer repeats from here. Results are
 * shared between callers: they are frozen and must be treated as read-only.
 */
export function memoByString<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = deepFreeze(fn(s));
    if (cache.size >= max) cache.clear();
    cache.set(s, value);
    return value;
  };
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
