import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractEndpoints } from '../../../src/model/extract/endpoints.js';
import { docContext, SHARED } from '../../helpers.js';

const SEEDS = new URL('seeds/', SHARED);
const P = 'docs/features/001-test/doc.md';

function seed(n: string) {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`${n}_`))!;
  const ctx = docContext(readFileSync(new URL(file, SEEDS), 'utf8'), { path: P });
  return { endpoints: extractEndpoints(ctx), diagnostics: ctx.diagnostics };
}
const src = (line: number) => ({ path: P, line });
const r = (status: number, schema: string | null = null, description: string | null = null) => ({ status, schema, description, example: null });

describe('seed endpoints', () => {
  test('000 implementation: the two Integration Points bullets, placeholders kept', () => {
    expect(seed('000').endpoints).toEqual([
      { method: 'POST', path: '/api/v1/[endpoint]', query: [], auth: 'unspecified', request: null, requestExample: null, responses: [], summary: '[Purpose and integration]', source: src(55) },
      { method: 'GET', path: '/api/v1/[endpoint]', query: [], auth: 'unspecified', request: null, requestExample: null, responses: [], summary: '[Purpose and integration]', source: src(56) },
    ]);
  });

  test('001 design: five headings with aspect tables', () => {
    const base = { requestExample: null, summary: null, auth: 'required' };
    expect(seed('001').endpoints).toEqual([
      { ...base, method: 'POST', path: '/api/v1/[resource]', query: [], request: 'CreateSchema', responses: [r(201, 'ResourceResponse'), r(400, 'ValidationError'), r(401, 'UnauthorizedError')], source: src(28) },
      { ...base, method: 'GET', path: '/api/v1/[resource]/{id}', query: [], request: null, responses: [r(200, 'ResourceResponse'), r(404, 'NotFoundError')], source: src(37) },
      {
        ...base, method: 'GET', path: '/api/v1/[resource]', request: null, responses: [r(200, 'PaginatedResponse[ResourceResponse]')], source: src(44),
        query: [{ name: 'page', type: 'integer', default: '1' }, { name: 'limit', type: 'integer', default: '20' }],
      },
      { ...base, method: 'PUT', path: '/api/v1/[resource]/{id}', query: [], request: 'UpdateSchema', responses: [r(200, 'ResourceResponse'), r(404, 'NotFoundError')], source: src(51) },
      { ...base, method: 'DELETE', path: '/api/v1/[resource]/{id}', query: [], request: null, responses: [r(204, null, 'No content'), r(404, 'NotFoundError')], source: src(59) },
    ]);
  });

  test('002 plan: bold label lines with examples and error list', () => {
    const [post, get, ...rest] = seed('002').endpoints;
    expect(rest).toEqual([]);
    expect(post).toMatchObject({ method: 'POST', path: '/api/feature/action', auth: 'required', request: null, summary: '[What this endpoint does]', source: src(89), query: [] });
    expect(post!.requestExample).toEqual({ language: 'json', line: 96, code: '{\n  "param1": "string",\n  "param2": 123,\n  "param3": {\n    "nested": "value"\n  }\n}' });
    expect(post!.responses.map((x) => [x.status, x.description, x.example?.line ?? null])).toEqual([
      [200, null, 107],
      [400, 'Invalid input parameters', null],
      [401, 'Missing or invalid authentication', null],
      [403, 'Insufficient permissions', null],
      [404, 'Resource not found', null],
      [500, 'Server error', null],
    ]);
    expect(post!.responses[0]!.example!.code.split('\n')[1]).toBe('  "success": true,');
    expect(get).toEqual({
      method: 'GET', path: '/api/feature/resource/{id}', query: [], auth: 'unspecified', request: null, requestExample: null,
      responses: [], summary: null, source: src(123),
    });
  });

  test('003 technical-design: heading name, request block, status-less response of a POST to a collection', () => {
    expect(seed('003').endpoints).toEqual([{
      method: 'POST', path: '/api/[endpoint]', query: [], auth: 'unspecified', request: null,
      requestExample: { language: '', line: 73, code: '{\n  "param1": "value",\n  "param2": "value"\n}' },
      responses: [{ status: 201, schema: null, description: null, example: { language: '', line: 81, code: '{\n  "status": "success",\n  "data": { }\n}' } }],
      summary: '[Endpoint Name]', source: src(72),
    }]);
  });

  test('004 feature-guide: the yaml-like reference block', () => {
    const base = { query: [], auth: 'unspecified', request: null, requestExample: null, summary: null };
    expect(seed('004').endpoints).toEqual([
      { ...base, method: 'POST', path: '/api/v1/feature', responses: [r(201)], source: src(105) },
      { ...base, method: 'GET', path: '/api/v1/feature/{id}', responses: [r(200)], source: src(113) },
    ]);
  });

  test('no seed makes the extractor report a problem', () => {
    for (const n of ['000', '001', '002', '003', '004']) expect(seed(n).diagnostics.filter((d) => d.rule === 'endpoints-extract')).toEqual([]);
  });
});
