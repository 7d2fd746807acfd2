/** A resource field as a TypeScript type and as a zod v4 schema. */
import type { ResourceField } from '../resources.js';

/** Read: the resource as the API returns it; write: a request body (nested resources are written whole, as their Create shape). */
export type Shape = 'read' | 'write';

/** Resource name -> TypeScript base name (see typeNames). */
export type NameOf = (resource: string) => string | undefined;

const TS: Record<string, string> = {
  uuid: 'string', string: 'string', datetime: 'string', date: 'string', integer: 'number', number: 'number', boolean: 'boolean', json: 'Json',
};

const ZOD: Record<string, string> = {
  uuid: 'z.uuid()',
  string: 'z.string()',
  // RFC 3339 as in OpenAPI's date-time: any offset, not only Z.
  datetime: 'z.iso.datetime({ offset: true })',
  date: 'z.iso.date()',
  integer: 'z.int()',
  number: 'z.number()',
  boolean: 'z.boolean()',
  json: 'z.json()',
};

/** An entity name that is no resource (an embedded object the design does not define). */
const OTHER_ENTITY = /^[A-Z][A-Za-z0-9_]*$/;

const variant = (shape: Shape) => (shape === 'read' ? '' : 'Create');

/** TypeScript type of a normalized model type: primitives, `X[]`, resources by name, other entities as records, the rest unknown. */
export function tsType(type: string, shape: Shape, nameOf: NameOf): string {
  if (type.endsWith('[]')) return `${tsType(type.slice(0, -2), shape, nameOf)}[]`;
  const primitive = TS[type];
  if (primitive) return primitive;
  const name = nameOf(type);
  if (name) return `${name}${variant(shape)}`;
  return OTHER_ENTITY.test(type) ? 'Record<string, unknown>' : 'unknown';
}

/** zod schema of a normalized model type; resources through `z.lazy` (declaration order and cycles do not matter). */
export function zodType(type: string, shape: Shape, nameOf: NameOf): string {
  if (type.endsWith('[]')) return `z.array(${zodType(type.slice(0, -2), shape, nameOf)})`;
  const primitive = ZOD[type];
  if (primitive) return primitive;
  const name = nameOf(type);
  if (name) return `z.lazy((): z.ZodType<${name}${variant(shape)}> => ${name}${variant(shape)}Schema)`;
  return OTHER_ENTITY.test(type) ? 'z.record(z.string(), z.unknown())' : 'z.unknown()';
}

/** `varchar(80)` / `character varying(80)` / `char(2)` -> 80 / 2: the longest string the column holds. */
export function maxLength(sqlType: string): number | null {
  const m = /^(?:varchar|character varying|char|character|nvarchar|nchar)\s*\(\s*(\d+)\s*\)$/i.exec(sqlType.trim());
  return m ? Number(m[1]) : null;
}

/** The zod schema of a field: its type, a length limit, null when the column may be NULL. */
export function fieldZod(f: ResourceField, shape: Shape, nameOf: NameOf): string {
  let s = zodType(f.type, shape, nameOf);
  const max = f.type === 'string' ? maxLength(f.sqlType) : null;
  if (max !== null) s += `.max(${max})`;
  if (f.nullable) s += '.nullable()';
  return s;
}

/** The TypeScript type of a field, `| null` when the column may be NULL (`unknown` and `Json` include null already). */
export function fieldTs(f: ResourceField, shape: Shape, nameOf: NameOf): string {
  const t = tsType(f.type, shape, nameOf);
  return f.nullable && t !== 'unknown' && t !== 'Json' ? `${t} | null` : t;
}
