/**
 * Field-type normalization: the many spellings of a type in design documents (Python, TypeScript,
 * SQL, Prisma, JSON-ish prose) folded into the model's small vocabulary (MODEL.md `Field.type`).
 */

export const PRIMITIVE_TYPES = ['uuid', 'string', 'integer', 'number', 'boolean', 'datetime', 'date', 'json'] as const;
export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

const WORDS: Record<PrimitiveType, string[]> = {
  uuid: ['uuid', 'guid', 'uuid4', 'uuidv4', 'uuid v4', 'uniqueidentifier'],
  string: [
    'str', 'string', 'text', 'varchar', 'char', 'character', 'character varying', 'nvarchar', 'nchar', 'citext',
    'bpchar', 'email', 'emailstr', 'url', 'uri', 'httpurl', 'anyurl', 'enum', 'slug', 'phone', 'password', 'inet',
    'ip', 'time', 'timetz', 'time with time zone', 'time without time zone', 'interval', 'tsvector',
    'varchar2', 'clob', 'longtext', 'mediumtext', 'tinytext', 'secretstr', 'literal', 'strenum', 'bytea', 'bytes', 'blob',
    'binary', 'base64',
  ],
  integer: [
    'int', 'integer', 'int2', 'int4', 'int8', 'bigint', 'smallint', 'tinyint', 'mediumint', 'serial', 'bigserial',
    'smallserial', 'serial4', 'serial8', 'long', 'short', 'int16', 'int32', 'int64', 'uint', 'uint32', 'uint64',
    'positiveint', 'nonnegativeint', 'positive integer', 'unsigned integer', 'i32', 'i64', 'u32', 'u64', 'usize',
  ],
  number: [
    'float', 'double', 'decimal', 'numeric', 'real', 'number', 'float4', 'float8', 'float32', 'float64', 'double precision',
    'money', 'f32', 'f64', 'positivefloat',
  ],
  boolean: ['bool', 'boolean', 'true/false'],
  datetime: [
    'datetime', 'timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'date-time',
    'date time', 'iso 8601', 'iso8601', 'iso 8601 datetime', 'iso 8601 timestamp', 'iso datetime', 'iso timestamp',
    'iso 8601 string', 'iso-8601', 'datetime2', 'datetimeoffset', 'smalldatetime', 'instant', 'zoneddatetime',
    'localdatetime', 'awaredatetime', 'datetime.datetime', 'utc datetime', 'unix timestamp',
  ],
  date: ['date', 'iso date', 'iso 8601 date', 'localdate', 'datetime.date'],
  json: [
    'json', 'jsonb', 'dict', 'object', 'any', 'unknown', 'map', 'hash', 'hashmap', 'hstore', 'mixed', 'record', 'mapping',
    'typing.any', 'jsonvalue', 'jsonobject',
  ],
};

const LOOKUP = new Map<string, PrimitiveType>();
for (const [type, words] of Object.entries(WORDS) as [PrimitiveType, string[]][]) for (const w of words) LOOKUP.set(w, type);

/** Case-sensitive spellings that would otherwise read as an entity name (TypeScript, Prisma, Python). */
const EXACT: Record<string, string> = {
  Date: 'datetime', String: 'string', Number: 'number', Boolean: 'boolean', Object: 'json', Int: 'integer',
  BigInt: 'integer', Float: 'number', Decimal: 'number', DateTime: 'datetime', Json: 'json', JSON: 'json',
  UUID: 'uuid', Any: 'json', Dict: 'json', List: 'json[]', Array: 'json[]', Bytes: 'string', Uuid: 'uuid',
  Timestamp: 'datetime', Text: 'string', Integer: 'integer', Double: 'number', Long: 'integer', Email: 'string',
  EmailStr: 'string', HttpUrl: 'string', AnyUrl: 'string', Url: 'string', URL: 'string',
};

