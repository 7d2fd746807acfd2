/**
 * The resource model every generator shares (OpenAPI, SQL, TypeScript, ER diagram, serve): one resource per
 * entity and per documented table, merged when an entity has a table of its own (`Bookmark` + `bookmarks`).
 */
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { normalizeType } from '../model/field-type.js';
import type { Column, Entity, Feature, Source, Table, Workspace } from '../model/schema.js';
import { entityNameOf, snakeCase, tableNameOf } from './names.js';

export interface ResourceField {
  name: string;
  /** Normalized model type (uuid, string, integer, number, boolean, datetime, date, json, X[], Entity). */
  type: string;
  /** PostgreSQL type for the column. */
  sqlType: string;
  /** Must be given on create. */
  required: boolean;
  /** Set by the database or the server (ids, timestamps, owner); never written by clients. */
  generated: boolean;
  primaryKey: boolean;
  /** Column may be NULL. */
  nullable: boolean;
  /** SQL default expression (translated), or null. */
  sqlDefault: string | null;
  /** Default as written in the design. */
  default: string | null;
  /** `table.column` this field references, or null. */
  references: string | null;
  description: string | null;
  source: Source;
}

export interface Resource {
  /** Entity name, PascalCase: `Bookmark`. */
  name: string;
  /** Table name: `bookmarks`. */
  table: string;
  feature: string;
  source: Source;
  fields: ResourceField[];
  primaryKey: string;
  /** Column holding the owning user's id (always present: added when the design has none). */
  owner: string;
  table_: Table | null;
  entity: Entity | null;
}

export interface ResourceModel {
  resources: Resource[];
  diagnostics: Diagnostic[];
}

const SQL_TYPES: Record<string, string> = {
  uuid: 'uuid', string: 'text', integer: 'integer', number: 'numeric', boolean: 'boolean', datetime: 'timestamptz', date: 'date', json: 'jsonb',
};

/** PostgreSQL type for a normalized model type. */
export function sqlTypeOf(type: string): string {
  if (type.endsWith('[]')) {
    const inner = type.slice(0, -2);
    const base = SQL_TYPES[inner];
    return base && base !== 'jsonb' ? `${base}[]` : 'jsonb';
  }
  return SQL_TYPES[type] ?? (/^[A-Z]/.test(type) ? 'jsonb' : 'text');
}

/** Translate a design default to SQL: `uuid4()` -> `gen_random_uuid()`, `utcnow()` -> `now()`, literals; null when untranslatable. */
export function sqlDefaultOf(raw: string | null, type: string): string | null {
  if (raw === null) return null;
  const v = raw.trim().replace(/^`|`$/g, '');
  if (v === '' || v === '-' || /^null$/i.test(v)) return null;
  if (/^(?:uuid4?\(\)|uuid_generate_v4\(\)|gen_random_uuid\(\)|uuid\.uuid4\(\)|crypto\.randomUUID\(\))$/i.test(v)) return 'gen_random_uuid()';
  if (/^(?:utcnow\(\)|now\(\)|datetime\.utcnow\(\)|datetime\.now\(\)|current_timestamp|timezone\('utc'.*\)|new Date\(\)|Date\.now\(\))$/i.test(v)) return type === 'date' ? 'CURRENT_DATE' : 'now()';
  if (/^(?:current_date|today\(\))$/i.test(v)) return 'CURRENT_DATE';
  if (/^(?:true|false)$/i.test(v)) return type === 'boolean' ? v.toLowerCase() : null;
  if (/^-?\d+(?:\.\d+)?$/.test(v)) return type === 'integer' || type === 'number' ? v : type === 'string' ? `'${v}'` : null;
  if (/^'(?:[^']|'')*'(?:::[\w\s[\]]+)?$/.test(v)) return v;
  if (/^"[^"]*"$/.test(v)) return `'${v.slice(1, -1).replace(/'/g, "''")}'`;
  if (/^(?:\[\]|\{\})$/.test(v)) return type.endsWith('[]') && sqlTypeOf(type) !== 'jsonb' ? "'{}'" : `'${v}'::jsonb`;
  if (type === 'string' && /^[\w.-]+$/.test(v)) return `'${v}'`;
  return null;
}

const GENERATED_NAMES = /^(?:id|created_at|updated_at|createdAt|updatedAt)$/;
export const OWNER_COLUMN = 'owner_id';
const OWNER_NAMES = /^(?:owner_id|ownerId)$/;

