/**
 * What a schema change does to data: the resources of the last applied migration against the new
 * ones. Additive changes (new tables, columns, indexes, policies) apply by re-running the idempotent
 * schema.sql; destructive ones (a table or column gone, a column type changed) need consent.
 */
import { sqlIdent } from '../compile/names.js';
import type { Resource } from '../compile/resources.js';
import { columnType } from '../compile/sql/types.js';

/** table -> column -> column type as schema.sql writes it. */
export type SchemaSnapshot = Record<string, Record<string, string>>;

export function snapshotOf(resources: readonly Resource[]): SchemaSnapshot {
  const out: SchemaSnapshot = {};
  for (const r of resources) {
    const cols: Record<string, string> = {};
    // schema.sql makes the owner column uuid whatever the design wrote.
    for (const f of r.fields) cols[f.name] = f.name === r.owner ? 'uuid' : columnType(f).sql;
    out[r.table] = cols;
  }
  return out;
}

export interface DestructiveChange {
  /** One line for people: `column bookmarks.note is gone`. */
  message: string;
  /** The statement that carries it out when allowed. */
  sql: string;
}

/** Destructive changes from `before` to `after`, sorted by table and column. */
export function destructiveChanges(before: SchemaSnapshot, after: SchemaSnapshot): DestructiveChange[] {
  const out: DestructiveChange[] = [];
  for (const table of Object.keys(before).sort()) {
    const next = after[table];
    const t = sqlIdent(table);
    if (!next) {
      out.push({ message: `table ${table} is gone (its rows would be dropped)`, sql: `DROP TABLE IF EXISTS ${t} CASCADE` });
      continue;
    }
    const prev = before[table]!;
    for (const column of Object.keys(prev).sort()) {
      const c = sqlIdent(column);
      const now = next[column];
      if (now === undefined) {
        out.push({ message: `column ${table}.${column} is gone (its values would be dropped)`, sql: `ALTER TABLE ${t} DROP COLUMN IF EXISTS ${c} CASCADE` });
      } else if (now !== prev[column]) {
        out.push({ message: `column ${table}.${column} changes type from ${prev[column]} to ${now}`, sql: `ALTER TABLE ${t} ALTER COLUMN ${c} TYPE ${now} USING ${c}::${now}` });
      }
    }
  }
  return out;
}

/** Column definitions of schema.sql's CREATE TABLE statements: table -> column -> `name type NOT NULL DEFAULT ...`. */
export function columnDefinitions(schemaSql: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const create = /^CREATE TABLE IF NOT EXISTS ("(?:[^"]|"")+"|[a-z_][a-z0-9_]*) \(\n([\s\S]*?)\n\);$/gm;
  for (const m of schemaSql.matchAll(create)) {
    const table = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
    const cols = new Map<string, string>();
    for (const raw of m[2]!.split('\n')) {
      const line = raw.trim().replace(/,$/, '');
      const name = /^("(?:[^"]|"")+"|[a-z_][a-z0-9_]*)\s/.exec(line)?.[1];
      if (!name || line.startsWith('--') || /^(?:PRIMARY KEY|UNIQUE|CHECK|CONSTRAINT|FOREIGN KEY)\b/.test(line)) continue;
      cols.set(name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name, line);
    }
    out.set(table, cols);
  }
  return out;
}

/**
 * Columns the designs added to tables that already exist: schema.sql only creates missing tables, so
 * they are added with the definition schema.sql gives them (type, NOT NULL, DEFAULT). `before` runs
 * ahead of schema.sql (its indexes and policies may use the columns); `after` adds their foreign keys
 * once schema.sql has created the tables they point to. A NOT NULL column without a default cannot be
 * added to a table with rows: the migration then fails and says so.
 */
export function addedColumns(before: SchemaSnapshot, after: SchemaSnapshot, schemaSql: string): { before: string[]; after: string[] } {
  const defs = columnDefinitions(schemaSql);
  const out = { before: [] as string[], after: [] as string[] };
  for (const table of Object.keys(after).sort()) {
    const prev = before[table];
    if (!prev) continue;
    for (const column of Object.keys(after[table]!)) {
      if (prev[column] !== undefined) continue;
      const def = defs.get(table)?.get(column)?.replace(/\s+PRIMARY KEY\b/, '') ?? `${sqlIdent(column)} ${after[table]![column]}`;
      const ref = /\s+(REFERENCES\s+.*)$/.exec(def);
      out.before.push(`ALTER TABLE ${sqlIdent(table)} ADD COLUMN IF NOT EXISTS ${ref ? def.slice(0, ref.index) : def}`);
      if (ref) out.after.push(`ALTER TABLE ${sqlIdent(table)} ADD FOREIGN KEY (${sqlIdent(column)}) ${ref[1]}`);
    }
  }
  return out;
}