const LIST_WRAPPERS = /^(?:Array|ReadonlyArray|List|list|Set|set|FrozenSet|frozenset|Sequence|Iterable|Collection|Vec|Tuple|tuple|ARRAY|array)\s*[<[]\s*([\s\S]+?)\s*[>\]]$/;
const OPTIONAL_WRAPPERS = /^(?:Optional|Maybe|Nullable|Option|NotRequired|Required|Readonly|Partial|Annotated|Mapped)\s*[<[]\s*([\s\S]+?)\s*[>\]]$/;
const MAP_WRAPPERS = /^(?:Record|Dict|dict|Map|Mapping|HashMap|MutableMapping|DefaultDict|defaultdict|OrderedDict|TypedDict|JSON|Json)\s*[<[]/;
const NULLISH = new Set(['null', 'undefined', 'none', 'nil', 'void']);
const ANNOTATIONS = /^(?:required|optional|nullable|not null|unique|indexed|index|pk|primary key|fk|auto|generated|read-?only|write-?only|deprecated|nullable: ?(?:true|false)|default.*|max.*|min.*|e\.g\..*|format.*)$/i;
/** PascalCase identifier with at least one lower-case letter (`User`, `ContentItem`; not `PENDING`). */
export const ENTITY_NAME = /^[A-Z](?=[A-Za-z0-9_]*[a-z])[A-Za-z0-9_]*$/;
const STRING_LITERAL = /^(?:'[^']*'|"[^"]*"|`[^`]*`)$/;

/** Split at a separator outside brackets, parentheses, braces, angle brackets and quotes. */
export function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('([{<'.includes(ch)) depth++;
    else if (')]}>'.includes(ch) && !(ch === '>' && text[i - 1] === '=')) depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(sep, i)) {
      out.push(text.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim());
}

