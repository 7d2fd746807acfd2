/** Schema derivation for openapi.json: types, resource / Create / Replace / Update / Page schemas, named schemas. */
import { describe, expect, test } from 'vitest';
import { namedSchema } from '../../src/compile/openapi/media.js';
import { createSchemas, pageSchema, resourceSchema, writeSchema } from '../../src/compile/openapi/schemas.js';
import { jsonDefault, nullable, schemaRef, typeSchema } from '../../src/compile/openapi/types.js';
import type { Resource, ResourceField } from '../../src/compile/resources.js';

const src = { path: 'docs/features/001-test/design.md', line: 10 };

function field(name: string, type: string, opts: Partial<ResourceField> = {}): ResourceField {
  return {
    name, type, sqlType: 'text', required: false, generated: false, primaryKey: false, nullable: false,
    sqlDefault: null, default: null, references: null, description: null, source: src, ...opts,
  };
}

function resource(name: string, table: string, fields: ResourceField[]): Resource {
  return { name, table, feature: '001-test', source: src, fields, primaryKey: 'id', owner: 'owner_id', table_: null, entity: null };
}

const widget = resource('Widget', 'widgets', [
  field('id', 'uuid', { generated: true, primaryKey: true, sqlDefault: 'gen_random_uuid()' }),
  field('owner_id', 'uuid', { generated: true, description: 'Owner' }),
  field('name', 'string', { required: true, description: 'Display name' }),
  field('visibility', 'string', { sqlDefault: "'private'" }),
  field('position', 'integer', { sqlDefault: '0' }),
  field('labels', 'string[]', { sqlDefault: "'{}'", nullable: true }),
  field('part', 'Part', { nullable: true }),
  field('created_at', 'datetime', { generated: true, sqlDefault: 'now()' }),
]);
const part = resource('Part', 'parts', [field('id', 'integer', { generated: true, primaryKey: true }), field('label', 'string', { required: true })]);
const refs = (n: string) => (n === 'Part' ? schemaRef('Part') : null);

describe('typeSchema', () => {
  test.each([
    ['uuid', { type: 'string', format: 'uuid' }],
    ['string', { type: 'string' }],
    ['integer', { type: 'integer' }],
    ['number', { type: 'number' }],
    ['boolean', { type: 'boolean' }],
    ['datetime', { type: 'string', format: 'date-time' }],
    ['date', { type: 'string', format: 'date' }],
    ['json', {}],
    ['uuid[]', { type: 'array', items: { type: 'string', format: 'uuid' } }],
    ['Part', { $ref: '#/components/schemas/Part' }],
    ['Part[]', { type: 'array', items: { $ref: '#/components/schemas/Part' } }],
    ['Unknown', { type: 'object' }],
    ['weird text', {}],
  ])('%s', (type, expected) => {
    expect(typeSchema(type, refs)).toEqual(expected);
  });

  test('nullable: a type list, anyOf for a $ref, unchanged when unconstrained', () => {
    expect(nullable({ type: 'string', format: 'uuid' })).toEqual({ type: ['string', 'null'], format: 'uuid' });
    expect(nullable(schemaRef('Part'))).toEqual({ anyOf: [{ $ref: '#/components/schemas/Part' }, { type: 'null' }] });
    expect(nullable({})).toEqual({});
  });
});

describe('jsonDefault', () => {
  test.each([
    ["'private'", 'string', 'private'],
    ["'it''s'::text", 'string', "it's"],
    ['unread', 'string', 'unread'],
    ['0', 'integer', 0],
    ['1.5', 'number', 1.5],
    ['false', 'boolean', false],
    ["'{}'", 'string[]', []],
    ['[]', 'string[]', []],
    ['{}', 'json', {}],
    ['now()', 'datetime', undefined],
    ['gen_random_uuid()', 'uuid', undefined],
    ['session account', 'string', undefined],
    ['ten', 'integer', undefined],
    ['null', 'string', undefined],
    [null, 'string', undefined],
  ])('%s as %s', (raw, type, expected) => {
    expect(jsonDefault(raw, type)).toEqual(expected);
  });
});

