import { withoutStacks } from '../../markdown/yaml-lazy.js';
import type { Endpoint, Entity, Example, Field } from '../../model/schema.js';
import { entityIndex, fold, isTemplateLeftover, pathResource, schemaEntityNames, singular } from '../model-utils.js';
import { defineRule, type Report } from '../types.js';
import { sharedEntityIndex } from './workspace-index.js';

const OWNER = /^(?:owner|created_?by|author)(?:_?id)?$/i;
/** Fields the server sets on create: the key and the record's timestamps, by name or by description. */
const SERVER_SET = /^(?:id|uuid|_id|pk|(?:created|updated|modified|deleted|inserted)_?(?:at|on|date|time)?)$/i;
const SERVER_SET_NOTE = /primary key|\bpk\b|auto[- ]?(?:generated|increment)|server[- ]?(?:set|generated)|read[- ]?only|system[- ]?(?:set|generated)/i;
/** Decimal types that APIs often carry as strings (`"9.99"`), to keep their precision. */
const DECIMAL = /decimal|numeric|money|bigint|big ?decimal/i;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a JSON value can hold a value of this field; undefined when its type says nothing checkable. */
function fits(value: Json, { type, rawType }: Field): boolean | undefined {
  if (value === null) return true; // nullability is not written consistently enough to judge
  if (type.endsWith('[]')) return Array.isArray(value);
  if (typeof value === 'string' && DECIMAL.test(rawType) && /^-?\d+(?:\.\d+)?$/.test(value)) return true;
  switch (type) {
    case 'uuid':
    case 'string':
    case 'datetime':
    case 'date':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return true;
    default:
      return /^[A-Z]/.test(type) ? isObject(value) || typeof value === 'string' : undefined;
  }
}

/**
 * The values of an enumerated type, written `enum(a, b)` or as a union of quoted literals (`'a' | 'b'`);
 * null for any other type.
 */
