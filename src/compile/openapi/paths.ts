/**
 * `paths`: every endpoint of every feature as one operation, grouped by path (sorted), tagged with its
 * feature. The first definition of a method and path wins; paths that differ only in parameter names
 * take the first spelling (OpenAPI treats them as one path).
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Endpoint, Feature } from '../../model/schema.js';
import { crudRoute, operationId, type CrudRoute } from '../crud.js';
import type { Resource } from '../resources.js';
import { pathParameters, queryParameters } from './parameters.js';
import { requestBody } from './request.js';
import { responses } from './responses.js';
import type { Schemas } from './schemas.js';
import type { Json, JsonObject } from './types.js';
import { isTemplateLeftover } from '../../lint/model-utils.js';

export const BEARER = 'bearerAuth';
const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** Security per auth: required = bearer; optional = anonymous or bearer; none = public; unspecified = not stated. */
export function security(auth: Endpoint['auth']): Json[] | undefined {
  switch (auth) {
    case 'required': return [{ [BEARER]: [] }];
    case 'optional': return [{}, { [BEARER]: [] }];
    case 'none': return [];
    default: return undefined;
  }
}

const AUTH_NOTES: Record<Endpoint['auth'], string> = {
  required: 'Requires a bearer token.',
  optional: 'A bearer token is optional.',
  none: 'Public: no authentication.',
  unspecified: 'The design does not say whether authentication is required.',
};

export function normalizePath(path: string): string {
  const p = `/${path.trim()}`.replace(/\/{2,}/g, '/');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function crudSentence(route: CrudRoute): string {
  const { name, table } = route.resource;
  const many = table.replace(/_/g, ' ');
  return { create: `Create a ${name}`, list: `List ${many}`, get: `Get a ${name}`, replace: `Replace a ${name}`, update: `Update a ${name}`, delete: `Delete a ${name}` }[route.operation];
}

function firstSentence(text: string): string {
  const s = text.split(/(?<=[.!?])\s|;\s/)[0]!.trim().replace(/[.:]$/, '');
  return s.length <= 100 ? s : `${s.slice(0, 100).replace(/\s+\S*$/, '')}...`;
}

export interface PathsResult {
  paths: JsonObject;
  /** Ids of the features that have operations, in workspace order. */
  tagged: Feature[];
  /** Whether some operation uses the bearer scheme. */
  bearer: boolean;
}

/** One operation: `e.path` is the canonical spelling of its path. */
function operation(e: Endpoint, feature: Feature, route: CrudRoute | null, id: string, schemas: Schemas, diagnostics: Diagnostic[]): JsonObject {
  const sec = security(e.auth);
  const parameters = [...pathParameters(e.path, route, schemas), ...queryParameters(e, route)];
  const body = requestBody(e, route, schemas, diagnostics);
  const lead = e.summary ?? (route ? `${crudSentence(route)}.` : `${e.method} ${e.path}`);
  return {
    tags: [feature.id],
    summary: firstSentence(lead),
    description: `${/[.!?]$/.test(lead) ? lead : `${lead}.`}\n\n${AUTH_NOTES[e.auth]} Defined in \`${e.source.path}\` line ${e.source.line}.`,
    operationId: id,
    ...(sec ? { security: sec } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(e, route, schemas, diagnostics),
    'x-featspec-source': { path: e.source.path, line: e.source.line },
  };
}

export function buildPaths(features: readonly Feature[], resources: readonly Resource[], schemas: Schemas, diagnostics: Diagnostic[]): PathsResult {
  const canonical = new Map<string, string>();
  const seen = new Map<string, Endpoint>();
  const ids = new Set<string>();
  const items = new Map<string, Map<string, JsonObject>>();
  const tagged: Feature[] = [];
  let bearer = false;
  for (const feature of features) {
    let any = false;
    for (const e of feature.endpoints) {
      // Brackets cannot stand in a URL path: `/api/v1/[resources]` is a template left unfilled.
      if (isTemplateLeftover(e.path)) {
        diagnostics.push(diagnostic('compile-placeholder', 'warning', `${e.method} ${e.path} is not compiled: its path holds a template placeholder`, e.source.path, e.source.line));
        continue;
      }
      const written = normalizePath(e.path);
      const shape = written.replace(/\{[^}]*\}/g, '{}');
      const path = canonical.get(shape) ?? written;
      canonical.set(shape, path);
      const key = `${e.method} ${shape}`;
      const first = seen.get(key);
      if (first) {
        diagnostics.push(diagnostic('compile-duplicate', 'warning', `${e.method} ${e.path} is also defined at ${first.source.path}:${first.source.line}; the first one is compiled`, e.source.path, e.source.line));
        continue;
      }
      seen.set(key, e);
      const endpoint = { ...e, path };
      const route = crudRoute(endpoint, resources);
      let id = operationId(endpoint, route);
      for (let n = 2; ids.has(id); n++) id = `${operationId(endpoint, route)}${n}`;
      ids.add(id);
      if (e.auth === 'required' || e.auth === 'optional') bearer = true;
      const op = operation(endpoint, feature, route, id, schemas, diagnostics);
      if (!items.has(path)) items.set(path, new Map());
      items.get(path)!.set(e.method.toLowerCase(), op);
      any = true;
    }
    if (any) tagged.push(feature);
  }
  const paths: JsonObject = {};
  for (const path of [...items.keys()].sort()) {
    const ops = items.get(path)!;
    const item: JsonObject = {};
    for (const m of METHOD_ORDER) if (ops.has(m)) item[m] = ops.get(m)!;
    paths[path] = item;
  }
  return { paths, tagged, bearer };
}
