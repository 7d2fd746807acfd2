/** Merge what the readers found into one Table per name: definitions first, then what is said elsewhere. */
import { diagnostic } from '../../../diagnostic.js';
import type { Column, Table } from '../../schema.js';
import { source, type DocContext } from '../context.js';
import type { TableDraft, TableFacts, TableIndex, TablePolicy } from './facts.js';
import { tableKey, tableName } from './names.js';

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function addColumn(t: TableDraft, c: Column): void {
  const ex = t.columns.find((x) => sameName(x.name, c.name));
  if (!ex) {
    t.columns.push({ ...c });
    return;
  }
  if (ex.type === '') ex.type = c.type;
  ex.primaryKey ||= c.primaryKey;
  ex.nullable ??= c.nullable;
  ex.default ??= c.default;
  ex.references ??= c.references;
  ex.description ??= c.description;
}

function addIndex(t: TableDraft, i: TableIndex): void {
  if (!t.indexes.some((x) => sameName(x.name, i.name))) t.indexes.push(i);
}

function addPolicy(t: TableDraft, p: TablePolicy): void {
  if (!t.policies.some((x) => x.operation === p.operation && x.rule === p.rule)) t.policies.push(p);
}

export function mergeTables(ctx: DocContext, facts: TableFacts): Table[] {
  const byKey = new Map<string, TableDraft>();
  const ensure = (name: string, line: number): TableDraft => {
    const k = tableKey(name);
    let t = byKey.get(k);
    if (!t) {
      t = { name: tableName(name), columns: [], indexes: [], policies: [], line };
      byKey.set(k, t);
    }
    return t;
  };
  for (const d of [...facts.tables].sort((a, b) => a.line - b.line)) {
    const t = ensure(d.name, d.line);
    for (const c of d.columns) addColumn(t, c);
    for (const i of d.indexes) addIndex(t, i);
    for (const p of d.policies) addPolicy(t, p);
  }
  for (const a of facts.columns) addColumn(ensure(a.table, a.line), a.item);
  for (const a of facts.indexes) addIndex(ensure(a.table, a.line), a.item);
  for (const a of facts.policies) addPolicy(ensure(a.table, a.line), a.item);
  for (const a of facts.primaryKeys) {
    for (const c of byKey.get(tableKey(a.table))?.columns ?? []) {
      if (a.item.some((k) => sameName(k, c.name))) {
        c.primaryKey = true;
        c.nullable = false;
      }
    }
  }
  for (const a of facts.references) {
    const col = byKey.get(tableKey(a.table))?.columns.find((c) => sameName(c.name, a.item.column));
    if (col) col.references ??= a.item.references;
    else {
      ctx.diagnostics.push(diagnostic('table-relationship', 'warning',
        `relationship ${a.item.text}: no column "${a.item.column}" in a table "${tableName(a.table)}" defined in this document`, ctx.path, a.line));
    }
  }
  return [...byKey.values()]
    .sort((a, b) => a.line - b.line)
    .map((t) => ({ name: t.name, columns: t.columns, indexes: t.indexes, policies: t.policies, source: source(ctx, t.line) }));
}
