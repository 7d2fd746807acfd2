/**
 * How `serve` reads and writes one resource: the resource model joined with the columns the database
 * has. Client-writable fields are the resource's non-generated fields that exist as columns; generated
 * ones (ids, timestamps, owner) are read-only; generated columns without a database default get one here.
 */
import type { Resource } from '../compile/resources.js';
import type { ColumnInfo } from './columns.js';
import { columnCheck, type Check } from './validate.js';

export interface WritableField {
  name: string;
  type: string;
  required: boolean;
  check: Check;
}

export interface ResourcePlan {
  resource: Resource;
  table: string;
  pk: ColumnInfo;
  owner: ColumnInfo;
  writable: Map<string, WritableField>;
  readOnly: Set<string>;
  columns: Map<string, ColumnInfo>;
  /** Generated columns the INSERT sets itself (no database default): column -> SQL expression. */
  insertFill: Map<string, string>;
  /** Column stamped with now() on every update, or null. */
  updatedAt: string | null;
  /** ORDER BY columns of lists: creation time (when there is one), then the primary key. */
  order: string[];
}

const CREATED = /^(?:created_at|createdAt|inserted_at)$/;
const UPDATED = /^(?:updated_at|updatedAt|modified_at)$/;

/** The plan of `r` against its table's columns; null when the table or its key is missing. */
export function resourcePlan(r: Resource, columns: Map<string, ColumnInfo> | undefined): ResourcePlan | null {
  if (!columns) return null;
  const pk = columns.get(r.primaryKey);
  const owner = columns.get(r.owner);
  if (!pk || !owner) return null;
  const writable = new Map<string, WritableField>();
  const readOnly = new Set<string>();
  const insertFill = new Map<string, string>();
  for (const f of r.fields) {
    const c = columns.get(f.name);
    if (!c) continue;
    if (f.generated || f.name === r.owner || f.name === r.primaryKey) {
      readOnly.add(f.name);
      if (c.hasDefault || f.name === r.owner) continue;
      if (f.name === r.primaryKey && c.type === 'uuid') insertFill.set(f.name, 'gen_random_uuid()');
      else if ((CREATED.test(f.name) || UPDATED.test(f.name)) && /^(?:timestamp|date)/.test(c.type)) insertFill.set(f.name, c.type === 'date' ? 'CURRENT_DATE' : 'now()');
      continue;
    }
    const required = f.required || (c.notNull && !c.hasDefault);
    writable.set(f.name, { name: f.name, type: c.type, required, check: columnCheck(c.type, !c.notNull) });
  }
  const updated = r.fields.find((f) => UPDATED.test(f.name) && readOnly.has(f.name) && /^timestamp/.test(columns.get(f.name)!.type));
  const created = r.fields.find((f) => CREATED.test(f.name) && columns.has(f.name));
  return {
    resource: r, table: r.table, pk, owner, writable, readOnly, columns, insertFill,
    updatedAt: updated?.name ?? null,
    order: created && created.name !== pk.name ? [created.name, pk.name] : [pk.name],
  };
}
