import { describe, expect, test } from 'vitest';
import { extractEndpoints } from '../../../src/model/extract/endpoints.js';
import { docContext, md } from '../../helpers.js';

const P = 'docs/features/001-test/design.md';
const extract = (text: string) => extractEndpoints(docContext(text, { path: P }));
const r = (status: number, schema: string | null = null, description: string | null = null) => ({ status, schema, description, example: null });

describe('endpoint headings with aspect tables', () => {
  const doc = md(
    '# Widgets Design', //                                   1
    '', //                                                   2
    '## API Endpoints', //                                   3
    '', //                                                   4
    '### 1. `POST /api/v1/widgets`', //                      5
    '| Aspect | Detail |', //                                6
    '|--------|--------|', //                                7
    '| Auth | Public |', //                                  8
    '| Description | Create a **widget** |', //              9
    '| Request | `WidgetCreate` |', //                      10
    '| Response | Widget |', //                             11
    '| Response 422 | ValidationError |', //                12
    '| broken row |', //                                    13
    '', //                                                  14
    '#### POST /api/v1/widgets/{id}/archive (Updated)', //  15
    '| Aspect | Detail |', //                               16
    '|---|---|', //                                         17
    '| Auth | Optional |', //                               18
    '| Response | Widget |', //                            19
    '', //                                                  20
    '## GET /api/v1/widgets (paginated listing)', //       21
    '', //                                                 22
    '| Aspect | Detail |', //                              23
    '|---|---|', //                                        24
    '| Auth | None |', //                                  25
    '| Query Params | page (int, default 1), q (str), sort=name |', // 26
    '| Summary | List widgets |', //                      27
    '| Response 200 | Page[Widget] |', //                 28
    '', //                                                 29
    '## SSE /api/v1/widgets/{id}/events', //             30
    '', //                                                 31
  );

  test('numbered and backticked headings, suffixes, implicit success status, query params, summary', () => {
    expect(extract(doc)).toEqual([
      {
        method: 'POST', path: '/api/v1/widgets', query: [], auth: 'none', request: 'WidgetCreate', requestExample: null,
        responses: [r(201, 'Widget'), r(422, 'ValidationError')], summary: 'Create a widget', source: { path: P, line: 5 },
      },
      {
        method: 'POST', path: '/api/v1/widgets/{id}/archive', query: [], auth: 'optional', request: null, requestExample: null,
        // The brief's rule: a POST whose path does not end in a {param} is a POST to a collection (201).
        responses: [r(201, 'Widget')], summary: null, source: { path: P, line: 15 },
      },
      {
        method: 'GET', path: '/api/v1/widgets', auth: 'none', request: null, requestExample: null,
        query: [{ name: 'page', type: 'integer', default: '1' }, { name: 'q', type: 'string', default: null }, { name: 'sort', type: 'string', default: 'name' }],
        responses: [r(200, 'Page[Widget]')], summary: 'List widgets', source: { path: P, line: 21 },
      },
      {
        method: 'GET', path: '/api/v1/widgets/{id}/events', query: [], auth: 'unspecified', request: null, requestExample: null,
        responses: [], summary: null, source: { path: P, line: 30 },
      },
    ]);
  });

  test('a heading suffix that is not a decoration is the summary; the first paragraph beats it', () => {
    const eps = extract(md(
      '## POST /api/queue/jobs (manifest submission shortcut)', // 1
      '## GET /api/players/find-game', //                          2
      '', //                                                       3
      'Find active game for a nickname.', //                       4
      '', //                                                       5
      '**Query Parameters**:', //                                 6
      '- `nickname`: string (required)', //                       7
      '- `limit` (optional): max results (default: 10)', //      8
    ));
    expect(eps.map((e) => [e.method, e.path, e.summary, e.source.line])).toEqual([
      ['POST', '/api/queue/jobs', 'manifest submission shortcut', 1],
      ['GET', '/api/players/find-game', 'Find active game for a nickname.', 2],
    ]);
    expect(eps[1]!.query).toEqual([{ name: 'nickname', type: 'string', default: null }, { name: 'limit', type: 'integer', default: '10' }]);
  });
});

