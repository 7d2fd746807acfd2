/** Column defaults: the translated default when PostgreSQL accepts it for the column's type, else none. */
import { sqlDefaultOf, type ResourceField } from '../resources.js';
import { checkExpr, DEFAULT_FUNCTIONS } from './expr.js';
import type { Token } from './lexer.js';
import { parseType, type ColumnType } from './types.js';

export interface ColumnDefault {
  /** DEFAULT expression, or null. */
  sql: string | null;
  /** The default as written when it could not be translated (the caller reports it), else null. */
  untranslated: string | null;
}

const NOTHING = /^(?:|-|null|none|n\/a)$/i;
const SCOPE = { table: null, columns: new Set<string>(), tables: new Map<string, Set<string>>(), functions: DEFAULT_FUNCTIONS, subqueries: false };

const LITERAL: Record<string, RegExp | ((s: string) => boolean)> = {
  uuid: /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  int: /^\s*[-+]?\d+\s*$/,
  numeric: /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i,
  float: /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$|^(?:nan|infinity|-infinity)$/i,
  bool: /^\s*(?:t|f|true|false|y|n|yes|no|on|off|1|0)\s*$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i,
  timestamp: /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  json: (s) => isJson(s),
  jsonb: (s) => isJson(s),
};

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function unquote(t: Token): string {
  const body = t.text.startsWith("'") ? t.text.slice(1, -1) : t.text.slice(2, -1);
  return body.replace(/''/g, "'");
}

/** Families a value of a call or keyword fits (PostgreSQL's assignment casts). */
const FITS: Record<string, string[]> = {
  now: ['timestamptz', 'timestamp', 'date', 'time', 'timetz', 'text'],
  current_timestamp: ['timestamptz', 'timestamp', 'date', 'time', 'timetz', 'text'],
  localtimestamp: ['timestamptz', 'timestamp', 'date', 'time', 'text'],
  current_date: ['date', 'timestamptz', 'timestamp', 'text'],
  gen_random_uuid: ['uuid', 'text'],
};

/** Does a default expression fit the column type? Only literals and well-known calls are checked; others pass. */
function fits(text: string, tokens: Token[], type: ColumnType): boolean {
  const family = type.family;
  let body = tokens;
  const cast = tokens.findIndex((t) => t.kind === 'cast');
  if (cast > 0) {
    const target = cast + 1 < tokens.length ? parseType(text.slice(tokens[cast + 1]!.start)) : null;
    if (target?.family !== family) return false;
    body = tokens.slice(0, cast);
  }
  if (body.length === 1 && body[0]!.kind === 'string') {
    const value = unquote(body[0]!);
    if (family.endsWith('[]')) return /^\{.*\}$/s.test(value.trim());
    const check = LITERAL[family];
    return check === undefined ? true : typeof check === 'function' ? check(value) : check.test(value);
  }
  const sign = body.length === 2 && body[0]!.kind === 'op' && /^[-+]$/.test(body[0]!.text) ? 1 : 0;
  if (body.length === 1 + sign && body[sign]!.kind === 'number') {
    const n = body[sign]!.text;
    return family === 'numeric' || family === 'float' || family === 'text' || (family === 'int' && /^\d+$/.test(n));
  }
  if (body.length === 1 && body[0]!.kind === 'ident') {
    const v = body[0]!.value;
    if (v === 'true' || v === 'false') return family === 'bool';
    if (v in FITS) return FITS[v]!.includes(family);
    return false;
  }
  if (body.length === 3 && body[0]!.kind === 'ident' && body[1]!.kind === '(' && body[2]!.kind === ')' && body[0]!.value in FITS) return FITS[body[0]!.value]!.includes(family);
  return true;
}

function valid(expr: string, type: ColumnType): string | null {
  const r = checkExpr(expr, SCOPE);
  return r.ok && fits(r.text, r.tokens, type) ? r.text : null;
}

/** "The current time" as other databases and prose write it: `now`, SQLite's `datetime('now')`. */
const CURRENT_TIME = /^\(?\s*(?:now|datetime\(\s*'now'\s*\)|current_timestamp\(\))\s*\)?$/i;

function currentTime(raw: string | null, type: ColumnType): string | null {
  if (raw === null || !CURRENT_TIME.test(raw.trim().replace(/^`|`$/g, ''))) return null;
  return type.family === 'date' ? 'CURRENT_DATE' : 'now()';
}

/** The DEFAULT of a column: the resource's translation, else a translation of the default as written. */
export function columnDefault(field: ResourceField, type: ColumnType): ColumnDefault {
  if (type.serial) return { sql: null, untranslated: null };
  const written = [field.sqlDefault, field.default];
  const candidates = [...written, sqlDefaultOf(field.default, field.type), ...written.map((w) => currentTime(w, type))]
    .filter((c): c is string => c !== null && !NOTHING.test(c.trim()));
  for (const c of candidates) {
    const sql = valid(c, type);
    if (sql !== null) return { sql, untranslated: null };
  }
  const shown = [field.default, field.sqlDefault].find((d): d is string => d !== null && !NOTHING.test(d.trim().replace(/^`|`$/g, '')));
  return { sql: null, untranslated: shown ?? null };
}
