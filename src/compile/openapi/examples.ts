/**
 * The documents' JSON examples: parsed when they are JSON (pseudo-JSON is skipped), checked against
 * the schema they illustrate (a validator for the subset of JSON Schema the generator writes), and
 * used to derive a schema when the design names none.
 */
import type { Example } from '../../model/schema.js';
import { formatOf, matchesFormat, refName, type Json, type JsonObject } from './types.js';

const REQUEST_LINE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+[^\n]*\n/;

const COMMENT_LINE = /^\s*\/\/.*$/gm;

/** The example's JSON value, or undefined when it is not JSON (a leading `POST /path` line and `//` comment lines are dropped). */
export function parseExample(example: Example | null): Json | undefined {
  if (!example) return undefined;
  const code = example.code.replace(COMMENT_LINE, '').trim().replace(REQUEST_LINE, '').trim();
  if (!/^[[{]/.test(code)) return undefined;
  try {
    return JSON.parse(code) as Json;
  } catch {
    return undefined;
  }
}

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A schema every value of this shape satisfies: types and formats, no required keys. */
export function inferSchema(value: Json): JsonObject {
  if (value === null) return {};
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  if (typeof value === 'string') {
    const format = formatOf(value);
    return format ? { type: 'string', format } : { type: 'string' };
  }
  if (Array.isArray(value)) {
    const items = value.map(inferSchema);
    const first = JSON.stringify(items[0] ?? {});
    return { type: 'array', items: items.every((s) => JSON.stringify(s) === first) ? (items[0] ?? {}) : {} };
  }
  const properties: JsonObject = {};
  for (const key of Object.keys(value)) properties[key] = inferSchema(value[key]!);
  return { type: 'object', properties };
}

function typeOk(value: Json, type: string): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'boolean': return typeof value === 'boolean';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'string': return typeof value === 'string';
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    default: return true;
  }
}

const at = (path: string) => path || '/';

/**
 * The first way `value` breaks `schema`, or null when it conforms. `resolve` returns a component
 * schema by name. Covers what the generator writes: $ref, anyOf, type, format, minimum, properties,
 * required, additionalProperties, items.
 */
export function checkExample(value: Json, schema: JsonObject, resolve: (name: string) => JsonObject | null, path = ''): string | null {
  const ref = refName(schema);
  if (ref) {
    const target = resolve(ref);
    return target ? checkExample(value, target, resolve, path) : null;
  }
  const anyOf = schema.anyOf;
  if (Array.isArray(anyOf)) {
    const problems = anyOf.filter(isObject).map((s) => checkExample(value, s, resolve, path));
    if (!problems.includes(null)) return problems[0] ?? null;
  }
  const type = schema.type;
  const types = Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
  if (types.length > 0 && !types.some((t) => typeOk(value, t))) return `${at(path)}: expected ${types.join(' or ')}, found ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`;
  if (typeof value === 'string' && typeof schema.format === 'string' && !matchesFormat(value, schema.format)) return `${at(path)}: "${value}" is not a ${schema.format}`;
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) return `${at(path)}: ${value} is below the minimum ${schema.minimum}`;
  if (Array.isArray(value) && isObject(schema.items ?? null)) {
    for (let i = 0; i < value.length; i++) {
      const problem = checkExample(value[i]!, schema.items as JsonObject, resolve, `${path}/${i}`);
      if (problem) return problem;
    }
  }
  if (isObject(value)) {
    const properties = isObject(schema.properties ?? null) ? (schema.properties as JsonObject) : {};
    for (const key of Array.isArray(schema.required) ? schema.required : []) {
      if (typeof key === 'string' && !(key in value)) return `${at(path)}: missing required property ${key}`;
    }
    for (const key of Object.keys(value)) {
      const sub = properties[key];
      if (sub !== undefined && isObject(sub)) {
        const problem = checkExample(value[key]!, sub, resolve, `${path}/${key}`);
        if (problem) return problem;
      } else if (schema.additionalProperties === false) {
        return `${at(path)}: property ${key} is not allowed`;
      }
    }
  }
  return null;
}
