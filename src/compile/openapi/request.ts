/** The request body of an operation. */
import type { Diagnostic } from '../../diagnostic.js';
import type { Endpoint } from '../../model/schema.js';
import type { CrudRoute } from '../crud.js';
import { exampleSchema, mediaType, methodVariant, namedSchema } from './media.js';
import type { Schemas, Variant } from './schemas.js';
import type { JsonObject } from './types.js';

type WriteVariant = Exclude<Variant, 'Page'>;
const CRUD_VARIANT: Partial<Record<CrudRoute['operation'], WriteVariant>> = { create: 'Create', replace: 'Replace', update: 'Update' };

/**
 * POST, PUT and PATCH carry a body when they are CRUD writes or the design gives a request schema or
 * example. Schema: the resource's Create/Replace/Update schema for CRUD routes, else the schema the
 * design names when it resolves, else one derived from the example, else a generic object.
 */
export function requestBody(e: Endpoint, route: CrudRoute | null, schemas: Schemas, diagnostics: Diagnostic[]): JsonObject | null {
  const variant = methodVariant(e.method);
  if (!variant) return null;
  const crud = route ? CRUD_VARIANT[route.operation] : undefined;
  if (!crud && e.request === null && e.requestExample === null) return null;
  const named = e.request ? namedSchema(e.request, schemas, variant) : null;
  const schema = (route && crud ? schemas.ref(route.resource, crud) : null) ?? named ?? exampleSchema(e.requestExample) ?? { type: 'object' };
  const media = mediaType(schema, e.requestExample, schemas, `${e.method} ${e.path} request`, e.source.path, diagnostics);
  const description = route && crud ? `The ${route.resource.name} fields to ${{ Create: 'create', Replace: 'replace', Update: 'change' }[crud]}` : e.request ? `A ${e.request}` : 'The request body';
  return { description, required: true, content: { 'application/json': media } };
}
