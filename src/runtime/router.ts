/** A small path matcher for the design's routes: static paths by map lookup, parameterized ones by segments. */

export interface Pattern {
  method: string;
  /** `/api/v1/bookmarks/{id}` */
  path: string;
}

interface Compiled<T> {
  segments: (string | { param: string })[];
  value: T;
}

export type Match<T> = { value: T; params: Record<string, string> } | { allowed: string[] } | null;

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

export function patternSegments(path: string): (string | { param: string })[] {
  return split(path).map((s) => {
    const m = /^\{([^}]+)\}$/.exec(s) ?? /^:(\w+)$/.exec(s);
    return m ? { param: m[1]! } : s;
  });
}

export class Router<T> {
  private readonly statics = new Map<string, Map<string, T>>();
  private readonly dynamic: (Compiled<T> & { method: string })[] = [];

  constructor(entries: readonly (Pattern & { value: T })[]) {
    for (const e of entries) {
      const segments = patternSegments(e.path);
      if (segments.every((s) => typeof s === 'string')) {
        const key = `/${segments.join('/')}`;
        const byMethod = this.statics.get(key) ?? new Map<string, T>();
        this.statics.set(key, byMethod);
        if (!byMethod.has(e.method)) byMethod.set(e.method, e.value);
      } else {
        this.dynamic.push({ method: e.method, segments, value: e.value });
      }
    }
  }

  /** Find the route of `method` and a raw URL path (query string allowed); `allowed` when only other methods match. */
  find(method: string, url: string): Match<T> {
    const q = url.indexOf('?');
    let raw = q < 0 ? url : url.slice(0, q);
    if (raw.length > 1 && raw.endsWith('/')) raw = raw.slice(0, -1);
    let parts = split(raw);
    if (raw.includes('%')) {
      try {
        parts = parts.map(decodeURIComponent);
      } catch {
        return null;
      }
    }
    let allowed: Set<string> | null = null;
    const byMethod = this.statics.get(`/${parts.join('/')}`);
    if (byMethod) {
      const v = byMethod.get(method);
      if (v !== undefined) return { value: v, params: {} };
      allowed = new Set(byMethod.keys());
    }
    for (const d of this.dynamic) {
      if (d.segments.length !== parts.length) continue;
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const s = d.segments[i]!;
        if (typeof s === 'string') ok = s === parts[i];
      }
      if (!ok) continue;
      if (d.method !== method) {
        (allowed ??= new Set()).add(d.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (let i = 0; i < parts.length; i++) {
        const s = d.segments[i]!;
        if (typeof s !== 'string') params[s.param] = parts[i]!;
      }
      return { value: d.value, params };
    }
    return allowed ? { allowed: [...allowed].sort() } : null;
  }
}