function fieldFromEntity(f: Entity['fields'][number], entity: Entity, column: Column | undefined): ResourceField {
  const type = f.type;
  const sqlDefault = column?.default != null ? normalizeSqlDefault(column.default) : sqlDefaultOf(f.default, type);
  const primaryKey = column?.primaryKey ?? /^id$/i.test(f.name);
  // Ids, timestamps and the owner are the server's, whatever the design says about their defaults.
  const generated = f.generated || primaryKey || OWNER_NAMES.test(f.name) || GENERATED_NAMES.test(f.name);
  return {
    name: f.name, type, sqlType: column?.type ?? sqlTypeOf(type), required: f.required && !generated, generated, primaryKey,
    nullable: column ? column.nullable !== false && !column.primaryKey : !f.required && !generated && sqlDefault === null,
    sqlDefault: sqlDefault ?? (primaryKey && type === 'uuid' ? 'gen_random_uuid()' : GENERATED_NAMES.test(f.name) && f.name !== 'id' ? 'now()' : null),
    // The owner is the caller, whatever prose the design gives as its default.
    default: OWNER_NAMES.test(f.name) ? null : f.default, references: column?.references ?? null, description: f.description, source: f.source ?? entity.source,
  };
}

function normalizeSqlDefault(d: string): string {
  return /^uuid_generate_v4\(\)$/i.test(d) ? 'gen_random_uuid()' : d;
}

function fieldFromColumn(c: Column, t: Table): ResourceField {
  const type = normalizeType(c.type);
  const sqlDefault = c.default !== null ? normalizeSqlDefault(c.default) : c.primaryKey && type === 'uuid' ? 'gen_random_uuid()' : null;
  const generated = c.primaryKey || OWNER_NAMES.test(c.name) || (GENERATED_NAMES.test(c.name) && sqlDefault !== null) || /serial/i.test(c.type);
  return {
    name: c.name, type, sqlType: c.type, required: c.nullable === false && sqlDefault === null && !generated, generated, primaryKey: c.primaryKey,
    nullable: c.nullable !== false && !c.primaryKey, sqlDefault, default: c.default, references: c.references, description: c.description, source: t.source,
  };
}

function ownerField(source: Source): ResourceField {
  return {
    name: OWNER_COLUMN, type: 'uuid', sqlType: 'uuid', required: false, generated: true, primaryKey: false, nullable: false,
    sqlDefault: null, default: null, references: null, description: 'Owning user (the token subject); set by the server', source,
  };
}

/** Build the resource model of a workspace. Deterministic: resources sorted by table name. */
export function resourceModel(ws: Workspace): ResourceModel {
  const diagnostics: Diagnostic[] = [];
  const tables = new Map<string, { table: Table; feature: Feature }>();
  for (const feature of ws.features) {
    for (const table of feature.tables) {
      const key = table.name.split('.').pop()!.toLowerCase();
      const prev = tables.get(key);
      if (prev) {
        diagnostics.push(diagnostic('compile-duplicate', 'warning', `table ${table.name} is also documented at ${prev.table.source.path}:${prev.table.source.line}; the first one is compiled`, table.source.path, table.source.line));
        continue;
      }
      tables.set(key, { table, feature });
    }
  }
  const resources = new Map<string, Resource>();
  const add = (r: Resource) => {
    const prev = resources.get(r.table);
    if (prev) {
      diagnostics.push(diagnostic('compile-duplicate', 'warning', `${r.name} is also defined at ${prev.source.path}:${prev.source.line}; the first one is compiled`, r.source.path, r.source.line));
      return;
    }
    resources.set(r.table, r);
  };
  for (const feature of ws.features) {
    for (const entity of feature.entities) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(entity.name) || entity.fields.length === 0) continue;
      const tableName = tableNameOf(entity.name);
      const t = tables.get(tableName)?.table ?? tables.get(snakeCase(entity.name))?.table ?? null;
      const cols = new Map((t?.columns ?? []).map((c) => [c.name, c]));
      const fields = entity.fields.map((f) => fieldFromEntity(f, entity, cols.get(f.name)));
      for (const c of t?.columns ?? []) if (!fields.some((f) => f.name === c.name)) fields.push(fieldFromColumn(c, t!));
      add(finish({ name: entity.name, table: t?.name.split('.').pop() ?? tableName, feature: feature.id, source: entity.source, fields, table_: t, entity }));
    }
  }
  for (const { table, feature } of tables.values()) {
    const name = table.name.split('.').pop()!;
    if (resources.has(name) || table.columns.length === 0) continue;
    add(finish({ name: entityNameOf(name), table: name, feature: feature.id, source: table.source, fields: table.columns.map((c) => fieldFromColumn(c, table)), table_: table, entity: null }));
  }
  return { resources: [...resources.values()].sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0)), diagnostics };
}

function finish(r: Omit<Resource, 'primaryKey' | 'owner'>): Resource {
  const fields = [...r.fields];
  let pk = fields.find((f) => f.primaryKey);
  if (!pk) {
    pk = fields.find((f) => /^id$/i.test(f.name));
    if (pk) pk.primaryKey = true;
  }
  if (!fields.some((f) => f.name === OWNER_COLUMN)) {
    const at = fields.findIndex((f) => f.primaryKey);
    fields.splice(at + 1, 0, ownerField(r.source));
  }
  return { ...r, fields, primaryKey: pk?.name ?? 'id', owner: OWNER_COLUMN };
}

/** Fields a client may send on create (generated ones left out). */
export const createFields = (r: Resource) => r.fields.filter((f) => !f.generated);
