/** Body schemas of requests and responses: named schemas resolved to components, media types with examples. */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Endpoint, Example } from '../../model/schema.js';
import { checkExample, inferSchema, parseExample } from './examples.js';
import type { Schemas, Variant } from './schemas.js';
import type { JsonObject } from './types.js';

const LIST = /^(?:PaginatedResponse|Paginated|Page|Paged|Collection)\s*[[<(]\s*(.+?)\s*[\]>)]$/i;
const ARRAY = /^(?:List|Array|Sequence)\s*[[<(]\s*(.+?)\s*[\]>)]$|^(.+?)\[\]$/;
export const NO_BODY = /^(?:no content|no body|empty(?: body)?|none|null|void|-)$/i;

/**
 * The schema a design names (`Bookmark`, `Bookmark[]`, `PaginatedResponse[Bookmark]`, `CreateBookmarkRequest`),
 * or null when it names no resource. In a request a bare resource name means its writable fields
 * (`request` gives the variant by method).
 */
export function namedSchema(name: string, schemas: Schemas, request: Variant | null): JsonObject | null {
  const n = name.trim().replace(/^`|`$/g, '');
  const page = LIST.exec(n);
  if (page) {
    const r = schemas.resource(page[1]!);
    return r ? schemas.ref(r, 'Page') : null;
  }
  const array = ARRAY.exec(n);
  if (array) {
    const inner = namedSchema(array[1] ?? array[2]!, schemas, request);
    return inner ? { type: 'array', items: inner } : null;
  }
  if (!/^[A-Za-z_]\w*$/.test(n)) return null;
  const core = n.replace(PREFIX, '').replace(SUFFIX, '');
  const r = schemas.resource(n) ?? (core ? schemas.resource(core) : undefined);
  if (!r) return null;
  const variant = VARIANTS.find(([, re]) => re.test(n))?.[0];
  if (variant) return schemas.ref(r, variant);
  return request ? schemas.ref(r, request) : schemas.ref(r);
}

const PREFIX = /^(?:Create|New|Replace|Update|Patch)(?=[A-Z])/;
/** Suffixes that name the resource itself or one of its variants (not `Summary`, `Preview`: those are other shapes). */
const SUFFIX = /(?:Create|Replace|Update|Patch|Page|List|Request|Response|Input|Output|Body|Payload|Dto|DTO|Schema|Out|Read|Model|Detail|Details)+$/;
const VARIANTS: [Variant, RegExp][] = [
  ['Page', /[a-z0-9](?:Page|List)(?:Response)?$/],
  ['Create', /^(?:Create|New)[A-Z]|[a-z0-9]Create(?:Request|Input|Body|Dto|Payload)?$/],
  ['Replace', /^Replace[A-Z]|[a-z0-9]Replace(?:Request|Input|Body|Dto|Payload)?$/],
  ['Update', /^(?:Update|Patch)[A-Z]|[a-z0-9](?:Update|Patch)(?:Request|Input|Body|Dto|Payload)?$/],
];

/** The request variant a method writes: POST creates, PUT replaces, PATCH updates. */
export function methodVariant(method: Endpoint['method']): Variant | null {
  return method === 'POST' ? 'Create' : method === 'PUT' ? 'Replace' : method === 'PATCH' ? 'Update' : null;
}

/** A media type object: the schema and, when it parses as JSON and conforms, the document's example. */
export function mediaType(schema: JsonObject, example: Example | null, schemas: Schemas, what: string, path: string, diagnostics: Diagnostic[]): JsonObject {
  const value = parseExample(example);
  if (value === undefined || !example) return { schema };
  const problem = checkExample(value, schema, (n) => schemas.resolve(n));
  if (problem) {
    diagnostics.push(diagnostic('compile-example', 'warning', `${what}: the example does not match its schema (${problem}); it is left out of openapi.json`, path, example.line));
    return { schema };
  }
  return { schema, examples: { design: { summary: `From ${path} line ${example.line}`, value } } };
}

/** The schema of a body described only by its example, or null when the example is not JSON. */
export function exampleSchema(example: Example | null): JsonObject | null {
  const value = parseExample(example);
  return value === undefined ? null : inferSchema(value);
}
