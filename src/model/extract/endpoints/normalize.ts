/**
 * Endpoint method and path normalization.
 *
 * Path rules (in order): host removed (`http://localhost:8000/api/x` -> `/api/x`), fragment and
 * query string removed (the query becomes query parameters), trailing slash and trailing
 * punctuation removed, then every segment that names a parameter becomes `{name}`:
 * `:id`, `<id>`, `$ID` / `${ID}` and Next.js `[code]` / `[...slug]`.
 *
 * Bracket rule: `[x]` is a parameter only when x is an identifier starting with a lower-case
 * letter (`[code]`, `[gameId]`, `[...slug]`), x is not a template word (`[resource]`,
 * `[endpoint]`, `[feature]`, ...) and the document is not itself a template (its H1 carries a
 * `[placeholder]`). Anything else (`[resource]`, `[Resource Name]`) stays as written so that the
 * linter can report the unfilled placeholder.
 */
import { HTTP_METHODS } from '../../constants.js';
import type { HttpMethod } from '../../schema.js';

export interface QueryParam {
  name: string;
  type: string | null;
  default: string | null;
}

export interface PathOptions {
  /** The document is a template: `[x]` segments are placeholders, never parameters. */
  template: boolean;
}

/** Pseudo-methods written in documents, read as the HTTP method they use. */
const ALIASES: Record<string, HttpMethod> = { SSE: 'GET' };

/** `GET`, `post` -> the HTTP method; `SSE` -> GET; anything else -> null. */
export function normalizeMethod(raw: string): HttpMethod | null {
  const m = raw.trim().toUpperCase();
  if ((HTTP_METHODS as readonly string[]).includes(m)) return m as HttpMethod;
  return ALIASES[m] ?? null;
}

/** Words that templates put in brackets where a real route segment belongs. */
const TEMPLATE_WORDS = new Set([
  'resource', 'resources', 'endpoint', 'endpoints', 'feature', 'features', 'entity', 'entities', 'model', 'models',
  'module', 'service', 'route', 'path', 'action', 'collection',
]);

function paramSegment(seg: string, opts: PathOptions): string | null {
  const c = seg.charCodeAt(0);
  if (c !== 58 /* : */ && c !== 60 /* < */ && c !== 36 /* $ */ && c !== 91 /* [ */) return null; // what every form starts with
  let m = /^:([A-Za-z_][\w-]*)$/.exec(seg) ?? /^<([A-Za-z_][\w-]*)>$/.exec(seg) ?? /^\$\{?([A-Za-z_]\w*)\}?$/.exec(seg);
  if (m) return `{${m[1]}}`;
  m = /^\[{1,2}(?:\.\.\.)?([a-z][A-Za-z0-9_]*)\]{1,2}$/.exec(seg);
  if (m && !opts.template && !TEMPLATE_WORDS.has(m[1]!)) return `{${m[1]}}`;
  return null;
}

