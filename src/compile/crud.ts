/** Which endpoints are CRUD on a resource: the contract `serve` implements and OpenAPI describes. */
import type { Endpoint } from '../model/schema.js';
import { pathResource } from '../lint/model-utils.js';
import { snakeCase } from './names.js';
import type { Resource } from './resources.js';

export type CrudOperation = 'create' | 'list' | 'get' | 'replace' | 'update' | 'delete';

export interface CrudRoute {
  operation: CrudOperation;
  resource: Resource;
  /** Name of the path parameter holding the id (`id` in `/widgets/{id}`), or null for collection routes. */
  idParam: string | null;
}

/** Map an endpoint to a CRUD operation on one of the resources, or null (not CRUD: an action, a search ...). */
export function crudRoute(e: Endpoint, resources: readonly Resource[]): CrudRoute | null {
  const segments = e.path.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (!last) return null;
  const item = /^\{([^}]+)\}$/.exec(last);
  const collection = item ? segments[segments.length - 2] : last;
  if (!collection || /^\{/.test(collection)) return null;
  const name = pathResource(`/${collection}`);
  if (!name) return null;
  const resource = resources.find((r) => r.name.toLowerCase() === name.toLowerCase() || r.table === snakeCase(collection));
  if (!resource) return null;
  // `{id}`, `{bookmarkId}`, `{share_id}`, `{uuid}` name an item; `{slug}` or `{code}` are lookups by another key.
  if (item && !/(?:^|_)id$|Id$|^uuid$|^pk$/.test(item[1]!) && item[1] !== resource.primaryKey) return null;
  if (item) {
    const idParam = item[1]!;
    switch (e.method) {
      case 'GET': return { operation: 'get', resource, idParam };
      case 'PUT': return { operation: 'replace', resource, idParam };
      case 'PATCH': return { operation: 'update', resource, idParam };
      case 'DELETE': return { operation: 'delete', resource, idParam };
      default: return null;
    }
  }
  if (e.method === 'GET') return { operation: 'list', resource, idParam: null };
  if (e.method === 'POST') return { operation: 'create', resource, idParam: null };
  return null;
}

/** Stable operationId: `createBookmark`, `listBookmarks`, or from method and path for non-CRUD endpoints. */
export function operationId(e: Endpoint, route: CrudRoute | null): string {
  if (route) {
    const n = route.resource.name;
    const plural = route.resource.table.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    return { create: `create${n}`, list: `list${plural}`, get: `get${n}`, replace: `replace${n}`, update: `update${n}`, delete: `delete${n}` }[route.operation];
  }
  const words = e.path.split('/').filter((s) => s && !/^v\d+$/.test(s) && s !== 'api').map((s) => s.replace(/^\{(.+)\}$/, 'by-$1'));
  const camel = words.join('-').split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return `${e.method.toLowerCase()}${camel}`;
}
