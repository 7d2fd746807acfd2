import { describe, expect, test } from 'vitest';
import { extractEndpoints } from '../../../src/model/extract/endpoints.js';
import { docContext, md } from '../../helpers.js';

const P = 'docs/features/001-test/design.md';
const extract = (text: string) => extractEndpoints(docContext(text, { path: P }));
const brief = (text: string) => extract(text).map((e) => [e.method, e.path, e.source.line, e.summary]);

describe('request blocks under a title heading', () => {
  test('technical-design: **Request:** block whose first line is the request line', () => {
    const eps = extract(md(
      '## API Contracts', //           1
      '', //                           2
      '### Create Booking', //         3
      '', //                           4
      '**Request:**', //               5
      '```', //                        6
      'POST /api/bookings/{id}', //    7
      '{', //                          8
      '  "seats": 2', //               9
      '}', //                         10
      '```', //                       11
      '', //                          12
      '**Response:**', //             13
      '```', //                       14
      '{ "id": "b1" }', //            15
      '```', //                       16
      '', //                          17
      '**Error Cases:**', //          18
      '- Seat taken: 409 - {"error": "taken"}', // 19
      '', //                          20
      '## State Management', //       21
      '', //                          22
      '**Response:**', //             23
      '```', //                       24
      '{ "unrelated": true }', //     25
      '```', //                       26
    ));
    expect(eps).toEqual([{
      method: 'POST', path: '/api/bookings/{id}', query: [], auth: 'unspecified', request: null,
      requestExample: { language: '', code: '{\n  "seats": 2\n}', line: 8 },
      responses: [
        // POST to a path ending in a {param}: the status-less response is 200.
        { status: 200, schema: null, description: null, example: { language: '', code: '{ "id": "b1" }', line: 15 } },
        { status: 409, schema: null, description: 'Seat taken', example: null },
      ],
      summary: 'Create Booking', source: { path: P, line: 7 },
    }]);
  });

  test('```http fences: request line with HTTP version, query string, headers before the body', () => {
    const eps = extract(md(
      '### Inventario', //                                             1
      '#### 1. Listar Movimientos', //                                 2
      '```http', //                                                    3
      'GET /api/movimientos?productId={id}&limit=100 HTTP/1.1', //     4
      '```', //                                                        5
      '**Query Parameters:**', //                                      6
      '- `limit` (opcional): Límite (default: 100)', //                7
      '- `offset` (opcional): Offset (default: 0)', //                 8
      '', //                                                           9
      '#### 2. Crear Movimiento', //                                  10
      '```http', //                                                   11
      'POST /api/movimientos', //                                     12
      'Content-Type: application/json', //                            13
      'Authorization: Bearer x', //                                   14
      '', //                                                          15
      '{"quantity": 1}', //                                           16
      '```', //                                                       17
      '**Response:** Movimiento creado', //                           18
    ));
    expect(eps.map((e) => [e.method, e.path, e.source.line, e.summary])).toEqual([
      ['GET', '/api/movimientos', 4, 'Listar Movimientos'],
      ['POST', '/api/movimientos', 12, 'Crear Movimiento'],
    ]);
    expect(eps[0]!.query).toEqual([
      { name: 'productId', type: null, default: null },
      { name: 'limit', type: 'integer', default: '100' },
      { name: 'offset', type: 'integer', default: '0' },
    ]);
    expect(eps[1]!.requestExample).toEqual({ language: 'http', code: '{"quantity": 1}', line: 16 });
    expect(eps[1]!.responses).toEqual([{ status: 201, schema: null, description: 'Movimiento creado', example: null }]);
  });

  test('a request block of the endpoint already open only gives its example', () => {
    const eps = extract(md(
      '### POST /api/x', //  1
      '```http', //          2
      'POST /api/x', //      3
      '', //                 4
      '{"a": 1}', //         5
      '```', //              6
    ));
    expect(eps.map((e) => [e.path, e.source.line, e.requestExample?.line])).toEqual([['/api/x', 1, 5]]);
  });

  test('**Endpoint**: label under a title heading', () => {
    expect(brief(md(
      '### Cancel Order', //                           1
      '', //                                           2
      '**Endpoint**: `POST /api/orders/:id/cancel`', // 3
      '**Auth**: required', //                         4
    ))).toEqual([['POST', '/api/orders/{id}/cancel', 3, 'Cancel Order']]);
  });
});

