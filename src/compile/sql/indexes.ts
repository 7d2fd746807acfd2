/**
 * Indexes as documented: columns by name, expressions (`lower(name)`) as written when they only use the
 * table's columns and immutable functions (PostgreSQL refuses others), `ASC`/`DESC` kept. An index that names an unknown column, does not
 * parse, or reuses a name is left out with a warning; a unique index on the primary key alone is redundant.
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { sqlIdent } from '../names.js';
import type { Resource } from '../resources.js';
import { checkExpr, INDEX_FUNCTIONS } from './expr.js';

export interface IndexDdl {
  name: string;
  table: string;
  unique: boolean;
  /** Index elements as written into the statement. */
  elements: string[];
}

const ORDER = /\s+(?:asc|desc)(?:\s+nulls\s+(?:first|last))?$|\s+nulls\s+(?:first|last)$/i;

/** One index element: a column name, or a parenthesized expression; null with the reason when it does not resolve. */
function element(raw: string, columns: Set<string>): { sql: string } | { reason: string } {
  const text = raw.trim().replace(/^`|`$/g, '');
  const order = ORDER.exec(text)?.[0] ?? '';
  const body = text.slice(0, text.length - order.length).trim();
  const suffix = order.trim().replace(/\s+/g, ' ').toUpperCase();
  const tail = suffix === '' ? '' : ` ${suffix}`;
  const name = /^"?([A-Za-z_][A-Za-z0-9_$]*)"?$/.exec(body)?.[1];
  if (name !== undefined) return columns.has(name) ? { sql: `${sqlIdent(name)}${tail}` } : { reason: `the table has no column ${name}` };
  const r = checkExpr(body, { table: null, columns, tables: new Map(), functions: INDEX_FUNCTIONS, subqueries: false });
  if (!r.ok) return { reason: `${body}: ${r.reason}` };
  return { sql: `(${r.text})${tail}` };
}

export function compileIndexes(resources: Resource[], diagnostics: Diagnostic[]): IndexDdl[] {
  const names = new Set<string>(resources.flatMap((r) => [r.table.toLowerCase(), `${r.table}_pkey`.toLowerCase()]));
  const out: IndexDdl[] = [];
  for (const r of resources) {
    const columns = new Set(r.fields.map((f) => f.name));
    const src = r.table_?.source ?? r.source;
    for (const i of r.table_?.indexes ?? []) {
      const warn = (why: string) =>
        diagnostics.push(diagnostic('compile-sql-index', 'warning', `index ${i.name} on ${r.table} (${i.columns.join(', ')}) ${why}; schema.sql leaves it out`, src.path, src.line));
      if (i.columns.length === 0) {
        warn('names no columns');
        continue;
      }
      const elements = i.columns.map((c) => element(c, columns));
      const bad = elements.find((e) => 'reason' in e);
      if (bad && 'reason' in bad) {
        warn(`cannot be compiled (${bad.reason})`);
        continue;
      }
      if (i.unique && i.columns.length === 1 && i.columns[0] === r.primaryKey) continue;
      const key = i.name.toLowerCase();
      if (names.has(key)) {
        warn('reuses the name of another index or table');
        continue;
      }
      names.add(key);
      out.push({ name: i.name, table: r.table, unique: i.unique, elements: elements.map((e) => ('sql' in e ? e.sql : '')) });
    }
  }
  return out;
}

export function indexStatement(i: IndexDdl): string {
  return `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${sqlIdent(i.name)} ON ${sqlIdent(i.table)} (${i.elements.join(', ')});`;
}
