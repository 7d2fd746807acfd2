/** openapi.json parts: examples, parameters, security per auth, operations compiled from small workspaces. */
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/compile/model.js';
import { compileOpenApi } from '../../src/compile/openapi.js';
import { checkExample, inferSchema, parseExample } from '../../src/compile/openapi/examples.js';
import { security } from '../../src/compile/openapi/paths.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { md, tempWorkspace } from '../helpers.js';
import { parserErrors } from './openapi-check.js';

const example = (code: string) => ({ language: 'json', code, line: 5 });

describe('examples', () => {
  test('JSON parses; a request line and comment lines are dropped; pseudo-JSON is skipped', () => {
    expect(parseExample(example('{ "a": 1 }'))).toEqual({ a: 1 });
    expect(parseExample(example('POST /api/v1/things\n{ "a": [true] }'))).toEqual({ a: [true] });
    expect(parseExample(example('// one thing\n{ "a": null }'))).toEqual({ a: null });
    expect(parseExample(example('{ "a": 1, ... }'))).toBeUndefined();
    expect(parseExample(example('"text"'))).toBeUndefined();
    expect(parseExample(null)).toBeUndefined();
  });

  test('inferSchema: types and formats, no required keys', () => {
    expect(inferSchema({ id: '6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10', at: '2026-01-02T03:04:05Z', on: '2026-01-02', n: 2, x: 1.5, ok: true, none: null, tags: ['a', 'b'], mixed: [1, 'a'] })).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' }, at: { type: 'string', format: 'date-time' }, on: { type: 'string', format: 'date' },
        n: { type: 'integer' }, x: { type: 'number' }, ok: { type: 'boolean' }, none: {},
        tags: { type: 'array', items: { type: 'string' } }, mixed: { type: 'array', items: {} },
      },
    });
  });

  test('checkExample: types, formats, required, additionalProperties, items, $ref, anyOf, minimum', () => {
    const none = () => null;
    const obj = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, n: { type: ['integer', 'null'], minimum: 1 } }, additionalProperties: false };
    expect(checkExample({ id: '6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10', n: null }, obj, none)).toBeNull();
    expect(checkExample({ n: 2 }, obj, none)).toBe('/: missing required property id');
    expect(checkExample({ id: 'x' }, obj, none)).toBe('/id: "x" is not a uuid');
    expect(checkExample({ id: '6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10', n: 0 }, obj, none)).toBe('/n: 0 is below the minimum 1');
    expect(checkExample({ id: '6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10', n: 1.5 }, obj, none)).toBe('/n: expected integer or null, found number');
    expect(checkExample({ id: '6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10', z: 1 }, obj, none)).toBe('/: property z is not allowed');
    const resolve = (n: string) => (n === 'Thing' ? obj : null);
    expect(checkExample([{ id: 'y' }], { type: 'array', items: { $ref: '#/components/schemas/Thing' } }, resolve)).toBe('/0/id: "y" is not a uuid');
    expect(checkExample(null, { anyOf: [{ $ref: '#/components/schemas/Thing' }, { type: 'null' }] }, resolve)).toBeNull();
    expect(checkExample('2026-01-02T03:04:05', { type: 'string', format: 'date-time' }, none)).toBe('/: "2026-01-02T03:04:05" is not a date-time');
  });
});

describe('security per auth', () => {
  test.each([
    ['required', [{ bearerAuth: [] }]],
    ['optional', [{}, { bearerAuth: [] }]],
    ['none', []],
    ['unspecified', undefined],
  ] as const)('%s', (auth, expected) => {
    expect(security(auth)).toEqual(expected);
  });
});

const DOC = md(
  '# FEAT-001 Design: Notes', // 1
  '',
  '## Data Models',
  '',
  '### Note', // 5
  '| Field | Type | Required | Default | Description |',
  '|-------|------|----------|---------|-------------|',
  '| id | integer | auto | - | Primary key |',
  '| body | string | yes | - | Text |',
  '| color | string | no | yellow | Sticky color |', // 10
  '',
  '## API Endpoints',
  '',
  '### GET /api/v1/notes',
  '| Aspect | Detail |', // 15
  '|--------|--------|',
  '| Auth | None |',
  '| Query Params | limit (int, default ten), q (string, optional) |',
  '| Response 200 | Note[] |',
  '', // 20
  '### POST /api/v1/notes/{id}/pin',
  '| Aspect | Detail |',
  '|--------|--------|',
  '| Auth | Optional |',
  '| Response 400 | ValidationError |', // 25
  '',
  '### PUT /api/v1/notes/{note_id}',
  '| Aspect | Detail |',
  '|--------|--------|',
  '| Auth | Required (Bearer) |', // 30
  '| Response 200 | Note |',
  '',
  '### GET /api/v1/notes/{id}',
  'One note.',
);

type Op = { operationId: string; security?: unknown; parameters?: { name: string; in: string; schema: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }> };

