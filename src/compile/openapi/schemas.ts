/**
 * `components.schemas`: one schema per resource, the derived request and page schemas the operations
 * use (`XCreate`, `XReplace`, `XUpdate`, `XPage`) and the RFC 9457 problem schema. Derived schemas are
 * written only when an operation refers to them, so the document has no unused components.
 */
import { singular } from '../names.js';
import { createFields, type Resource, type ResourceField } from '../resources.js';
import { jsonDefault, nullable, schemaRef, typeSchema, type JsonObject } from './types.js';

export type Variant = 'Create' | 'Replace' | 'Update' | 'Page';

export interface Schemas {
  /** The resource a name (`Bookmark`, `bookmarks`, `notification_preferences`) refers to, or undefined. */
  resource(name: string): Resource | undefined;
  /** A `$ref` to a resource schema or one of its variants (marking the variant as used). */
  ref(r: Resource, variant?: Variant): JsonObject;
  /** A `$ref` to the problem schema (marking it as used). */
  problem(): JsonObject;
  /** A component schema by name (for checking examples), or null. */
  resolve(name: string): JsonObject | null;
  /** `components.schemas`, sorted by name. */
  components(): JsonObject;
}

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

type RefFor = (name: string) => JsonObject | null;

function fieldSchema(f: ResourceField, refFor: RefFor): JsonObject {
  const base = typeSchema(f.type, refFor);
  return f.nullable ? nullable(base) : base;
}

function describe(schema: JsonObject, description: string | null): JsonObject {
  return description ? { ...schema, description } : schema;
}

/** The resource as the API returns it: every field present (nullable ones as null); generated ones read-only. */
export function resourceSchema(r: Resource, refFor: RefFor): JsonObject {
  const properties: JsonObject = {};
  for (const f of r.fields) {
    const s = describe(fieldSchema(f, refFor), f.description);
    properties[f.name] = f.generated ? { ...s, readOnly: true } : s;
  }
  const where = r.table_ ? `table \`${r.table}\`` : `entity \`${r.name}\``;
  return {
    type: 'object',
    description: `${r.name} (${where} of ${r.feature}, ${r.source.path} line ${r.source.line})`,
    required: r.fields.map((f) => f.name),
    properties,
  };
}

/**
 * A request body: the client-written fields. Create and Replace require the create-required fields; Update (PATCH) none.
 * `refFor` gives nested resources (their Create schema: nested items are written whole).
 */
export function writeSchema(r: Resource, variant: 'Create' | 'Replace' | 'Update', refFor: RefFor): JsonObject {
  const fields = createFields(r);
  const properties: JsonObject = {};
  for (const f of fields) {
    let s = describe(fieldSchema(f, refFor), f.description);
    const d = variant === 'Update' ? undefined : jsonDefault(f.sqlDefault, f.type) ?? jsonDefault(f.default, f.type);
    if (d !== undefined) s = { ...s, default: d };
    properties[f.name] = s;
  }
  const required = variant === 'Update' ? [] : fields.filter((f) => f.required).map((f) => f.name);
  const what = { Create: 'create', Replace: 'replace', Update: 'change' }[variant];
  const note = { Create: '', Replace: ' (PUT)', Update: ' (PATCH): all optional, fields left out keep their value' }[variant];
  return {
    type: 'object',
    description: `The fields a client sends to ${what} a ${r.name}${note}`,
    ...(required.length > 0 ? { required } : {}),
    properties,
    additionalProperties: false,
  };
}

export function pageSchema(r: Resource): JsonObject {
  return {
    type: 'object',
    description: `One page of ${r.name} items`,
    required: ['items', 'page', 'limit', 'total'],
    properties: {
      items: { type: 'array', items: schemaRef(r.name) },
      page: { type: 'integer', minimum: 1, description: 'Page number, from 1' },
      limit: { type: 'integer', minimum: 1, description: 'Page size' },
      total: { type: 'integer', minimum: 0, description: 'Number of items on all pages' },
    },
  };
}

/** RFC 9457 problem details, with `errors` listing the invalid fields of a validation problem. */
export const PROBLEM_SCHEMA: JsonObject = {
  type: 'object',
  description: 'Problem details (RFC 9457), sent as application/problem+json with every 4xx and 5xx response',
  properties: {
    type: { type: 'string', description: 'A URI reference that identifies the problem type', default: 'about:blank' },
    title: { type: 'string', description: 'Short, human-readable summary of the problem type' },
    status: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status code' },
    detail: { type: 'string', description: 'Explanation specific to this occurrence' },
    instance: { type: 'string', description: 'A URI reference that identifies this occurrence' },
    errors: {
      type: 'array',
      description: 'Validation problems, one per invalid field',
      items: {
        type: 'object',
        required: ['detail'],
        properties: {
          pointer: { type: 'string', description: 'JSON Pointer to the invalid member of the request body' },
          detail: { type: 'string', description: 'What is wrong with it' },
        },
      },
    },
  },
};

export function createSchemas(resources: readonly Resource[]): Schemas {
  const byFold = new Map<string, Resource>();
  for (const r of resources) {
    if (!byFold.has(fold(r.name))) byFold.set(fold(r.name), r);
    if (!byFold.has(fold(r.table))) byFold.set(fold(r.table), r);
  }
  const byName = new Map<string, Resource>();
  for (const r of resources) if (!byName.has(r.name)) byName.set(r.name, r);
  const used = new Map<string, { r: Resource; variant: Variant }>();
  const problemName = byName.has('Problem') ? 'ProblemDetails' : 'Problem';
  let problemUsed = false;
  const readRef: RefFor = (n) => (byName.has(n) ? schemaRef(n) : null);
  const writeRef: RefFor = (n) => {
    const nested = byName.get(n);
    return nested ? schemas.ref(nested, 'Create') : null;
  };
  const build = (r: Resource, variant: Variant | null): JsonObject =>
    variant === null ? resourceSchema(r, readRef) : variant === 'Page' ? pageSchema(r) : writeSchema(r, variant, writeRef);
  const schemas: Schemas = {
    resource: (name) => byFold.get(fold(name)) ?? byFold.get(fold(singular(name))),
    ref(r, variant) {
      if (!variant) return schemaRef(r.name);
      used.set(`${r.name}${variant}`, { r, variant });
      return schemaRef(`${r.name}${variant}`);
    },
    problem() {
      problemUsed = true;
      return schemaRef(problemName);
    },
    resolve(name) {
      if (name === problemName) return PROBLEM_SCHEMA;
      const r = byName.get(name);
      if (r) return build(r, null);
      const v = used.get(name);
      return v ? build(v.r, v.variant) : null;
    },
    components() {
      const all = new Map<string, JsonObject>();
      for (const r of byName.values()) all.set(r.name, build(r, null));
      for (const [name, { r, variant }] of used) if (!all.has(name)) all.set(name, build(r, variant));
      if (problemUsed) all.set(problemName, PROBLEM_SCHEMA);
      const out: JsonObject = {};
      for (const name of [...all.keys()].sort()) out[name] = all.get(name)!;
      return out;
    },
  };
  return schemas;
}
