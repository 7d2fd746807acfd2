/**
 * The responses of an operation: the documented statuses with descriptions; 4xx and 5xx as
 * application/problem+json; 2xx CRUD bodies as the resource (list: its page, delete: no content).
 * When the design documents no success response, the one the route implies is added.
 */
import type { Diagnostic } from '../../diagnostic.js';
import { reasonPhrase } from '../../http-status.js';
import type { Endpoint } from '../../model/schema.js';
import type { CrudRoute } from '../crud.js';
import { exampleSchema, mediaType, NO_BODY, namedSchema } from './media.js';
import type { Schemas } from './schemas.js';
import type { JsonObject } from './types.js';

export const reason = (status: number) => reasonPhrase(status) ?? `Status ${status}`;

/** The status a CRUD route answers with on success. */
export function crudStatus(route: CrudRoute | null): number {
  return route?.operation === 'create' ? 201 : route?.operation === 'delete' ? 204 : 200;
}

function crudBody(route: CrudRoute | null, schemas: Schemas): JsonObject | null {
  if (!route || route.operation === 'delete') return null;
  return route.operation === 'list' ? schemas.ref(route.resource, 'Page') : schemas.ref(route.resource);
}

type Documented = Endpoint['responses'][number];

/** Names that say "success" rather than naming a body shape. */
const GENERIC = /^(?:ok|success|successresponse|created|accepted|done)$/i;

function response(e: Endpoint, r: Documented, route: CrudRoute | null, schemas: Schemas, diagnostics: Diagnostic[]): JsonObject {
  const written = r.schema?.trim().replace(/^`|`$/g, '') || null;
  const name = written && !GENERIC.test(written) ? written : null;
  const description = r.description ?? (name && !NO_BODY.test(name) ? `${reason(r.status)} (${name})` : reason(r.status));
  const what = `${e.method} ${e.path} response ${r.status}`;
  if (r.status < 200 || r.status === 204 || r.status === 205 || (r.status >= 300 && r.status < 400) || e.method === 'HEAD') return { description };
  if (r.status >= 400) return { description, content: { 'application/problem+json': mediaType(schemas.problem(), r.example, schemas, what, e.source.path, diagnostics) } };
  if (name && NO_BODY.test(name) && !r.example) return { description };
  const schema = crudBody(route, schemas)
    ?? (name ? namedSchema(name, schemas, null) : null)
    ?? exampleSchema(r.example)
    ?? (name && !NO_BODY.test(name) ? { type: 'object', description: `${name} (not defined in the documents)` } : {});
  return { description, content: { 'application/json': mediaType(schema, r.example, schemas, what, e.source.path, diagnostics) } };
}

export function responses(e: Endpoint, route: CrudRoute | null, schemas: Schemas, diagnostics: Diagnostic[]): JsonObject {
  const documented = e.responses.filter((r, i) => r.status >= 100 && r.status <= 599 && e.responses.findIndex((x) => x.status === r.status) === i);
  const list: Documented[] = [...documented];
  if (!documented.some((r) => r.status >= 200 && r.status < 400)) {
    const status = crudStatus(route);
    const description = route ? reason(status) : `${reason(status)} (the design documents no success response)`;
    list.push({ status, schema: route ? null : 'no content', description, example: null });
  }
  list.sort((a, b) => a.status - b.status);
  const out: JsonObject = {};
  for (const r of list) out[String(r.status)] = response(e, r, route, schemas, diagnostics);
  return out;
}
