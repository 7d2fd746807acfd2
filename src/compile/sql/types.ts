/** Column types: the design's SQL type when PostgreSQL knows it, otherwise the model type's mapping. */
import { sqlTypeOf, type ResourceField } from '../resources.js';

/** PostgreSQL's built-in type names (lower case) -> the family used to compare key types. */
const BUILT_IN: Record<string, string> = {
  text: 'text', varchar: 'text', 'character varying': 'text', char: 'bpchar', character: 'bpchar', bpchar: 'bpchar',
  uuid: 'uuid', smallint: 'int', int2: 'int', integer: 'int', int: 'int', int4: 'int', bigint: 'int', int8: 'int',
  serial: 'int', serial4: 'int', bigserial: 'int', serial8: 'int', smallserial: 'int', serial2: 'int',
  numeric: 'numeric', decimal: 'numeric', real: 'float', float4: 'float', 'double precision': 'float', float8: 'float', float: 'float',
  boolean: 'bool', bool: 'bool', timestamptz: 'timestamptz', 'timestamp with time zone': 'timestamptz',
  timestamp: 'timestamp', 'timestamp without time zone': 'timestamp', date: 'date', time: 'time', 'time without time zone': 'time',
  timetz: 'timetz', 'time with time zone': 'timetz', interval: 'interval', json: 'json', jsonb: 'jsonb', bytea: 'bytea',
  inet: 'inet', cidr: 'cidr', macaddr: 'macaddr', money: 'money', xml: 'xml', tsvector: 'tsvector',
};

/** Types other databases or languages use, and their PostgreSQL spelling. */
const ALIASES: Record<string, string> = {
  string: 'text', str: 'text', blob: 'bytea', datetime: 'timestamptz', double: 'double precision', tinyint: 'smallint', mediumint: 'integer',
  longtext: 'text', mediumtext: 'text', tinytext: 'text', clob: 'text', binary: 'bytea', varbinary: 'bytea',
};

/** Types that take a modifier (`varchar(80)`, `numeric(10,2)`); PostgreSQL refuses one on any other. */
const MODIFIABLE = new Set(['varchar', 'character varying', 'char', 'character', 'bpchar', 'numeric', 'decimal', 'timestamptz', 'timestamp', 'time', 'timetz', 'interval', 'float']);
const SERIAL = /^(?:small|big)?serial[248]?$/;
const TYPE = /^([a-z][a-z0-9_ ]*?)\s*(\(\s*\d+\s*(?:,\s*\d+\s*)?\))?((?:\s*\[\s*\])*)$/;

export interface ColumnType {
  /** Type as written into CREATE TABLE. */
  sql: string;
  /** Family for foreign key compatibility (`int`, `text`, `uuid`...; arrays end in `[]`). */
  family: string;
  serial: boolean;
  /** Set when the design's type is not a PostgreSQL type and the model type's mapping was used: what was written. */
  replaced: string | null;
}

/** A PostgreSQL type as written (`varchar(80)`, `text[]`, `blob` as bytea), or null when it is not one. */
export function parseType(raw: string): ColumnType | null {
  const m = TYPE.exec(raw.trim().toLowerCase().replace(/\s+/g, ' '));
  if (!m) return null;
  let base = m[1]!;
  if (!(base in BUILT_IN) && base in ALIASES) base = ALIASES[base]!;
  const family = BUILT_IN[base];
  if (!family) return null;
  const dims = (m[3] ?? '').replace(/\s+/g, '');
  const serial = SERIAL.test(base);
  if ((serial && dims !== '') || (m[2] && !MODIFIABLE.has(base))) return null;
  const args = (m[2] ?? '').replace(/\s+/g, '');
  return { sql: `${base}${args}${dims}`, family: `${family}${dims}`, serial, replaced: null };
}

/** The column type of a field; `replaced` says what was written when it is not a PostgreSQL type. */
export function columnType(field: ResourceField): ColumnType {
  const parsed = parseType(field.sqlType);
  if (parsed) return parsed;
  const fallback = parseType(sqlTypeOf(field.type)) ?? { sql: 'text', family: 'text', serial: false, replaced: null };
  return { ...fallback, replaced: field.sqlType };
}
