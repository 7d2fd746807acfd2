/** Path parameters (typed from the resource the segment names) and query parameters (types and defaults). */
import type { Endpoint } from '../../model/schema.js';
import { normalizeType } from '../../model/field-type.js';
import type { CrudRoute } from '../crud.js';
import type { Resource } from '../resources.js';
import type { Schemas } from './schemas.js';
import { jsonDefault, typeSchema, type JsonObject } from './types.js';
import { checkExample } from './examples.js';

const ID_LIKE = /^(?:id|uuid|key)$|(?:_id|Id|ID)$/;
const noRefs = () => null;

function primitive(type: string): JsonObject {
  const s = typeSchema(type, noRefs);
  return typeof s.type === 'string' && s.type !== 'array' && s.type !== 'object' ? s : { type: 'string' };
}

/** The resource a path parameter belongs to: the CRUD route's item, the collection before it, or the `x_id` prefix. */
function paramResource(name: string, previous: string | null, route: CrudRoute | null, last: boolean, schemas: Schemas): Resource | undefined {
  if (route && last && name === route.idParam) return route.resource;
  const before = previous ? schemas.resource(previous) : undefined;
  if (before) return before;
  const prefix = /^(.+?)_?(?:id|Id|ID)$/.exec(name)?.[1];
  return prefix ? schemas.resource(prefix) : undefined;
}

/** A field of that name types the parameter (`{slug}`); an id-like name takes the primary key's type. */
function pathParameter(name: string, r: Resource | undefined): JsonObject {
  const field = r?.fields.find((f) => f.name === name);
  const pk = r?.fields.find((f) => f.primaryKey);
  if (r && field) return { name, in: 'path', required: true, description: field.primaryKey ? `Id of the ${r.name}` : `The ${r.name}'s \`${name}\``, schema: primitive(field.type) };
  if (r && pk && ID_LIKE.test(name)) return { name, in: 'path', required: true, description: `Id of the ${r.name}`, schema: primitive(pk.type) };
  return { name, in: 'path', required: true, description: `Path parameter \`${name}\``, schema: { type: 'string' } };
}

export function pathParameters(path: string, route: CrudRoute | null, schemas: Schemas): JsonObject[] {
  const segments = path.split('/').filter(Boolean);
  const out: JsonObject[] = [];
  const seen = new Set<string>();
  segments.forEach((segment, i) => {
    for (const m of segment.matchAll(/\{([^}]+)\}/g)) {
      const name = m[1]!;
      if (seen.has(name)) continue;
      seen.add(name);
      const previous = i > 0 && !segments[i - 1]!.includes('{') ? segments[i - 1]! : null;
      out.push(pathParameter(name, paramResource(name, previous, route, i === segments.length - 1 && segment === `{${name}}`, schemas)));
    }
  });
  return out;
}

const DESCRIPTIONS: Record<string, string> = { page: 'Page number, from 1', limit: 'Page size' };

function queryParameter(name: string, type: string, raw: string | null): JsonObject {
  let schema = typeSchema(type, noRefs);
  if (!('type' in schema)) schema = { type: 'string' };
  if (schema.type === 'object') schema = { type: 'string' };
  if (/^(?:page|limit)$/.test(name) && schema.type === 'integer') schema = { ...schema, minimum: 1 };
  const d = jsonDefault(raw, type);
  if (d !== undefined && checkExample(d, schema, () => null) === null) schema = { ...schema, default: d };
  return { name, in: 'query', required: false, description: DESCRIPTIONS[name] ?? `Query parameter \`${name}\``, schema };
}

/** The documented query parameters; a CRUD list documenting no paging gets `page` and `limit` (defaults 1 and 20). */
export function queryParameters(e: Endpoint, route: CrudRoute | null): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<string>();
  for (const q of e.query) {
    if (seen.has(q.name) || !/^[\w.[\]-]+$/.test(q.name)) continue;
    seen.add(q.name);
    out.push(queryParameter(q.name, q.type ? normalizeType(q.type) : 'string', q.default));
  }
  if (route?.operation === 'list' && !seen.has('page') && !seen.has('limit')) {
    out.push(queryParameter('page', 'integer', '1'), queryParameter('limit', 'integer', '20'));
  }
  return out;
}