/** Remove punctuation that ends a sentence or markup around a path, keeping balanced brackets. */
export function trimPath(raw: string): string {
  let p = raw;
  for (;;) {
    const before = p;
    p = p.replace(/[.,;:!?'"`*\\]+$/, '');
    for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}'], ['<', '>']] as const) {
      if (p.endsWith(close) && count(p, open) < count(p, close)) p = p.slice(0, -1);
    }
    if (p === before) return p;
  }
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

export interface NormalizedPath {
  path: string;
  query: QueryParam[];
}

/** Normalize a path as written (with or without host and query string); null when it is not a path. */
export function normalizePath(raw: string, opts: PathOptions = { template: false }): NormalizedPath | null {
  const key = opts.template ? `t${raw}` : `p${raw}`;
  let hit = NORMALIZED.get(key);
  if (hit === undefined) {
    hit = normalize(raw, opts);
    if (NORMALIZED.size >= 20_000) NORMALIZED.clear();
    NORMALIZED.set(key, hit);
  }
  return hit && { path: hit.path, query: hit.query.map((q) => ({ ...q })) };
}

/** normalizePath is pure and documents repeat their paths: memoized (bounded); callers get their own copy. */
const NORMALIZED = new Map<string, NormalizedPath | null>();

function normalize(raw: string, opts: PathOptions): NormalizedPath | null {
  let p = trimPath(raw.trim());
  p = p.replace(/^https?:\/\/[^/\s?#]*/i, '');
  const hash = p.indexOf('#');
  if (hash >= 0) p = p.slice(0, hash);
  let qs = '';
  const q = p.indexOf('?');
  if (q >= 0) {
    qs = p.slice(q + 1);
    p = p.slice(0, q);
  }
  if (!p.startsWith('/') || /\s/.test(p)) return null;
  const segs = p.split('/').slice(1).filter((s, i, all) => s !== '' || i < all.length - 1);
  const path = '/' + segs.map((s) => paramSegment(s, opts) ?? s).join('/');
  return { path, query: parseQueryString(qs) };
}

/** `page=1&limit=20` -> [{ page, integer, '1' }, { limit, integer, '20' }]; placeholder values give null. */
export function parseQueryString(qs: string): QueryParam[] {
  const out: QueryParam[] = [];
  for (const part of qs.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = safeDecode(eq >= 0 ? part.slice(0, eq) : part).trim();
    if (!name || out.some((x) => x.name === name)) continue;
    const value = eq >= 0 ? safeDecode(part.slice(eq + 1)).trim() : '';
    const placeholder = value === '' || /^[{[<:$]/.test(value) || /^\.\.\.$/.test(value);
    // An id or a timestamp in a query string is an example value, not a default.
    const example = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value) || /^\d{4}-\d{2}-\d{2}(?:T|$)/.test(value);
    const type = placeholder ? null : example ? (/^\d{4}-/.test(value) ? (value.includes('T') ? 'datetime' : 'date') : 'uuid') : inferType(value);
    out.push({ name, type, default: placeholder || example ? null : value });
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The type a default value implies: integer, number, boolean or string. */
export function inferType(value: string): string {
  if (/^-?\d+$/.test(value)) return 'integer';
  if (/^-?\d*\.\d+$/.test(value)) return 'number';
  if (/^(true|false)$/i.test(value)) return 'boolean';
  return 'string';
}

const TYPE_WORDS: Record<string, string> = {
  int: 'integer', integer: 'integer', int32: 'integer', int64: 'integer', long: 'integer',
  str: 'string', string: 'string', text: 'string',
  bool: 'boolean', boolean: 'boolean',
  float: 'number', double: 'number', number: 'number', decimal: 'number',
  uuid: 'uuid', date: 'date', datetime: 'datetime', timestamp: 'datetime', timestamptz: 'datetime',
};

/** A query parameter type word (`int`, `string`, `uuid`) normalized, or null when it is not one. */
export function normalizeType(raw: string): string | null {
  const w = raw.trim().toLowerCase().replace(/`/g, '');
  if (TYPE_WORDS[w]) return TYPE_WORDS[w]!;
  const list = /^(?:list|array)\[(\w+)\]$|^(\w+)\[\]$/.exec(w);
  if (list) {
    const inner = TYPE_WORDS[list[1] ?? list[2]!];
    return inner ? `${inner}[]` : null;
  }
  return null;
}

/** A path segment that is a parameter (`{id}`). */
export const isParam = (seg: string) => /^\{[^}]*\}$/.test(seg);
/** A concrete segment that reads as a value (`prod-123`, `42`): it contains a digit. */
const isValue = (seg: string) => /\d/.test(seg);

/**
 * True when `concrete` (a path written in an example or prose) is an instance of `template`:
 * same segments, where a parameter matches a parameter of any name or a value-like segment.
 */
export function pathInstanceOf(concrete: string, template: string): boolean {
  const a = concrete.split('/');
  const b = template.split('/');
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const t = b[i]!;
    if (s === t) return true;
    if (!isParam(t)) return false;
    return isParam(s) || isValue(s);
  });
}