function enumValues(rawType: string): string[] | null {
  const raw = rawType.trim();
  const call = /^enum\s*\((.*)\)$/i.exec(raw);
  const parts = call ? call[1]!.split(',') : raw.includes('|') ? raw.split('|') : null;
  if (!parts) return null;
  const quoted = /^\s*(['"`])(.*)\1\s*$/;
  if (!call && !parts.every((p) => quoted.test(p))) return null;
  const values = parts.map((p) => p.trim().replace(quoted, '$2'));
  return values.every((v) => v !== '') ? values : null;
}

const enumCache = new Map<string, string[] | null>();

const jsonKind = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

const exampleLines = new WeakMap<Example, { code: string; lines: string[] }>();

function lineOfKey(example: Example, key: string): number {
  let hit = exampleLines.get(example);
  if (!hit || hit.code !== example.code) exampleLines.set(example, (hit = { code: example.code, lines: example.code.split('\n') }));
  const lines = hit.lines;
  const i = lines.findIndex((l) => l.includes(`"${key}"`));
  return example.line + Math.max(0, i);
}

/** The example as JSON, or undefined when it is not JSON (examples often hold comments or `...`: no stack trace is captured for those). */
function parse(code: string): Json | undefined {
  try {
    return withoutStacks(() => JSON.parse(code) as Json);
  } catch {
    return undefined;
  }
}

/**
 * The body inside an envelope keyed by the entity's name, singular or plural (`{ "success": true, "note":
 * { ... } }`, `{ "notes": [ ... ], "count": 1 }`): the key's value is an object or a list of objects, and no
 * key of the envelope is a field of the entity. Undefined when the object is no such envelope.
 */
function entityEnvelope(obj: { [k: string]: Json }, name: string, hasField: (folded: string) => boolean): Json | undefined {
  const keys = Object.keys(obj);
  if (keys.some((k) => hasField(fold(k)))) return undefined;
  const key = keys.find((k) => fold(singular(k)) === fold(name));
  if (key === undefined) return undefined;
  const v = obj[key]!;
  return isObject(v) || (Array.isArray(v) && v.length > 0 && v.every(isObject)) ? v : undefined;
}

const fieldMaps = new WeakMap<Entity, Map<string, Field>>();

/** An entity's fields by folded name (the first of a name wins), kept per entity. */
function fieldsOf(entity: Entity): Map<string, Field> {
  let m = fieldMaps.get(entity);
  if (!m) fieldMaps.set(entity, (m = new Map(entity.fields.map((f) => [fold(f.name), f]))));
  return m;
}

function checkObject(obj: { [k: string]: Json }, entity: Entity, example: Example, path: string, create: boolean, what: string, report: (r: Report) => void) {
  const fields = fieldsOf(entity);
  for (const [key, value] of Object.entries(obj)) {
    const field = fields.get(fold(key));
    const line = lineOfKey(example, key);
    if (!field) {
      report({ path, line, message: `${what} example has "${key}", which is not a field of ${entity.name} (${entity.source.path}:${entity.source.line})` });
      continue;
    }
    if (fits(value, field) === false) {
      report({ path, line, message: `${what} example gives "${key}" ${jsonKind(value)}, but ${entity.name}.${field.name} is ${field.type}` });
      continue;
    }
    if (typeof value !== 'string') continue;
    let values = enumCache.get(field.rawType);
    if (values === undefined) enumCache.set(field.rawType, (values = enumValues(field.rawType)));
    if (values && !values.some((v) => v.toLowerCase() === value.toLowerCase())) {
      report({ path, line, message: `${what} example gives "${key}" "${value}", which is not one of ${entity.name}.${field.name}'s values (${values.join(', ')})` });
    }
  }
  if (!create) return;
  const present = new Set(Object.keys(obj).map(fold));
  // The owner comes from the caller's token, never from the body.
  const missing = entity.fields.filter((f) => f.required && !f.generated && f.default === null && !OWNER.test(f.name) && !present.has(fold(f.name))
    && !SERVER_SET.test(f.name) && !SERVER_SET_NOTE.test(f.description ?? ''));
  if (missing.length) {
    report({ path, line: example.line, message: `${what} example lacks required field${missing.length > 1 ? 's' : ''} ${missing.map((f) => `"${f.name}"`).join(', ')} of ${entity.name}` });
  }
}

function findEntity(e: Endpoint, schema: string | null, entities: ReturnType<typeof entityIndex>): Entity | null {
  if (schema && /^[A-Za-z_]\w*(?:\[.*\])?$/.test(schema.trim())) {
    // Every name is looked up, in order; the most specific one found wins.
    const hit = schemaEntityNames(schema).map((name) => entities.get(fold(name))).findLast((h) => h !== undefined);
    if (hit) return hit.entity;
  }
  const resource = pathResource(e.path);
  return resource ? (entities.get(fold(resource))?.entity ?? null) : null;
}

export default defineRule({
  id: 'example-matches-model',
  description: 'JSON request and response examples match the entity they carry: known fields, compatible types, and required fields on create',
  defaultSeverity: 'error',
  scope: 'feature',
  uses: ['endpoints', 'entities', 'tables'],
  examples: [
    {
      fail: '# Gadgets - Implementation Plan\n\n## Data Models\n\n### Gadget\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | uuid | auto | gen_random_uuid() | Primary key |\n| name | string | yes | - | Display name |\n| weight | integer | no | - | Grams |\n\n## API Contracts\n\n#### `POST /api/gadgets`\n**Authentication**: Required\n\n**Request**:\n```json\n{ "weight": "heavy", "colour": "red" }\n```\n',
      pass: '# Gadgets - Implementation Plan\n\n## Data Models\n\n### Gadget\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | uuid | auto | gen_random_uuid() | Primary key |\n| name | string | yes | - | Display name |\n| weight | integer | no | - | Grams |\n\n## API Contracts\n\n#### `POST /api/gadgets`\n**Authentication**: Required\n\n**Request**:\n```json\n{ "name": "Lamp", "weight": 1200 }\n```\n',
    },
  ],
  check({ feature, workspace, report }) {
    const entities = sharedEntityIndex(workspace);
    for (const e of feature.endpoints) {
      if (isTemplateLeftover(e.path)) continue;
      const path = e.source.path;
      const create = e.method === 'POST' && !/\{[^}]+\}\/?$/.test(e.path);
      if (e.requestExample) {
        const entity = findEntity(e, e.request, entities);
        const value = entity ? parse(e.requestExample.code) : undefined;
        if (entity && value !== undefined && isObject(value)) checkObject(value, entity, e.requestExample, path, create, `${e.method} ${e.path} request`, report);
      }
      for (const r of e.responses) {
        if (!r.example || r.status >= 300) continue;
        const entity = findEntity(e, r.schema, entities);
        if (!entity) continue;
        let value = parse(r.example.code);
        if (value === undefined) continue;
        const hasField = (name: string) => fieldsOf(entity).has(name);
        if (isObject(value) && 'data' in value && !hasField('data')) value = value['data']!;
        else if (isObject(value)) value = entityEnvelope(value, entity.name, hasField) ?? value;
        let items: Json[] = [value];
        if (Array.isArray(value)) items = value;
        else if (isObject(value) && Array.isArray(value['items']) && !hasField('items')) items = value['items'];
        for (const item of items.slice(0, 3)) {
          if (isObject(item)) checkObject(item, entity, r.example, path, false, `${e.method} ${e.path} ${r.status} response`, report);
        }
      }
    }
  },
});
