import { describe, expect, test } from 'vitest';
import { extractEndpoints } from '../../../src/model/extract/endpoints.js';
import { EndpointSchema } from '../../../src/model/schema.js';
import { docContext, md } from '../../helpers.js';

const P = 'docs/features/001-test/design.md';
const extract = (text: string) => extractEndpoints(docContext(text, { path: P }));
const brief = (text: string) => extract(text).map((e) => [e.method, e.path, e.source.line, e.summary, e.auth]);

describe('bullets', () => {
  test('bold, code and plain forms with their purpose', () => {
    expect(brief(md(
      '### API Endpoints', //                                             1
      '- **POST /api/x** - Create an x', //                              2
      '- `GET /api/x` — List *all* x', //                                3
      '- GET /api/x/:id: Read one', //                                   4
      '  - `DELETE /api/x/:id`', //                                      5
      '- [ ] T021 Implement `PUT /api/x/{id}` endpoint with audit', //   6
      '- **Authentication**', //                                         7
      '  - `POST /api/auth/signup`', //                                  8
    ))).toEqual([
      ['POST', '/api/x', 2, 'Create an x', 'unspecified'],
      ['GET', '/api/x', 3, 'List all x', 'unspecified'],
      ['GET', '/api/x/{id}', 4, 'Read one', 'unspecified'],
      ['DELETE', '/api/x/{id}', 5, null, 'unspecified'],
      ['PUT', '/api/x/{id}', 6, null, 'unspecified'],
      ['POST', '/api/auth/signup', 8, null, 'unspecified'],
    ]);
  });

  test('path-only headings followed by method bullets and their sub-bullets', () => {
    const eps = extract(md(
      '## API Endpoints', //                                          1
      '### `/people`', //                                             2
      '- GET - retrieve list of people', //                           3
      '  - param: `search` - optional search, 3 or more characters', // 4
      '  - param: `exact_match` - flag (default is false)', //        5
      '  - authz: open to all authenticated users', //                6
      '### `/people/{uuid}`', //                                      7
      '- GET - retrieve one person', //                               8
      '- PATCH - update an existing person', //                       9
      '  - data: `email` as string (optional)', //                   10
      '  - authz: public', //                                        11
      '### GET response as list', //                                 12
      '- GET - not under a path heading', //                         13
    ));
    expect(eps.map((e) => [e.method, e.path, e.source.line, e.summary, e.auth, e.query])).toEqual([
      ['GET', '/people', 3, 'retrieve list of people', 'required', [
        { name: 'search', type: null, default: null }, { name: 'exact_match', type: 'boolean', default: 'false' },
      ]],
      ['GET', '/people/{uuid}', 8, 'retrieve one person', 'unspecified', []],
      ['PATCH', '/people/{uuid}', 9, 'update an existing person', 'none', []],
    ]);
  });
});

describe('tables listing endpoints', () => {
  test('Method and Path columns with Description and Auth; cells starting with METHOD /path', () => {
    expect(brief(md(
      '| Method | Path | Description | Auth | Roles |', //          1
      '|--------|------|-------------|------|-------|', //          2
      '| POST | `/api/v1/auth/invite` | Send invitation | Yes | Owner |', // 3
      '| get | `/api/v1/auth/invitations` | List invitations | No | - |', //  4
      '| FETCH | `/api/v1/nothing` | not a method | Yes | - |', //   5
      '| POST | not a path | x | Yes | - |', //                      6
      '', //                                                          7
      '| Endpoint | Purpose | Used By |', //                        8
      '|---|---|---|', //                                            9
      '| `GET /health` | Process is running | livenessProbe |', //  10
      '| see `GET /ready` | Probe | x |', //                        11
    ))).toEqual([
      ['POST', '/api/v1/auth/invite', 3, 'Send invitation', 'required'],
      ['GET', '/api/v1/auth/invitations', 4, 'List invitations', 'none'],
      ['GET', '/health', 10, 'Process is running', 'unspecified'],
      ['GET', '/ready', 11, null, 'unspecified'],
    ]);
  });
});