describe('endpoint headings with bold label lines', () => {
  const doc = md(
    '## API Contracts', //                                  1
    '', //                                                  2
    '#### `POST /api/feature/action`', //                   3
    '**Description**: Run the *action*', //                4
    '', //                                                  5
    '**Authentication**: Required (Bearer token)', //       6
    '', //                                                  7
    '**Request**: `ActionRequest`', //                     8
    '```json', //                                           9
    '{ "a": 1, }', //                                      10
    '```', //                                              11
    '', //                                                 12
    '**Response** (200 OK):', //                           13
    '```json', //                                          14
    '{ "ok": true }', //                                   15
    '```', //                                              16
    '', //                                                 17
    '**Error Responses**:', //                             18
    '- `400 Bad Request`: Invalid input parameters', //    19
    '- `401 Unauthorized`', //                             20
    '- not a status', //                                   21
    '', //                                                 22
    '**Error Cases:**', //                                 23
    '- Missing action: 404 - {"error": "not found"}', //   24
    '- [Error condition]: [HTTP status] - [Error response]', // 25
    '', //                                                 26
    '#### `GET /api/feature/resource/:id`', //             27
    '', //                                                 28
    '- **Description**: Read one resource.', //            29
    '- **Response 200**:', //                              30
    '```typescript', //                                    31
    'interface ResourceResponse { id: string }', //        32
    '```', //                                              33
    '', //                                                 34
    '| Status | Description |', //                        35
    '|---|---|', //                                        36
    '| 404 Not Found | No such resource |', //            37
    '| 200 | Found |', //                                 38
    '', //                                                 39
    '#### `DELETE /api/feature/resource/:id`', //          40
    '', //                                                 41
    '**Responses:**', //                                   42
    '', //                                                 43
    '| Code | Condition | Body |', //                     44
    '|------|-----------|------|', //                     45
    '| 204 | Deleted | (empty) |', //                     46
    '| 409 | In use | `ErrorResponse` with details |', // 47
    '', //                                                 48
    '**Response:** `Deletion`', //                         49
  );

  test('labels, examples, error lists and status tables fill the endpoint', () => {
    const [post, get, del, ...rest] = extract(doc);
    expect(rest).toEqual([]);
    expect(post).toEqual({
      method: 'POST', path: '/api/feature/action', query: [], auth: 'required', request: 'ActionRequest',
      requestExample: { language: 'json', code: '{ "a": 1, }', line: 10 },
      responses: [
        { status: 200, schema: null, description: null, example: { language: 'json', code: '{ "ok": true }', line: 15 } },
        r(400, null, 'Invalid input parameters'),
        r(401, null, 'Unauthorized'),
        r(404, null, 'Missing action'),
      ],
      summary: 'Run the action', source: { path: P, line: 3 },
    });
    expect(get).toEqual({
      method: 'GET', path: '/api/feature/resource/{id}', query: [], auth: 'unspecified', request: null, requestExample: null,
      responses: [
        { status: 200, schema: 'ResourceResponse', description: 'Found', example: { language: 'typescript', code: 'interface ResourceResponse { id: string }', line: 32 } },
        r(404, null, 'No such resource'),
      ],
      summary: 'Read one resource.', source: { path: P, line: 27 },
    });
    // The status-less response joins the documented 2xx response.
    expect(del!.responses).toEqual([r(204, 'Deletion', 'Deleted'), r(409, 'ErrorResponse', 'In use')]);
  });

  test('sub-headings named like labels introduce examples', () => {
    const eps = extract(md(
      '### PUT /api/items/{id}', //  1
      '#### Request Body', //        2
      '```json', //                  3
      '{"name": "x"}', //            4
      '```', //                      5
      '#### Response (202 Accepted)', // 6
      '```json', //                  7
      '{"queued": true}', //         8
      '```', //                      9
      '### Notes', //                10
      '```json', //                  11
      '{"unrelated": true}', //      12
      '```', //                      13
    ));
    expect(eps).toEqual([{
      method: 'PUT', path: '/api/items/{id}', query: [], auth: 'unspecified', request: null,
      requestExample: { language: 'json', code: '{"name": "x"}', line: 4 },
      responses: [{ status: 202, schema: null, description: null, example: { language: 'json', code: '{"queued": true}', line: 8 } }],
      summary: null, source: { path: P, line: 1 },
    }]);
  });
});
