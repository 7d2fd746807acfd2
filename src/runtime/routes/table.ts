/**
 * The route table: every documented endpoint as a route. CRUD endpoints on a resource get handlers;
 * the others answer 501 naming the design file and line. Auth `unspecified` is treated as required.
 */
import { crudRoute, type CrudOperation } from '../../compile/crud.js';
import type { CompileModel } from '../../compile/model.js';
import { normalizePath } from '../../compile/openapi/paths.js';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Endpoint, Source } from '../../model/schema.js';
import type { TableColumns } from '../columns.js';
import { routeLimit, type RateLimit } from '../limits.js';
import { ProblemError } from '../problems.js';
import { resourcePlan, type ResourcePlan } from '../resource-plan.js';
import { Router } from '../router.js';
import type { Store } from '../store/types.js';
import { crudHandler, type Handler } from './crud.js';

export type RouteAuth = 'required' | 'optional' | 'none';

export interface RuntimeRoute {
  method: string;
  /** As documented, normalized: `/api/v1/bookmarks/{id}` (also the metrics label). */
  path: string;
  auth: RouteAuth;
  feature: string;
  source: Source;
  /** CRUD operation, or null (the route answers 501). */
  operation: CrudOperation | null;
  limit: RateLimit;
  /** Bucket id of the limit: routes sharing a feature limit share the bucket. */
  limitKey: string;
  handle: Handler;
}

export interface RouteTable {
  routes: RuntimeRoute[];
  router: Router<RuntimeRoute>;
  diagnostics: Diagnostic[];
}

export const authOf = (e: Endpoint): RouteAuth => (e.auth === 'none' ? 'none' : e.auth === 'optional' ? 'optional' : 'required');

function notImplemented(e: Endpoint, why: string): Handler {
  const detail = `${e.method} ${e.path} is documented at ${e.source.path}:${e.source.line} but ${why}`;
  return async () => {
    throw new ProblemError(501, detail);
  };
}

export interface TableInput {
  model: CompileModel;
  columns: TableColumns;
  /** Rate limits per feature id (see limits.ts). */
  limits: ReadonlyMap<string, RateLimit[]>;
  defaultLimit: RateLimit;
  store: Store;
}

export function buildRouteTable(input: TableInput): RouteTable {
  const diagnostics: Diagnostic[] = [];
  const routes: RuntimeRoute[] = [];
  const seen = new Map<string, Endpoint>();
  const plans = new Map<string, ResourcePlan | null>();
  const planOf = (table: string) => {
    if (!plans.has(table)) {
      const r = input.model.resources.find((x) => x.table === table)!;
      plans.set(table, resourcePlan(r, input.columns.get(table)));
    }
    return plans.get(table)!;
  };
  for (const feature of input.model.workspace.features) {
    const limits = input.limits.get(feature.id) ?? [];
    for (const e of feature.endpoints) {
      const path = normalizePath(e.path);
      const key = `${e.method} ${path.replace(/\{[^}]*\}|:\w+/g, '{}')}`;
      const first = seen.get(key);
      if (first) {
        diagnostics.push(diagnostic('serve-duplicate', 'warning', `${e.method} ${e.path} is also defined at ${first.source.path}:${first.source.line}; the first one is served`, e.source.path, e.source.line));
        continue;
      }
      seen.set(key, e);
      const crud = crudRoute(e, input.model.resources);
      const plan = crud ? planOf(crud.resource.table) : null;
      let handle: Handler;
      if (!crud) handle = notImplemented(e, 'it is not create, list, get, replace, update or delete of a documented resource, so featspec serve does not implement it');
      else if (!plan) handle = notImplemented(e, `table ${crud.resource.table} has no ${crud.resource.primaryKey} or ${crud.resource.owner} column in the database`);
      else handle = crudHandler(crud.operation, plan, e, crud.idParam, input.store);
      const limit = routeLimit(limits, e.method, input.defaultLimit);
      routes.push({
        method: e.method, path, auth: authOf(e), feature: feature.id, source: e.source, operation: crud && plan ? crud.operation : null, limit,
        limitKey: limit.origin, handle,
      });
    }
  }
  return { routes, router: new Router(routes.map((r) => ({ method: r.method, path: r.path, value: r }))), diagnostics };
}