describe('one endpoint per method and path', () => {
  const doc = md(
    '# Orders', //                                                             1
    '', //                                                                     2
    'The client calls `GET /api/orders/{id}` and then POST /api/orders.', //  3
    '', //                                                                     4
    '| Method | Path | Description | Auth |', //                              5
    '|---|---|---|---|', //                                                    6
    '| POST | /api/orders | Create an order | Yes |', //                       7
    '| GET | /api/orders/:orderId | Read an order | Yes |', //                 8
    '', //                                                                     9
    '### POST /api/orders', //                                                10
    '**Response 201**: `Order`', //                                           11
    '', //                                                                    12
    '### GET /api/orders/{id}', //                                            13
    '**Auth**: optional', //                                                  14
    '', //                                                                    15
    '```bash', //                                                             16
    'curl http://localhost:3000/api/orders/ord-42', //                        17
    'curl http://localhost:3000/api/orders/recent', //                        18
    '```', //                                                                 19
    '- [ ] T9 Wire GET /api/orders/recent and `DELETE /api/orders/{id}`', //  20
  );

  test('the definition gives the line and its values; listings fill what it leaves empty; mentions add only unknown endpoints', () => {
    const eps = extract(doc);
    expect(eps.map((e) => [e.method, e.path, e.source.line, e.summary, e.auth, e.responses.map((r) => r.status)])).toEqual([
      // listed in the table with :orderId, an instance of {id}: joins the definition
      ['POST', '/api/orders', 10, 'Create an order', 'required', [201]],
      ['GET', '/api/orders/{id}', 13, 'Read an order', 'optional', []],
      ['GET', '/api/orders/recent', 18, null, 'unspecified', []],
      ['DELETE', '/api/orders/{id}', 20, null, 'unspecified', []],
    ]);
    expect(eps[0]!.responses[0]!.schema).toBe('Order');
  });

  test('a parameter of another name in a listing is the same endpoint, only when no definition names it exactly', () => {
    expect(brief(md(
      '- `GET /a/:id` - first', //   1
      '- `GET /a/<key>` - second', // 2
      '### GET /a/{slug}', //         3
    ))).toEqual([['GET', '/a/{slug}', 3, 'first', 'unspecified']]);
  });

  test('every endpoint validates against the model schema', () => {
    for (const e of extract(doc)) expect(EndpointSchema.safeParse(e).success).toBe(true);
  });
});

describe('robustness', () => {
  test('malformed content is skipped without throwing or reporting', () => {
    const ctx = docContext(md(
      '### POST /api/x', //                       1
      '| Aspect | Detail |', //                   2
      '|---|---|', //                             3
      '| Response abc |', //                      4
      '| | |', //                                 5
      '| Response 999 | x |', //                 6
      '', //                                      7
      '**Response** (200 OK):', //               8
      '```json', //                               9
      '{ "broken": ', //                         10
      '```', //                                  11
      '**Error Responses**:', //                 12
      '- `', //                                  13
      '- 4xx: whatever', //                      14
      '', //                                     15
      '```yaml', //                              16
      'method: FETCH', //                        17
      'path: nowhere', //                        18
      '```', //                                  19
      'GET / and POST http://host/ are not endpoints', // 20
      '```', //                                  21
      'unclosed fence GET /api/y', //            22
    ), { path: P });
    const before = ctx.diagnostics.length;
    const eps = extractEndpoints(ctx);
    expect(ctx.diagnostics.filter((d) => d.rule === 'endpoints-extract')).toEqual([]);
    expect(ctx.diagnostics.length).toBe(before);
    expect(eps.map((e) => [e.method, e.path, e.source.line, e.responses.map((r) => [r.status, r.example?.code ?? null])])).toEqual([
      // `| Response abc |` documents a status-less response: it joins the 200 response.
      ['POST', '/api/x', 1, [[200, '{ "broken": ']]],
      ['GET', '/api/y', 22, []],
    ]);
  });

  test('an empty document has no endpoints', () => {
    expect(extract('')).toEqual([]);
  });
});
