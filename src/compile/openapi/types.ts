/** JSON values and JSON Schema (2020-12, as OpenAPI 3.1 uses it) for the model's normalized field types. */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** The component name a `$ref` points at, or null. */
export function refName(schema: JsonObject): string | null {
  const ref = schema.$ref;
  return typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : null;
}

const PRIMITIVES: Record<string, JsonObject> = {
  uuid: { type: 'string', format: 'uuid' },
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  datetime: { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
  // jsonb holds any JSON value (objects, arrays, scalars): no constraint.
  json: {},
};

/**
 * JSON Schema of a normalized type: primitives, `X[]` lists, a resource name as the `$ref` that
 * `refFor` gives (null: not a resource); other entity names are objects, unrecognized raw text is unconstrained.
 */
export function typeSchema(type: string, refFor: (name: string) => JsonObject | null): JsonObject {
  if (type.endsWith('[]')) return { type: 'array', items: typeSchema(type.slice(0, -2), refFor) };
  const primitive = PRIMITIVES[type];
  if (primitive) return { ...primitive };
  const ref = refFor(type);
  if (ref) return ref;
  if (/^[A-Z][A-Za-z0-9_]*$/.test(type)) return { type: 'object' };
  return {};
}

/** Allow `null` besides the schema: `type: [t, 'null']`, or `anyOf` for a `$ref`. */
export function nullable(schema: JsonObject): JsonObject {
  if (refName(schema)) return { anyOf: [schema, { type: 'null' }] };
  const t = schema.type;
  if (typeof t === 'string') return { ...schema, type: [t, 'null'] };
  return schema;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/** Whether a string satisfies a format (unknown formats always do). */
export function matchesFormat(value: string, format: string): boolean {
  if (format === 'uuid') return UUID.test(value);
  if (format === 'date') return DATE.test(value);
  if (format === 'date-time') return DATE_TIME.test(value);
  return true;
}

/** The format a string value looks like (for example-derived schemas), or null. */
export function formatOf(value: string): string | null {
  if (UUID.test(value)) return 'uuid';
  if (DATE_TIME.test(value)) return 'date-time';
  if (DATE.test(value)) return 'date';
  return null;
}

/**
 * A default as a JSON value of the given normalized type: SQL literals (`'private'`, `'{}'`, `0`),
 * design text (`unread`, `"x"`, `[]`, `true`); null for expressions (`now()`) and anything that does not fit.
 */
export function jsonDefault(raw: string | null, type: string): Json | undefined {
  if (raw === null) return undefined;
  let v = raw.trim().replace(/^`|`$/g, '');
  if (v === '' || v === '-' || /^null$/i.test(v) || /\(.*\)/.test(v.replace(/^'.*'(?:::.*)?$/, ''))) return undefined;
  const cast = /^('(?:[^']|'')*')::[\w\s[\]]+$/.exec(v);
  if (cast) v = cast[1]!;
  const quoted = /^'((?:[^']|'')*)'$/.exec(v) ?? /^"([^"]*)"$/.exec(v);
  const text = quoted ? quoted[1]!.replace(/''/g, "'") : v;
  if (type.endsWith('[]')) return text === '{}' || text === '[]' ? [] : undefined;
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'number':
      return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
    case 'boolean':
      return /^(?:true|false)$/i.test(text) ? text.toLowerCase() === 'true' : undefined;
    case 'json':
      return text === '{}' ? {} : text === '[]' ? [] : undefined;
    case 'string':
      return quoted || /^[\w.@:/+-]+$/.test(text) ? text : undefined;
    case 'uuid':
    case 'date':
    case 'datetime':
      return matchesFormat(text, type === 'datetime' ? 'date-time' : type) ? text : undefined;
    default:
      return undefined;
  }
}
