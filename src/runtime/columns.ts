/** The columns of the served tables as the database has them (types as `format_type` spells them). */
import type { Queryable } from './store/types.js';

export interface ColumnInfo {
  name: string;
  /** `uuid`, `text`, `character varying(255)`, `timestamp with time zone`, `text[]` ... */
  type: string;
  notNull: boolean;
  hasDefault: boolean;
}

export type TableColumns = Map<string, Map<string, ColumnInfo>>;

export interface TableDescription {
  columns: TableColumns;
  /** Tables whose row-level security is off (their rows would not be isolated). */
  withoutRls: string[];
}

export async function describeTables(q: Queryable, tables: readonly string[]): Promise<TableDescription> {
  const rows = await q.query<{ t: string; c: string; type: string; notnull: boolean; hasdef: boolean; rls: boolean }>(
    `SELECT c.relname AS t, a.attname AS c, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull, a.atthasdef AS hasdef, c.relrowsecurity AS rls
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
        AND c.relname = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [[...tables]],
  );
  const out: TableColumns = new Map();
  const withoutRls = new Set<string>();
  for (const r of rows) {
    if (!r.rls) withoutRls.add(r.t);
    let cols = out.get(r.t);
    if (!cols) out.set(r.t, (cols = new Map()));
    cols.set(r.c, { name: r.c, type: r.type, notNull: r.notnull, hasDefault: r.hasdef });
  }
  return { columns: out, withoutRls: [...withoutRls].sort() };
}
