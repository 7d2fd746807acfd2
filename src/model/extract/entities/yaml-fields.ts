/** Fields from YAML data-model blocks: `fields: { name: { type, nullable, default } }`, or flat `name: type` maps. */
import { lazyYaml, withoutStacks } from '../../../markdown/yaml-lazy.js';
import { ENTITY_NAME } from '../../field-type.js';
import type { Field } from '../../schema.js';
import { makeField, requiredMarker } from './field.js';

export interface YamlEntity {
  /** Entity name when the block names it (`User: { ... }`), else null. */
  name: string | null;
  fields: Field[];
  /** The YAML could not be parsed. */
  error: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const FIELD_KEYS = ['fields', 'properties', 'columns', 'attributes', 'schema'];

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function usesNullable(fields: [string, unknown][]): boolean {
  return fields.some(([, v]) => isObj(v) && ('nullable' in v || 'null' in v));
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** 0-based line of a field's key (`name:` or `- name: name`) at the fields' indentation, from `from`. */
function keyLine(lines: string[], name: string, from: number, indent: number | null): number | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^\\s*(?:-\\s*)?(?:["']?${esc}["']?\\s*:|name\\s*:\\s*["']?${esc}["']?\\s*$)`);
  for (let i = from; i < lines.length; i++) if (re.test(lines[i]!) && (indent === null || indentOf(lines[i]!) === indent)) return i;
  return undefined;
}

function specField(name: string, spec: unknown, strictNull: boolean, line: number | undefined): Field {
  if (!isObj(spec)) {
    const raw = text(spec) ?? '';
    return makeField(name, raw, { required: requiredMarker(raw) ?? false, line });
  }
  let raw = text(spec['type']) ?? text(spec['format']) ?? '';
  if (raw === 'string' && typeof spec['format'] === 'string') raw = `string (${spec['format']})`;
  if ((raw === 'array' || raw === 'list') && spec['items'] !== undefined) {
    const items = spec['items'];
    raw = `${isObj(items) ? (text(items['type']) ?? 'json') : (text(items) ?? 'json')}[]`;
  }
  const nullable = spec['nullable'] ?? spec['null'];
  let required: boolean;
  if (typeof spec['required'] === 'boolean') required = spec['required'];
  else if (typeof nullable === 'boolean') required = !nullable;
  else required = strictNull || spec['primary_key'] === true || spec['pk'] === true;
  const generated = spec['auto_increment'] === true || spec['generated'] === true || spec['auto'] === true;
  return makeField(name, raw, {
    required: generated ? false : required,
    generated,
    default: text(spec['default']),
    description: text(spec['description'] ?? spec['desc'] ?? spec['comment']),
    line,
  });
}

function fieldsOf(container: unknown, lines: string[]): Field[] {
  let pairs: [string, unknown][] = [];
  if (isObj(container)) pairs = Object.entries(container);
  else if (Array.isArray(container))
    for (const it of container) if (isObj(it) && typeof it['name'] === 'string') pairs.push([it['name'], it]);
  const strict = usesNullable(pairs);
  let from = 0;
  let indent: number | null = null;
  return pairs.map(([k, v]) => {
    const line = keyLine(lines, k, from, indent);
    if (line !== undefined) {
      from = line + 1;
      indent ??= indentOf(lines[line]!);
    }
    return specField(k, v, strict, line);
  });
}

/** Read one YAML block as an entity. Never throws. */
export function yamlEntity(code: string): YamlEntity {
  let data: unknown;
  try {
    const doc = withoutStacks(() => lazyYaml().parseDocument(code, { prettyErrors: false }));
    if (doc.errors.length) return { name: null, fields: [], error: doc.errors[0]!.message.split('\n')[0]! };
    data = doc.toJS();
  } catch (e) {
    return { name: null, fields: [], error: String(e) };
  }
  if (!isObj(data)) return { name: null, fields: [], error: null };
  const lines = code.split('\n');
  for (const k of FIELD_KEYS) if (k in data) return { name: null, fields: fieldsOf(data[k], lines), error: null };
  const keys = Object.keys(data);
  if (keys.length === 1 && ENTITY_NAME.test(keys[0]!) && isObj(data[keys[0]!])) {
    const inner = data[keys[0]!] as Obj;
    for (const k of FIELD_KEYS) if (k in inner) return { name: keys[0]!, fields: fieldsOf(inner[k], lines), error: null };
    return { name: keys[0]!, fields: fieldsOf(inner, lines), error: null };
  }
  return { name: null, fields: fieldsOf(data, lines), error: null };
}