describe('reference blocks (feature-guide)', () => {
  test('column-0 request lines with indented Request/Response parts', () => {
    const eps = extract(md(
      '## API Reference', //                  1
      '```yaml', //                           2
      'POST /api/v1/feature', //              3
      '  Auth: Required', //                  4
      '  Request: FeatureInput', //           5
      '    - data: object (required)', //     6
      '  Response 202:', //                   7
      '    - result: object', //              8
      '  Errors:', //                         9
      '    - 409 Conflict', //               10
      '', //                                 11
      'GET /api/v1/feature/{id}', //         12
      '  Query: expand (bool, default false)', // 13
      '  Response:', //                      14
      '    - data: object', //               15
      '```', //                              16
    ));
    expect(eps).toEqual([
      {
        method: 'POST', path: '/api/v1/feature', query: [], auth: 'required', request: 'FeatureInput', requestExample: null,
        responses: [{ status: 202, schema: null, description: null, example: null }, { status: 409, schema: null, description: 'Conflict', example: null }],
        summary: null, source: { path: P, line: 3 },
      },
      {
        method: 'GET', path: '/api/v1/feature/{id}', query: [{ name: 'expand', type: 'boolean', default: 'false' }], auth: 'unspecified',
        request: null, requestExample: null, responses: [{ status: 200, schema: null, description: null, example: null }],
        summary: null, source: { path: P, line: 12 },
      },
    ]);
  });

  test('structured YAML specs, even when the YAML is not valid', () => {
    const eps = extract(md(
      '### POST /api/v1/appointments', //     1
      '', //                                  2
      '```yaml', //                           3
      'method: POST', //                      4
      'path: /api/v1/appointments', //        5
      'description: Create an appointment', // 6
      'authentication:', //                   7
      '  required: true', //                  8
      'request:', //                          9
      '  query_params:', //                  10
      '    branch_id:', //                   11
      '      type: uuid', //                 12
      '    days:', //                        13
      '      type: integer', //              14
      '      default: 7', //                 15
      '  body:', //                          16
      '    status: "a" | "b"', //            17
      'response:', //                        18
      '  success:', //                       19
      '    status: 201', //                  20
      '    body:', //                        21
      '      message: string', //            22
      '  errors:', //                        23
      '    - status: 400', //                24
      '      message: "Slot taken"', //      25
      '    - status: 400', //                26
      '      message: "Past date"', //       27
      '```', //                              28
      '', //                                 29
      '```yaml', //                          30
      'method: DELETE', //                   31
      'path: /api/v1/appointments/{id}', //  32
      'authentication:', //                  33
      '  required: false', //                34
      '```', //                              35
    ));
    expect(eps).toEqual([
      {
        method: 'POST', path: '/api/v1/appointments', auth: 'required', request: null, requestExample: null,
        query: [{ name: 'branch_id', type: 'uuid', default: null }, { name: 'days', type: 'integer', default: '7' }],
        responses: [{ status: 201, schema: null, description: null, example: null }, { status: 400, schema: null, description: 'Slot taken', example: null }],
        summary: 'Create an appointment', source: { path: P, line: 1 },
      },
      {
        method: 'DELETE', path: '/api/v1/appointments/{id}', query: [], auth: 'none', request: null, requestExample: null,
        responses: [], summary: null, source: { path: P, line: 31 },
      },
    ]);
  });
});

describe('listing lines in code blocks and curl commands', () => {
  test('code lines starting with METHOD /path, with comments, bullets or box drawing before them', () => {
    expect(brief(md(
      '```python', //                               1
      '# Stocks API', //                            2
      'POST /api/stocks - 新增股票', //              3
      'DELETE /api/stocks/{stock_id} - 刪除股票', // 4
      '```', //                                     5
      '```', //                                     6
      '│  │  - GET /activity-logs/:id (get single)     │ │', // 7
      '// PATCH /api/x: rename', //                 8
      'see GET /api/y for details', //              9
      '```', //                                    10
    ))).toEqual([
      ['POST', '/api/stocks', 3, '新增股票'],
      ['DELETE', '/api/stocks/{stock_id}', 4, '刪除股票'],
      ['GET', '/activity-logs/{id}', 7, 'get single'],
      ['PATCH', '/api/x', 8, 'rename'],
      ['GET', '/api/y', 9, null],
    ]);
  });

  test('curl: method from -X, GET without it, POST when it sends data; host stripped; continuation lines', () => {
    expect(brief(md(
      '```bash', //                                                      1
      'curl -s http://localhost:8080/admin/providers', //                2
      'curl -s -X PUT http://localhost:8080/admin/providers/<id> \\', //  3
      "  -d '{}'", //                                                    4
      'curl http://localhost:8080/api/things \\', //                     5
      "  --data '{\"a\": 1}'", //                                       6
      'NEW_ID=$(curl -s -X POST http://localhost:8080/admin/providers/$NEW_ID/validate)', // 7
      '```', //                                                          8
      '', //                                                             9
      '1. Validate: `curl -X POST http://localhost:8080/admin/providers/<id>/validate`', // 10
    ))).toEqual([
      ['GET', '/admin/providers', 2, null],
      ['PUT', '/admin/providers/{id}', 3, null],
      ['POST', '/api/things', 5, null],
      ['POST', '/admin/providers/{NEW_ID}/validate', 7, null],
    ]);
  });
});
