/** Fields from a JSON-ish object: values are type names (`"uuid"`) or example values (`"abc"`, `12`). */
import { ENTITY_NAME, normalizeType, PRIMITIVE_TYPES } from '../../field-type.js';
import type { Field } from '../../schema.js';
import { defaultIn, makeField, requiredMarker } from './field.js';
import type { LooseEntry, LooseValue } from './loose-json.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function shortRaw(raw: string): string {
  const t = raw.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

/** A string that names a type (`uuid`, `string (required)`, `User`, `string[]`) rather than an example value. */
function namesType(s: string): boolean {
  const t = normalizeType(s);
  if ((PRIMITIVE_TYPES as readonly string[]).includes(t)) return true;
  if (t.endsWith('[]')) return true;
  return ENTITY_NAME.test(t) && t === s.trim();
}

function exampleType(s: string): string {
  if (UUID.test(s)) return 'uuid';
  if (DATETIME.test(s)) return 'datetime';
  if (DATE.test(s)) return 'date';
  return 'string';
}

interface Typed {
  rawType: string;
  type: string;
  marker: string | null;
}

/** The type of a value: as a type name when it reads as one, else inferred from the example. */
export function valueType(v: LooseValue): Typed {
  switch (v.kind) {
    case 'string':
      if (namesType(v.value)) return { rawType: v.value, type: normalizeType(v.value), marker: v.value };
      return { rawType: v.raw, type: exampleType(v.value), marker: null };
    case 'number':
      return { rawType: v.raw, type: /^-?\d+$/.test(v.raw) ? 'integer' : 'number', marker: null };
    case 'literal':
      return { rawType: v.raw, type: v.raw === 'null' ? 'null' : 'boolean', marker: null };
    case 'bare':
      return { rawType: v.raw, type: normalizeType(v.raw), marker: v.raw };
    case 'object':
      return { rawType: shortRaw(v.raw), type: 'json', marker: null };
    case 'array': {
      const first = v.items[0];
      const elem = first ? valueType(first).type : 'json';
      const known = (PRIMITIVE_TYPES as readonly string[]).includes(elem) || ENTITY_NAME.test(elem);
      return { rawType: shortRaw(v.raw), type: `${known ? elem : 'json'}[]`, marker: null };
    }
  }
}

function description(comment: string | null): string | null {
  if (!comment) return null;
  const t = comment.replace(/^(?:required|optional)\s*[:,.\-–—]?\s*/i, '').trim();
  return t || null;
}

function entryField(e: LooseEntry): Field {
  const t = valueType(e.value);
  const required = requiredMarker(e.comment) ?? requiredMarker(t.marker) ?? false;
  const field = makeField(e.key, t.rawType, {
    required: e.optional ? false : required,
    default: defaultIn(e.comment),
    description: description(e.comment),
    line: e.line,
  });
  return { ...field, type: t.type };
}

/** A JSON Schema property (`{ "type": "string", "format": "uuid" }`). */
function schemaProperty(name: string, v: LooseValue, required: Set<string>, line?: number): Field {
  const get = (k: string) => (v.kind === 'object' ? v.entries.find((e) => e.key === k)?.value : undefined);
  const str = (x: LooseValue | undefined) => (x && (x.kind === 'string' || x.kind === 'bare') ? (x.kind === 'string' ? x.value : x.raw) : null);
  const ref = str(get('$ref'));
  const type = str(get('type'));
  const format = str(get('format'));
  let raw = ref ? ref.split('/').pop()! : type === 'string' && format ? `string (${format})` : (type ?? format ?? 'json');
  if (str(get('type')) === 'array') {
    const items = get('items');
    const inner = items ? schemaProperty(name, items, new Set()).rawType : 'json';
    raw = `${inner}[]`;
  }
  const def = get('default');
  return makeField(name, raw, {
    required: required.has(name),
    default: def ? (def.kind === 'string' ? def.value : def.raw) : null,
    description: str(get('description')),
    line,
  });
}

/** Fields of an object: its entries, or its `properties` when it is a JSON Schema. Field lines are code-relative. */
export function jsonFields(obj: LooseValue & { kind: 'object' }): Field[] {
  const props = obj.entries.find((e) => e.key === 'properties' && e.value.kind === 'object');
  if (props && props.value.kind === 'object') {
    const req = obj.entries.find((e) => e.key === 'required')?.value;
    const required = new Set<string>();
    if (req?.kind === 'array') for (const it of req.items) if (it.kind === 'string') required.add(it.value);
    return props.value.entries.map((e) => schemaProperty(e.key, e.value, required, e.line));
  }
  return obj.entries.map(entryField);
}
