/** Handlers of the CRUD operations: validate, run one statement as the caller, answer JSON text. */
import type { CrudOperation } from '../../compile/crud.js';
import type { Endpoint } from '../../model/schema.js';
import { checkBody, type WriteMode } from '../body.js';
import { deleteSql, insertSql, listSql, selectSql, updateSql } from '../crud-sql.js';
import { mapDbError } from '../db-errors.js';
import { ProblemError, type FieldError } from '../problems.js';
import type { ResourcePlan } from '../resource-plan.js';
import type { Store, UserContext } from '../store/types.js';
import { fromQueryText } from '../validate.js';

export interface HandlerInput {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  user: UserContext;
}

/** Status and JSON text (null: no body). */
export interface HandlerOutput {
  status: number;
  body: string | null;
}

export type Handler = (input: HandlerInput) => Promise<HandlerOutput>;

export const MAX_LIMIT = 100;
/** The largest page or limit a query may give (a larger limit is then served as MAX_LIMIT). */
const MAX_PAGE_NUMBER = 999_999_999;

function intDefault(e: Endpoint, name: string, fallback: number): number {
  const d = e.query.find((p) => p.name === name)?.default;
  const n = d !== null && d !== undefined && /^\d+$/.test(d.trim()) ? Number(d) : NaN;
  return n >= 1 ? Math.min(n, name === 'limit' ? MAX_LIMIT : n) : fallback;
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function positiveInt(name: string, raw: string | undefined, fallback: number, errors: FieldError[]): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) {
    errors.push({ field: name, message: `must be a whole number from 1 to ${MAX_PAGE_NUMBER}` });
    return fallback;
  }
  return Number(raw);
}

export function crudHandler(operation: CrudOperation, plan: ResourcePlan, endpoint: Endpoint, idParam: string | null, store: Store): Handler {
  const name = plan.resource.name;
  const notFound = () => new ProblemError(404, `${name} not found`);
  const run = async (user: UserContext, sql: string, params: unknown[], item: boolean) => {
    try {
      return await store.asUser<{ j: string }>(user, sql, params);
    } catch (e) {
      throw mapDbError(e, plan, item);
    }
  };
  const idOf = (input: HandlerInput): string => {
    const id = input.params[idParam ?? 'id'] ?? '';
    if (plan.pk.type === 'uuid' ? !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) : /^(?:smallint|integer|bigint)$/.test(plan.pk.type) ? !/^-?\d{1,18}$/.test(id) : id === '') throw notFound();
    return id;
  };
  const body = (input: HandlerInput, mode: WriteMode) => {
    const checked = checkBody(plan, input.body, mode);
    if (checked.errors.length > 0) throw new ProblemError(400, checked.errors.length === 1 ? `${checked.errors[0]!.field}: ${checked.errors[0]!.message}` : `${checked.errors.length} fields are invalid`, checked.errors);
    return checked.values;
  };
  const filters = endpoint.query.filter((p) => p.name !== 'page' && p.name !== 'limit' && plan.columns.has(p.name)).map((p) => p.name);
  const defaultPage = intDefault(endpoint, 'page', 1);
  const defaultLimit = intDefault(endpoint, 'limit', 20);

  switch (operation) {
    case 'create':
      return async (input) => {
        const values = body(input, 'create');
        const rows = await run(input.user, insertSql(plan, Object.keys(values)), [JSON.stringify(values), input.user.userId], false);
        return { status: 201, body: rows[0]!.j };
      };
    case 'get':
      return async (input) => {
        const rows = await run(input.user, selectSql(plan), [idOf(input)], true);
        if (rows.length === 0) throw notFound();
        return { status: 200, body: rows[0]!.j };
      };
    case 'replace':
    case 'update':
      return async (input) => {
        const id = idOf(input);
        const values = body(input, operation === 'replace' ? 'replace' : 'update');
        const fields = Object.keys(values);
        const reset = operation === 'replace' ? [...plan.writable.keys()].filter((f) => !Object.hasOwn(values, f)) : [];
        const sql = updateSql(plan, fields, reset);
        const rows = sql === null ? await run(input.user, selectSql(plan), [id], true) : await run(input.user, sql, [JSON.stringify(values), id], true);
        if (rows.length === 0) throw notFound();
        return { status: 200, body: rows[0]!.j };
      };
    case 'delete':
      return async (input) => {
        const rows = await run(input.user, deleteSql(plan), [idOf(input)], true);
        if (rows.length === 0) throw notFound();
        return { status: 204, body: null };
      };
    case 'list':
      return async (input) => {
        const errors: FieldError[] = [];
        const page = positiveInt('page', one(input.query['page']), defaultPage, errors);
        const limit = Math.min(MAX_LIMIT, positiveInt('limit', one(input.query['limit']), defaultLimit, errors));
        const used: string[] = [];
        const values: Record<string, unknown> = {};
        for (const f of filters) {
          const raw = one(input.query[f]);
          if (raw === undefined) continue;
          const type = plan.columns.get(f)!.type;
          const r = fromQueryText(type, raw);
          if ('error' in r) errors.push({ field: f, message: r.error });
          else {
            used.push(f);
            values[f] = type.endsWith('[]') ? [r.value] : r.value;
          }
        }
        if (errors.length > 0) throw new ProblemError(400, errors.length === 1 ? `${errors[0]!.field}: ${errors[0]!.message}` : `${errors.length} query parameters are invalid`, errors);
        const params: unknown[] = [limit, (page - 1) * limit];
        if (used.length > 0) params.push(JSON.stringify(values));
        const rows = await store.asUser<{ items: string; total: string }>(input.user, listSql(plan, used), params).catch((e: unknown) => {
          throw mapDbError(e, plan, false);
        });
        const { items, total } = rows[0]!;
        return { status: 200, body: `{"items":${items},"page":${page},"limit":${limit},"total":${total}}` };
      };
  }
}
