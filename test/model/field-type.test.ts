import { describe, expect, it } from 'vitest';
import { isKnownType, normalizeType } from '../../src/model/field-type.js';

const cases: Record<string, [string, string][]> = {
  python: [
    ['str', 'string'], ['int', 'integer'], ['float', 'number'], ['bool', 'boolean'], ['datetime', 'datetime'],
    ['date', 'date'], ['dict', 'json'], ['Dict[str, Any]', 'json'], ['list[str]', 'string[]'], ['List[int]', 'integer[]'],
    ['Optional[str]', 'string'], ['UUID', 'uuid'], ['Decimal', 'number'], ['Optional[List[str]]', 'string[]'],
    ['str | None', 'string'], ['List[User]', 'User[]'], ['Any', 'json'], ["Literal['a', 'b']", 'string'],
    ['EmailStr', 'string'], ['Union[int, None]', 'integer'], ['Mapped[int]', 'integer'],
  ],
  typescript: [
    ['string', 'string'], ['number', 'number'], ['boolean', 'boolean'], ['Date', 'datetime'],
    ['Record<string, unknown>', 'json'], ['string[]', 'string[]'], ['Array<User>', 'User[]'], ['Array<string>', 'string[]'],
    ["'a' | 'b'", 'string'], ['"draft" | "published"', 'string'], ['string | null', 'string'], ['User | null', 'User'],
    ['User', 'User'], ['Record<string, any> | null', 'json'], ['{ id: string; name: string }', 'json'],
    ['{ a: string }[]', 'json[]'], ['number | undefined', 'number'], ['true | false', 'boolean'], ['1 | 2 | 3', 'integer'],
    ['object', 'json'], ['unknown', 'json'], ['any', 'json'], ['ContentItem[]', 'ContentItem[]'],
  ],
  sql: [
    ['text', 'string'], ['varchar(255)', 'string'], ['VARCHAR(255)', 'string'], ['char', 'string'], ['integer', 'integer'],
    ['int4', 'integer'], ['bigint', 'integer'], ['smallint', 'integer'], ['serial', 'integer'], ['bigserial', 'integer'],
    ['uuid', 'uuid'], ['timestamptz', 'datetime'], ['timestamp', 'datetime'], ['timestamp with time zone', 'datetime'],
    ['TIMESTAMP WITH TIME ZONE', 'datetime'], ['jsonb', 'json'], ['json', 'json'], ['numeric(10,2)', 'number'],
    ['decimal(10, 2)', 'number'], ['decimal', 'number'], ['real', 'number'], ['double precision', 'number'],
    ['boolean', 'boolean'], ['bool', 'boolean'], ['date', 'date'], ['text[]', 'string[]'], ['citext', 'string'],
    ['enum(global,team,personal)', 'string'], ["ENUM('a','b')", 'string'], ['character varying(40)', 'string'],
    ['timestamp(3) with time zone', 'datetime'], ['`uuid`', 'uuid'], ['int8[]', 'integer[]'],
  ],
  prisma: [['String', 'string'], ['Int', 'integer'], ['DateTime', 'datetime'], ['Json', 'json'], ['Boolean', 'boolean'], ['String?', 'string'], ['Float', 'number']],
  docs: [
    ['int', 'integer'], ['float', 'number'], ['double', 'number'], ['email', 'string'], ['url', 'string'], ['uri', 'string'],
    ['enum', 'string'], ['object', 'json'], ['array', 'json[]'], ['any', 'json'], ['ISO 8601', 'datetime'],
    ['string (uuid)', 'uuid'], ['string, required', 'string'], ['string (ISO 8601)', 'datetime'], ['string (date-time)', 'datetime'],
    ['integer (cents)', 'integer'], ['UUID (PK)', 'uuid'], ['string, optional', 'string'], ['<string>', 'string'], ['<boolean>', 'boolean'],
    ['enum: quarter, eighth', 'string'], ['array of strings', 'string[]'], ['scale | restart | redeploy', 'string'],
    ['low | medium | high', 'string'], ['[String]', 'string[]'], ['String!', 'string'], ['Integer', 'integer'], ['Timestamp', 'datetime'],
  ],
  unknown: [
    ['UUID/Text', 'UUID/Text'], ['  whatever thing ', 'whatever thing'], ['', ''], ['PENDING', 'PENDING'],
    ['ProjectSubmission["supportingMaterials"]', 'ProjectSubmission["supportingMaterials"]'], ['string | number', 'string | number'],
    ['Promise<User>', 'Promise<User>'], ['Foo Bar[]', 'Foo Bar[]'],
  ],
};

describe('normalizeType', () => {
  for (const [group, list] of Object.entries(cases)) {
    it(`normalizes ${group} types`, () => {
      const got = Object.fromEntries(list.map(([raw]) => [raw, normalizeType(raw)]));
      expect(got).toEqual(Object.fromEntries(list));
    });
  }

  it('never throws on odd input', () => {
    for (const raw of ['<', '>>>', '[[[', '|||', '(', 'Array<', '{', ']]', '?', '!', 'a'.repeat(5000), '<<>>']) {
      expect(() => normalizeType(raw)).not.toThrow();
    }
  });
});

describe('isKnownType', () => {
  const entities = new Set(['User', 'Order']);
  it('accepts primitives, lists of known types and entity names', () => {
    expect(['uuid', 'string', 'integer', 'number', 'boolean', 'datetime', 'date', 'json', 'string[]', 'User', 'Order[]', 'json[]'].map((t) => isKnownType(t, entities))).toEqual(Array(12).fill(true));
  });
  it('rejects raw text, unknown entities and empty types', () => {
    expect(['UUID/Text', 'Customer', 'Customer[]', '', 'varchar', 'PENDING'].map((t) => isKnownType(t, entities))).toEqual(Array(6).fill(false));
  });
});