describe('resource schemas', () => {
  test('X: every field required (nullable ones may be null), generated fields read-only', () => {
    expect(resourceSchema(widget, refs)).toEqual({
      type: 'object',
      description: 'Widget (entity `Widget` of 001-test, docs/features/001-test/design.md line 10)',
      required: ['id', 'owner_id', 'name', 'visibility', 'position', 'labels', 'part', 'created_at'],
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        owner_id: { type: 'string', format: 'uuid', description: 'Owner', readOnly: true },
        name: { type: 'string', description: 'Display name' },
        visibility: { type: 'string' },
        position: { type: 'integer' },
        labels: { type: ['array', 'null'], items: { type: 'string' } },
        part: { anyOf: [{ $ref: '#/components/schemas/Part' }, { type: 'null' }] },
        created_at: { type: 'string', format: 'date-time', readOnly: true },
      },
    });
  });

  test('Create: generated fields left out, required = create-required, defaults as JSON, nested resources as their Create', () => {
    const createRef = (n: string) => (n === 'Part' ? schemaRef('PartCreate') : null);
    expect(writeSchema(widget, 'Create', createRef)).toEqual({
      type: 'object',
      description: 'The fields a client sends to create a Widget',
      required: ['name'],
      properties: {
        name: { type: 'string', description: 'Display name' },
        visibility: { type: 'string', default: 'private' },
        position: { type: 'integer', default: 0 },
        labels: { type: ['array', 'null'], items: { type: 'string' }, default: [] },
        part: { anyOf: [{ $ref: '#/components/schemas/PartCreate' }, { type: 'null' }] },
      },
      additionalProperties: false,
    });
  });

  test('Replace (PUT) is Create; Update (PATCH) has no required fields and no defaults', () => {
    const replace = writeSchema(widget, 'Replace', refs);
    const create = writeSchema(widget, 'Create', refs);
    expect({ ...replace, description: '' }).toEqual({ ...create, description: '' });
    const update = writeSchema(widget, 'Update', refs);
    expect(update.description).toBe('The fields a client sends to change a Widget (PATCH): all optional, fields left out keep their value');
    expect(update.required).toBeUndefined();
    expect(update.properties).toEqual({
      name: { type: 'string', description: 'Display name' },
      visibility: { type: 'string' },
      position: { type: 'integer' },
      labels: { type: ['array', 'null'], items: { type: 'string' } },
      part: { anyOf: [{ $ref: '#/components/schemas/Part' }, { type: 'null' }] },
    });
  });

  test('Page: items, page, limit, total', () => {
    expect(pageSchema(widget)).toEqual({
      type: 'object',
      description: 'One page of Widget items',
      required: ['items', 'page', 'limit', 'total'],
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/Widget' } },
        page: { type: 'integer', minimum: 1, description: 'Page number, from 1' },
        limit: { type: 'integer', minimum: 1, description: 'Page size' },
        total: { type: 'integer', minimum: 0, description: 'Number of items on all pages' },
      },
    });
  });
});

describe('components', () => {
  test('resource schemas always; variants and Problem only when referred to; nested Create pulled in; sorted', () => {
    const schemas = createSchemas([widget, part]);
    expect(Object.keys(schemas.components())).toEqual(['Part', 'Widget']);
    schemas.ref(widget, 'Create');
    schemas.problem();
    expect(Object.keys(schemas.components())).toEqual(['Part', 'PartCreate', 'Problem', 'Widget', 'WidgetCreate']);
  });

  test('a resource named Problem keeps its name; the problem schema becomes ProblemDetails', () => {
    const schemas = createSchemas([resource('Problem', 'problems', [field('id', 'uuid', { primaryKey: true, generated: true })])]);
    expect(schemas.problem()).toEqual({ $ref: '#/components/schemas/ProblemDetails' });
    expect(Object.keys(schemas.components())).toEqual(['Problem', 'ProblemDetails']);
  });
});

describe('namedSchema', () => {
  const schemas = createSchemas([widget, part]);
  test.each([
    ['Widget', null, { $ref: '#/components/schemas/Widget' }],
    ['`Widget`', null, { $ref: '#/components/schemas/Widget' }],
    ['widgets', null, { $ref: '#/components/schemas/Widget' }],
    ['WidgetResponse', null, { $ref: '#/components/schemas/Widget' }],
    ['Widget[]', null, { type: 'array', items: { $ref: '#/components/schemas/Widget' } }],
    ['List[Widget]', null, { type: 'array', items: { $ref: '#/components/schemas/Widget' } }],
    ['PaginatedResponse[Widget]', null, { $ref: '#/components/schemas/WidgetPage' }],
    ['WidgetPage', null, { $ref: '#/components/schemas/WidgetPage' }],
    ['CreateWidgetRequest', null, { $ref: '#/components/schemas/WidgetCreate' }],
    ['WidgetUpdate', null, { $ref: '#/components/schemas/WidgetUpdate' }],
    ['UpdateWidgetRequest', null, { $ref: '#/components/schemas/WidgetUpdate' }],
    ['Widget', 'Create', { $ref: '#/components/schemas/WidgetCreate' }],
    ['Widget', 'Replace', { $ref: '#/components/schemas/WidgetReplace' }],
    ['Widget', 'Update', { $ref: '#/components/schemas/WidgetUpdate' }],
    ['WidgetSummary', null, null],
    ['Gadget', null, null],
    ['a widget with its parts', null, null],
  ] as const)('%s (request: %s)', (name, variant, expected) => {
    expect(namedSchema(name, schemas, variant)).toEqual(expected);
  });
});
