/**
 * The SQL of the CRUD operations on one resource. Values travel as one JSON parameter read through
 * `json_populate_record(NULL::<table>, $1::json)`, so PostgreSQL converts them to the column types
 * (arrays, jsonb, timestamps) the same way on PGlite and PostgreSQL; rows come back as JSON text.
 * Statements never filter by owner: the row-level security policies do.
 */
import { sqlIdent } from '../compile/names.js';
import type { ResourcePlan } from './resource-plan.js';

const q = sqlIdent;
const row = 'row_to_json(t)::text AS j';

function cached(plan: ResourcePlan, key: string, build: () => string): string {
  const cache = SQL_CACHE.get(plan) ?? new Map<string, string>();
  SQL_CACHE.set(plan, cache);
  let s = cache.get(key);
  if (s === undefined) {
    s = build();
    if (cache.size < 1000) cache.set(key, s);
  }
  return s;
}
const SQL_CACHE = new WeakMap<ResourcePlan, Map<string, string>>();

const pkIs = (plan: ResourcePlan, n: number) => `t.${q(plan.pk.name)} = $${n}::${plan.pk.type}`;

/** INSERT of `fields` ($1 = JSON values, $2 = owner id). */
export function insertSql(plan: ResourcePlan, fields: string[]): string {
  return cached(plan, `i:${fields.join(',')}`, () => {
    const t = q(plan.table);
    const cols = [q(plan.owner.name), ...[...plan.insertFill.keys()].map(q), ...fields.map(q)];
    const vals = [`$2::${plan.owner.type}`, ...plan.insertFill.values(), ...fields.map((f) => `r.${q(f)}`)];
    return `INSERT INTO ${t} AS t (${cols.join(', ')}) SELECT ${vals.join(', ')} FROM json_populate_record(NULL::${t}, $1::json) r RETURNING ${row}`;
  });
}

/**
 * UPDATE of `fields` ($1 = JSON values, $2 = id); `reset` columns go back to their default (PUT).
 * Null when there is nothing to set (an empty PATCH on a resource without an update stamp).
 */
export function updateSql(plan: ResourcePlan, fields: string[], reset: string[]): string | null {
  if (fields.length + reset.length === 0 && !plan.updatedAt) return null;
  return cached(plan, `u:${fields.join(',')}|${reset.join(',')}`, () => {
    const t = q(plan.table);
    const sets = [...fields.map((f) => `${q(f)} = r.${q(f)}`), ...reset.map((f) => `${q(f)} = DEFAULT`)];
    if (plan.updatedAt) sets.push(`${q(plan.updatedAt)} = now()`);
    return `UPDATE ${t} AS t SET ${sets.join(', ')} FROM json_populate_record(NULL::${t}, $1::json) r WHERE ${pkIs(plan, 2)} RETURNING ${row}`;
  });
}

/** One row by id ($1). */
export function selectSql(plan: ResourcePlan): string {
  return cached(plan, 's', () => `SELECT ${row} FROM ${q(plan.table)} AS t WHERE ${pkIs(plan, 1)}`);
}

/** Delete by id ($1). */
export function deleteSql(plan: ResourcePlan): string {
  return cached(plan, 'd', () => `DELETE FROM ${q(plan.table)} AS t WHERE ${pkIs(plan, 1)} RETURNING 1 AS j`);
}

/**
 * One page and the total ($1 = limit, $2 = offset, $3 = JSON filter values when there are filters):
 * one row `{ items: '[...]' (JSON text), total: '42' }`. Array columns filter by containment, others by equality.
 */
export function listSql(plan: ResourcePlan, filters: string[]): string {
  return cached(plan, `l:${filters.join(',')}`, () => {
    const t = q(plan.table);
    const where = filters.length === 0 ? '' : ` WHERE ${filters.map((f) => (plan.columns.get(f)!.type.endsWith('[]') ? `t.${q(f)} @> f.${q(f)}` : `t.${q(f)} = f.${q(f)}`)).join(' AND ')}`;
    const from = `${t} AS t${filters.length === 0 ? '' : `, json_populate_record(NULL::${t}, $3::json) f`}`;
    const order = plan.order.map((c) => `t.${q(c)}`).join(', ');
    const pOrder = plan.order.map((c) => `p.${q(c)}`).join(', ');
    const page = `SELECT t.* FROM ${from}${where} ORDER BY ${order} LIMIT $1::int OFFSET $2::bigint`;
    return `SELECT '[' || COALESCE((SELECT string_agg(row_to_json(p)::text, ',' ORDER BY ${pOrder}) FROM (${page}) p), '') || ']' AS items, (SELECT count(*) FROM ${from}${where})::text AS total`;
  });
}