function cleanRaw(raw: string): string {
  return raw
    .replace(/`/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/\[([^[\]]+)\]\([^()]*\)/g, '$1') // no bracket in the text, no `(` in the target: linear on `[[[…`
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[|&]\s*/, '');
}

function word(t: string): string | null {
  if (t in EXACT) return EXACT[t]!;
  const lower = t.toLowerCase();
  if (lower === 'array' || lower === 'list') return 'json[]';
  return LOOKUP.get(lower) ?? null;
}

function isPrimitive(t: string): boolean {
  return (PRIMITIVE_TYPES as readonly string[]).includes(t);
}

function unionType(parts: string[]): string | null {
  const kept = parts.filter((p) => !NULLISH.has(p.toLowerCase()));
  if (kept.length === 0) return null;
  if (kept.every((p) => STRING_LITERAL.test(p))) return 'string';
  if (kept.every((p) => /^-?\d+$/.test(p))) return 'integer';
  if (kept.every((p) => /^-?\d+(?:\.\d+)?$/.test(p))) return 'number';
  if (kept.every((p) => p === 'true' || p === 'false')) return 'boolean';
  if (kept.length === 1) return norm(kept[0]!);
  const types = kept.map((p) => (STRING_LITERAL.test(p) ? 'string' : norm(p)));
  if (types.every((t) => t === types[0]) && (isPrimitive(types[0]!) || ENTITY_NAME.test(types[0]!))) return types[0]!;
  // Enum-ish: `scale | restart | redeploy` (bare lower-case words that are no known type).
  if (kept.every((p) => /^[a-z][a-z0-9_.-]*$/.test(p) && word(p) === null)) return 'string';
  return null;
}

function norm(t: string): string {
  if (t === '') return '';
  const angled = /^<([^<>]+)>$/.exec(t);
  if (angled) return norm(angled[1]!.trim());
  const direct = word(t);
  if (direct) return direct;
  if (STRING_LITERAL.test(t)) return 'string';
  if (/^-?\d+$/.test(t)) return 'integer';
  if (t === 'true' || t === 'false') return 'boolean';

  // Unions: `'a' | 'b'`, `T | null`, `str | None`; Python `Union[A, B]`.
  const union = splitTop(t, '|');
  if (union.length > 1) return unionType(union) ?? t;
  const pyUnion = /^Union\s*\[([\s\S]+)\]$/.exec(t);
  if (pyUnion) return unionType(splitTop(pyUnion[1]!, ',')) ?? t;
  const literal = /^Literal\s*\[[\s\S]*\]$/.exec(t);
  if (literal) return 'string';

  // Lists: `T[]`, `Array<T>`, `List[T]`, `[T]`, `list of T`, `array of T`.
  if (t.endsWith('[]')) return list(t.slice(0, -2).trim().replace(/^\((.*)\)$/, '$1'), t);
  const wrapped = LIST_WRAPPERS.exec(t);
  if (wrapped) return list(splitTop(wrapped[1]!, ',')[0]!, t);
  const bracketed = /^\[\s*([A-Za-z][\w.]*)\s*!?\s*\]!?$/.exec(t);
  if (bracketed) return list(bracketed[1]!, t);
  const ofList = /^(?:array|list|set|collection)\s+of\s+(.+)$/i.exec(t);
  if (ofList) return list(ofList[1]!.replace(/s$/, ''), t);

  // Optional / nullable wrappers and markers: `Optional[str]`, `string?`, `String!`.
  const optional = OPTIONAL_WRAPPERS.exec(t);
  if (optional) return norm(splitTop(optional[1]!, ',')[0]!);
  if (/^[^\s?]+[?!]$/.test(t)) return norm(t.slice(0, -1));

  // Maps and inline object types.
  if (MAP_WRAPPERS.test(t) || /^\{[\s\S]*\}$/.test(t)) return 'json';

  // Enums: `enum(a, b)`, `enum: a, b`, `ENUM('a','b')`, `enum [a, b]`, `StrEnum`.
  if (/^enum\b/i.test(t)) return 'string';

  // SQL sizes and precisions: `varchar(255)`, `numeric(10,2)`, `timestamp(3) with time zone`.
  const sized = /^([A-Za-z][\w ]*?)\s*\(\s*[\d\s,]+\)\s*(.*)$/.exec(t);
  if (sized) {
    const base = word(`${sized[1]} ${sized[2]}`.trim());
    if (base) return base;
  }

  // Annotated forms: `string (uuid)`, `string, required`, `integer (cents)`, `UUID (PK)`.
  const paren = /^(.+?)\s*\(([^()]*)\)$/.exec(t);
  if (paren) {
    const base = norm(paren[1]!.trim());
    const inner = paren[2]!.trim();
    const innerType = word(inner) ?? word(inner.replace(/^format:\s*/i, ''));
    if (innerType && innerType !== 'string' && (base === 'string' || base === 'integer' || base === 'number')) return innerType;
    if (isKnown(base)) return base;
  }
  const commas = splitTop(t, ',');
  if (commas.length > 1 && commas.slice(1).every((c) => ANNOTATIONS.test(c))) return norm(commas[0]!);
  const dash = /^(\S+)\s+[-–—]\s+.+$/.exec(t);
  if (dash && isKnown(norm(dash[1]!))) return norm(dash[1]!);

  if (ENTITY_NAME.test(t)) return t;
  return t;
}

function isKnown(t: string): boolean {
  return isPrimitive(t) || (t.endsWith('[]') && isKnown(t.slice(0, -2))) || ENTITY_NAME.test(t);
}

function list(elem: string, whole: string): string {
  const inner = norm(elem.trim());
  if (inner === '' || !isKnown(inner)) return whole;
  return `${inner}[]`;
}

/**
 * Normalize a type as written to the model vocabulary: `uuid` `string` `integer` `number` `boolean`
 * `datetime` `date` `json`, `<type>[]` for lists, an entity name (PascalCase identifier), or the
 * trimmed raw text when the type is not recognized.
 */
export function normalizeType(raw: string): string {
  let hit = TYPE_CACHE.get(raw);
  if (hit === undefined) {
    const t = cleanRaw(raw);
    try {
      hit = norm(t);
    } catch {
      hit = t;
    }
    if (TYPE_CACHE.size >= 20_000) TYPE_CACHE.clear();
    TYPE_CACHE.set(raw, hit);
  }
  return hit;
}

/** normalizeType is pure and documents repeat the same few spellings: memoized (bounded). */
const TYPE_CACHE = new Map<string, string>();

/** True when a normalized type is a primitive, a list of known types, or one of the entity names. */
export function isKnownType(type: string, entityNames: Set<string>): boolean {
  if (isPrimitive(type)) return true;
  if (type.endsWith('[]')) return isKnownType(type.slice(0, -2), entityNames);
  return entityNames.has(type);
}
