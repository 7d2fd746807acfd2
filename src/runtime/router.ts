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
    let parts: string[];
    try {
      parts = split(raw).map(decodeURIComponent);
    } catch {
      return null;
    }
    const allowed = new Set<string>();
    const byMethod = this.statics.get(`/${parts.join('/')}`);
    if (byMethod) {
      const v = byMethod.get(method);
      if (v !== undefined) return { value: v, params: {} };
      for (const m of byMethod.keys()) allowed.add(m);
    }
    for (const d of this.dynamic) {
      if (d.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const s = d.segments[i]!;
        if (typeof s === 'string') ok = s === parts[i];
        else params[s.param] = parts[i]!;
      }
      if (!ok) continue;
      if (d.method === method) return { value: d.value, params };
      allowed.add(d.method);
    }
    return allowed.size > 0 ? { allowed: [...allowed].sort() } : null;
  }
}