async function compileDoc(text: string) {
  const ws = tempWorkspace({ 'docs/features/001-notes/design.md': text });
  try {
    const { workspace } = await loadWorkspace(ws.root);
    const out = compileOpenApi(compileModel(workspace));
    return { ...out, doc: JSON.parse(out.text) as { paths: Record<string, Record<string, Op>>; tags: unknown; components: { schemas: Record<string, unknown>; securitySchemes?: unknown } } };
  } finally {
    ws.cleanup();
  }
}

describe('operations', () => {
  test('security: none = [], optional = anonymous or bearer, required = bearer, unspecified = no key', async () => {
    const { doc } = await compileDoc(DOC);
    expect(doc.paths['/api/v1/notes']!.get!.security).toEqual([]);
    expect(doc.paths['/api/v1/notes/{id}/pin']!.post!.security).toEqual([{}, { bearerAuth: [] }]);
    expect(doc.paths['/api/v1/notes/{note_id}']!.put!.security).toEqual([{ bearerAuth: [] }]);
    expect('security' in doc.paths['/api/v1/notes/{note_id}']!.get!).toBe(false);
    expect(doc.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "A signed JWT whose `sub` is the caller's account id (`featspec token` prints one for development)" } });
  });

  test('CRUD list: page schema, documented query types, an invalid default dropped, no page added when limit is documented', async () => {
    const { doc } = await compileDoc(DOC);
    const list = doc.paths['/api/v1/notes']!.get!;
    expect(list.operationId).toBe('listNotes');
    expect(list.parameters).toEqual([
      { name: 'limit', in: 'query', required: false, description: 'Page size', schema: { type: 'integer', minimum: 1 } },
      { name: 'q', in: 'query', required: false, description: 'Query parameter `q`', schema: { type: 'string' } },
    ]);
    expect(list.responses['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/NotePage' });
  });

  test('equivalent paths take the first spelling; path params typed from the primary key', async () => {
    const { doc } = await compileDoc(DOC);
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/notes', '/api/v1/notes/{id}/pin', '/api/v1/notes/{note_id}']);
    const item = doc.paths['/api/v1/notes/{note_id}']!;
    expect(Object.keys(item)).toEqual(['get', 'put']);
    const put = item.put!;
    expect(put.operationId).toBe('replaceNote');
    expect(put.parameters).toEqual([{ name: 'note_id', in: 'path', required: true, description: 'Id of the Note', schema: { type: 'integer' } }]);
    expect(item.get!.parameters).toEqual(put.parameters);
    expect(put.requestBody!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/NoteReplace' });
  });

  test('non-CRUD action: no body without a request; a success response added when only errors are documented', async () => {
    const { doc } = await compileDoc(DOC);
    const pin = doc.paths['/api/v1/notes/{id}/pin']!.post!;
    expect(pin.operationId).toBe('postNotesByIdPin');
    expect(pin.requestBody).toBeUndefined();
    expect(Object.keys(pin.responses)).toEqual(['200', '400']);
    expect(pin.responses['200']).toEqual({ description: 'OK (the design documents no success response)' });
    expect(pin.responses['400']!.content!['application/problem+json']!.schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  test('CRUD get without documented responses answers 200 with the resource', async () => {
    const { doc } = await compileDoc(DOC);
    expect(doc.paths['/api/v1/notes/{note_id}']!.get!.responses).toEqual({ 200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } } });
  });

  test('headed by the generated-by note naming the documents', async () => {
    const { text, doc } = await compileDoc(DOC);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "openapi": "3.1.0",', '  "x-generated-by": "generated by featspec from docs/features/001-notes/design.md",']);
    const info = (doc as unknown as { info: { title: string } }).info;
    const folder = /^(featspec-test-\w+) API$/.exec(info.title)?.[1];
    expect(folder).toBeDefined();
    expect(info).toEqual({
      title: `${folder} API`,
      version: '0.0.0',
      description: 'Generated by featspec from docs/features/001-notes/design.md. Do not edit: change the design documents and run `featspec build`.',
      contact: { name: `${folder} maintainers` },
    });
  });

  test('an empty workspace compiles to a valid document without paths or schemas', async () => {
    const ws = tempWorkspace({ 'docs/features/.keep': '' });
    try {
      const { workspace } = await loadWorkspace(ws.root);
      const { text, diagnostics } = compileOpenApi(compileModel(workspace));
      const doc = JSON.parse(text) as Record<string, unknown>;
      expect(doc.paths).toEqual({});
      expect(doc.tags).toEqual([]);
      expect(doc.components).toEqual({ schemas: {} });
      expect(doc['x-generated-by']).toBe('generated by featspec from no documents');
      expect(diagnostics).toEqual([]);
      expect(await parserErrors(text)).toEqual([]);
    } finally {
      ws.cleanup();
    }
  });

  test('one tag per feature with its title; schemas sorted', async () => {
    const { doc } = await compileDoc(DOC);
    expect(doc.tags).toEqual([{ name: '001-notes', description: 'Notes' }]);
    expect(Object.keys(doc.components.schemas)).toEqual(['Note', 'NotePage', 'NoteReplace', 'Problem']);
  });
});
