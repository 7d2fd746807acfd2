/** A column of a CREATE TABLE (or ALTER TABLE ... ADD COLUMN) parse tree, with its type and default as written. */
import type { ColumnDef, Constraint, Node, RangeVar, TypeName } from 'libpg-query';
import type { SqlToken } from '../../../sql/parser.js';
import { firstFrom, runEnd, sliceText, tokenAt, type Tokens } from '../../../sql/tokens.js';
import type { Column } from '../../schema.js';
import { column } from './facts.js';
import { tableName } from './names.js';

export const str = (n: Node | undefined): string => (n && 'String' in n ? n.String.sval ?? '' : '');

export function constraintsOf(nodes: Node[] | undefined): Constraint[] {
  return (nodes ?? []).flatMap((n) => ('Constraint' in n ? [n.Constraint] : []));
}

/** `public.users` -> `users`; other schemas are kept (`auth.users`). */
export function relName(r: RangeVar | undefined): string {
  if (!r?.relname) return '';
  return tableName(r.schemaname ? `${r.schemaname}.${r.relname}` : r.relname);
}

/** `t.c` for a foreign key to `t(c)`, or `t` when the column is not named. */
export function fkTarget(c: Constraint, i = 0): string {
  const table = relName(c.pktable);
  const col = str(c.pk_attrs?.[i]);
  return col ? `${table}.${col}` : table;
}

function typeFromTree(t: TypeName | undefined): string {
  const names = (t?.names ?? []).map(str).filter((n) => n !== 'pg_catalog');
  return names.join('.') + ((t?.arrayBounds?.length ?? 0) > 0 ? '[]' : '');
}

function typeText(t: TypeName | undefined, tk: Tokens | null, limit: number): string {
  if (!tk || t?.location === undefined) return typeFromTree(t);
  const i = tokenAt(tk, t.location);
  const text = sliceText(tk, i, runEnd(tk, i, limit, (x) => x.keyword === 'COLLATE'));
  return text === '' ? typeFromTree(t) : text.replace(/\s+(?=[([])/g, '').toLowerCase();
}

/** The default expression as written: the tokens after DEFAULT up to the next constraint or the column's end. */
function defaultText(c: Constraint, tk: Tokens | null, limit: number): string | null {
  if (!tk || c.location === undefined) return null;
  let i = tokenAt(tk, c.location);
  // A named constraint starts at CONSTRAINT name: the expression follows the DEFAULT keyword.
  while (i < tk.list.length && tk.list[i]!.keyword !== 'DEFAULT' && tk.list[i]!.start < limit) i++;
  i++;
  const text = sliceText(tk, i, runEnd(tk, i, limit));
  return text === '' ? null : text;
}

/**
 * The first `-- comment` after `from` on the same line and before the token `next`. The comments are in
 * text order and both conditions fail for every comment after the first that fails them, so the search
 * starts at `from` and stops there.
 */
function lineComment(tk: Tokens, from: number, next: SqlToken | undefined): SqlToken | undefined {
  for (let i = firstFrom(tk.comments, from); i < tk.comments.length; i++) {
    const x = tk.comments[i]!;
    if ((next && x.start >= next.start) || tk.sql.slice(from, x.start).includes('\n')) return undefined;
    if (x.name === 'SQL_COMMENT') return x;
  }
  return undefined;
}

/** The description a column gets from a `-- comment` at the end of its line. */
function trailingComment(tk: Tokens | null, from: number): string | null {
  if (!tk) return null;
  const j = runEnd(tk, tokenAt(tk, from));
  const last = tk.list[j - 1];
  if (!last) return null;
  const next = tk.list[j]?.text === ',' ? tk.list[j + 1] : tk.list[j];
  const c = lineComment(tk, last.end, next);
  const text = c ? c.text.replace(/^--\s*/, '').trim() : '';
  return text === '' ? null : text;
}

export interface ColumnRead {
  column: Column;
  /** UNIQUE constraint on the column: the index name when one is given. */
  unique: { name: string | null } | null;
}

export function readColumnDef(def: ColumnDef, tk: Tokens | null): ColumnRead {
  const cons = constraintsOf(def.constraints);
  const locs = cons.map((c) => c.location ?? Infinity);
  const typeLimit = Math.min(Infinity, ...locs);
  const col = column(def.colname ?? '', typeText(def.typeName, tk, typeLimit));
  let unique: ColumnRead['unique'] = null;
  cons.forEach((c, k) => {
    const limit = locs[k + 1] ?? Infinity;
    switch (c.contype) {
      case 'CONSTR_PRIMARY': col.primaryKey = true; break;
      case 'CONSTR_NOTNULL': col.nullable = false; break;
      case 'CONSTR_DEFAULT': col.default = defaultText(c, tk, limit); break;
      case 'CONSTR_FOREIGN': col.references = fkTarget(c); break;
      case 'CONSTR_UNIQUE': unique = { name: c.conname ?? null }; break;
      default: break;
    }
  });
  if (def.is_not_null) col.nullable = false;
  if (col.primaryKey) col.nullable = false;
  col.description = def.location === undefined ? null : trailingComment(tk, def.location);
  return { column: col, unique };
}
