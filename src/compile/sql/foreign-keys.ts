/**
 * Foreign keys and table order. A key comes from a field's `references` (`accounts.id`), or, for an entity
 * documented without a table, from its name (`collection_id` -> `collections.id` when `collections` exists).
 * A key whose target is not a table of the workspace, not a key of it, or of another type is left out
 * (with a warning for written references): DDL that references a missing table would not apply.
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { plural } from '../names.js';
import type { Resource, ResourceField } from '../resources.js';
import type { ColumnType } from './types.js';

export interface ForeignKey {
  table: string;
  column: string;
  target: string;
  targetColumn: string;
  name: string;
  /** Written inline in CREATE TABLE (the target is created before, or is the table itself, and the key is its primary key). */
  inline: boolean;
}

export interface KeyPlan {
  keys: ForeignKey[];
  /** Table names in creation order. */
  order: string[];
  /** `table.column` -> why its written reference is not a foreign key (a comment in the DDL). */
  skipped: Map<string, string>;
}

export type TypeOf = (table: string, column: string) => ColumnType | undefined;

function parseReference(ref: string): { table: string; column: string } | null {
  const dotted = /^(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(ref.trim());
  if (dotted) return { table: dotted[1]!.toLowerCase(), column: dotted[2]! };
  const call = /^(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)\s*\(\s*([A-Za-z_]\w*)\s*\)$/.exec(ref.trim());
  return call ? { table: call[1]!.toLowerCase(), column: call[2]! } : null;
}

/** Is `column` a key of `target` (its primary key, or a documented single-column unique index)? */
function isKey(target: Resource, column: string): boolean {
  if (column === target.primaryKey && target.fields.some((f) => f.name === column && f.primaryKey)) return true;
  return (target.table_?.indexes ?? []).some((i) => i.unique && i.columns.length === 1 && i.columns[0] === column);
}

const compatible = (a: ColumnType | undefined, b: ColumnType | undefined) => a !== undefined && b !== undefined && !a.family.endsWith('[]') && a.family === b.family;

function inferredTarget(r: Resource, f: ResourceField, byTable: Map<string, Resource>): Resource | null {
  if (r.table_ !== null || f.name === r.owner || f.primaryKey) return null;
  const m = /^([a-z][a-z0-9_]*)_id$/.exec(f.name);
  return m ? byTable.get(plural(m[1]!)) ?? null : null;
}

function resolve(resources: Resource[], typeOf: TypeOf, diagnostics: Diagnostic[]): { keys: Omit<ForeignKey, 'inline'>[]; skipped: Map<string, string> } {
  const byTable = new Map(resources.map((r) => [r.table, r]));
  const keys: Omit<ForeignKey, 'inline'>[] = [];
  const skipped = new Map<string, string>();
  for (const r of resources) {
    for (const f of r.fields) {
      const where = `${r.table}.${f.name}`;
      const warn = (why: string) => {
        skipped.set(where, `references ${f.references}, ${why}; no foreign key`);
        diagnostics.push(diagnostic('compile-sql-foreign-key', 'warning', `${where} references ${f.references}, ${why}; schema.sql has no foreign key for it`, f.source.path, f.source.line));
      };
      let target: Resource | null = null;
      let targetColumn: string;
      if (f.references !== null) {
        const ref = parseReference(f.references);
        if (!ref) {
          warn('which is not a table.column reference');
          continue;
        }
        target = byTable.get(ref.table) ?? null;
        targetColumn = ref.column;
        if (!target) {
          warn(`but ${ref.table} is not a table of this workspace`);
          continue;
        }
        if (!target.fields.some((x) => x.name === targetColumn)) {
          warn(`but ${ref.table} has no column ${targetColumn}`);
          continue;
        }
        if (!isKey(target, targetColumn)) {
          warn(`but ${ref.table}.${targetColumn} is neither its primary key nor unique`);
          continue;
        }
        if (!compatible(typeOf(r.table, f.name), typeOf(target.table, targetColumn))) {
          warn(`but the column types differ (${typeOf(r.table, f.name)?.sql} and ${typeOf(target.table, targetColumn)?.sql})`);
          continue;
        }
      } else {
        target = inferredTarget(r, f, byTable);
        if (!target) continue;
        targetColumn = target.primaryKey;
        if (!isKey(target, targetColumn) || !compatible(typeOf(r.table, f.name), typeOf(target.table, targetColumn))) continue;
      }
      keys.push({ table: r.table, column: f.name, target: target.table, targetColumn, name: `${r.table}_${f.name}_fkey` });
    }
  }
  return { keys, skipped };
}

/** Creation order: a table after the tables it references; ties by name; a cycle is broken at the first name. */
function order(tables: string[], keys: Omit<ForeignKey, 'inline'>[]): string[] {
  const deps = new Map(tables.map((t) => [t, new Set(keys.filter((k) => k.table === t && k.target !== t).map((k) => k.target))]));
  const done: string[] = [];
  const left = new Set(tables);
  while (left.size > 0) {
    const sorted = [...left].sort();
    const next = sorted.find((t) => [...deps.get(t)!].every((d) => !left.has(d))) ?? sorted[0]!;
    done.push(next);
    left.delete(next);
  }
  return done;
}

export function planKeys(resources: Resource[], typeOf: TypeOf, diagnostics: Diagnostic[]): KeyPlan {
  const { keys, skipped } = resolve(resources, typeOf, diagnostics);
  const tables = order(resources.map((r) => r.table), keys);
  const position = new Map(tables.map((t, k) => [t, k]));
  const primary = new Map(resources.map((r) => [r.table, r.primaryKey]));
  const planned = keys.map((k) => ({
    ...k,
    inline: k.targetColumn === primary.get(k.target) && (k.target === k.table || position.get(k.target)! < position.get(k.table)!),
  }));
  return { keys: planned, order: tables, skipped };
}
