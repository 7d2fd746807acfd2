/**
 * The HTTP API over a real socket, run against each store: CRUD as designed, validation, auth, owner
 * isolation, pagination, rate limits and the operational endpoints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ServeConfig } from '../../src/runtime/server.js';
import { subjectId, ANONYMOUS_ID } from '../../src/runtime/subject.js';
import { call, EXAMPLES, FIXTURES, SECRET, token } from './helpers.js';

export interface Note {
  id: string;
  owner_id: string;
  title: string;
  body: string | null;
  pinned: boolean;
  rating: number | null;
  tags: string[];
  due: string | null;
  created_at: string;
  updated_at: string;
}
interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { field: string; message: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `where` gives the store part of the configuration (data folder or database URL), or null to skip. */
export function apiSuite(label: string, where: (name: string) => Promise<Pick<ServeConfig, 'dataDir' | 'databaseUrl'> | null>): void {
  const base = (root: string, w: Pick<ServeConfig, 'dataDir' | 'databaseUrl'>): ServeConfig => ({
    root, ...w, host: '127.0.0.1', port: 0, allowDestructive: false, watch: false, cors: { origin: ['http://app.test'] }, bodyLimit: 1024 * 1024,
    defaultRateLimit: 100_000, logLevel: 'silent', env: { FEATSPEC_JWT_SECRET: SECRET },
  });

  describe(`serve API on ${label}: notes fixture`, () => {
    let server: RunningServer | null = null;
    let url = '';
    let alice = '';
    let bob = '';
    beforeAll(async () => {
      const w = await where('notes');
      if (!w) return;
      server = await startServer(base(`${FIXTURES}notes`, w));
      url = server.url;
      alice = await token('alice');
      bob = await token('bob');
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });
    const test = (name: string, fn: () => Promise<void>) => it(name, async (ctx) => {
      if (!server) ctx.skip();
      await fn();
    });
    const create = async (t: string, body: Record<string, unknown>) => {
      const r = await call<Note>(url, 'POST', '/api/v1/notes', { token: t, body });
      expect(r.status).toBe(201);
      return r.body;
    };

    test('create answers 201 with the generated fields and the defaults', async () => {
      const r = await call<Note>(url, 'POST', '/api/v1/notes', { token: alice, body: { title: 'Buy milk', tags: ['home'], due: '2026-12-01' } });
      expect(r.status).toBe(201);
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const n = r.body;
      expect(n.id).toMatch(UUID);
      expect(n).toMatchObject({ owner_id: subjectId('alice'), title: 'Buy milk', body: null, pinned: false, rating: null, tags: ['home'], due: '2026-12-01' });
      expect(Object.keys(n)).toEqual(['id', 'owner_id', 'title', 'body', 'pinned', 'rating', 'tags', 'due', 'created_at', 'updated_at']);
      expect(Date.parse(n.created_at)).toBeGreaterThan(Date.now() - 60_000);
      expect((await call<Note>(url, 'GET', `/api/v1/notes/${n.id}`, { token: alice })).body).toEqual(n);
    });

    test('patch changes the given fields, put replaces the resource, delete answers 204', async () => {
      const n = await create(alice, { title: 'Draft', body: 'text', pinned: true, rating: 2 });
      const patched = await call<Note>(url, 'PATCH', `/api/v1/notes/${n.id}`, { token: alice, body: { rating: 5 } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ id: n.id, title: 'Draft', body: 'text', pinned: true, rating: 5, created_at: n.created_at });
      expect(Date.parse(patched.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(n.updated_at));
      const put = await call<Note>(url, 'PUT', `/api/v1/notes/${n.id}`, { token: alice, body: { title: 'Final' } });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ id: n.id, title: 'Final', body: null, pinned: false, rating: null, tags: [] });
      const del = await call(url, 'DELETE', `/api/v1/notes/${n.id}`, { token: alice });
      expect(del.status).toBe(204);
      expect(del.text).toBe('');
      expect((await call(url, 'GET', `/api/v1/notes/${n.id}`, { token: alice })).status).toBe(404);
      expect((await call(url, 'DELETE', `/api/v1/notes/${n.id}`, { token: alice })).status).toBe(404);
    });

    test('another user\'s row is 404 on read, update, replace and delete, and stays unchanged', async () => {
      const n = await create(alice, { title: 'Secret' });
      for (const [method, body] of [['GET', undefined], ['PATCH', { title: 'mine now' }], ['PUT', { title: 'mine now' }], ['DELETE', undefined]] as const) {
        const r = await call<Problem>(url, method, `/api/v1/notes/${n.id}`, { token: bob, body });
        expect([method, r.status, r.headers.get('content-type'), r.body.detail]).toEqual([method, 404, 'application/problem+json; charset=utf-8', 'Note not found']);
      }
      expect((await call<Note>(url, 'GET', `/api/v1/notes/${n.id}`, { token: alice })).body).toEqual(n);
      const bobs = await call<Page<Note>>(url, 'GET', '/api/v1/notes', { token: bob });
      expect(bobs.body.items.map((x) => x.id)).not.toContain(n.id);
      expect((await call(url, 'GET', '/api/v1/notes/not-a-uuid', { token: alice })).status).toBe(404);
    });

    test('lists page through the caller\'s rows: { items, page, limit, total }, defaults from the design, limit capped at 100', async () => {
      const carol = await token('carol');
      const made: Note[] = [];
      for (let i = 1; i <= 5; i++) made.push(await create(carol, { title: `n${i}`, pinned: i % 2 === 0, tags: i === 3 ? ['x', 'y'] : [] }));
      const p2 = await call<Page<Note>>(url, 'GET', '/api/v1/notes?page=2&limit=2', { token: carol });
      expect(p2.status).toBe(200);
      expect({ ...p2.body, items: p2.body.items.map((x) => x.title) }).toEqual({ items: ['n3', 'n4'], page: 2, limit: 2, total: 5 });
      const all = await call<Page<Note>>(url, 'GET', '/api/v1/notes', { token: carol });
      expect([all.body.page, all.body.limit, all.body.total, all.body.items.map((x) => x.id)]).toEqual([1, 10, 5, made.map((x) => x.id)]);
      expect((await call<Page<Note>>(url, 'GET', '/api/v1/notes?limit=1000', { token: carol })).body.limit).toBe(100);
      expect((await call<Page<Note>>(url, 'GET', '/api/v1/notes?page=9', { token: carol })).body).toEqual({ items: [], page: 9, limit: 10, total: 5 });
      const pinned = await call<Page<Note>>(url, 'GET', '/api/v1/notes?pinned=true', { token: carol });
      expect([pinned.body.total, pinned.body.items.map((x) => x.title)]).toEqual([2, ['n2', 'n4']]);
      expect((await call<Page<Note>>(url, 'GET', '/api/v1/notes?tags=y', { token: carol })).body.items.map((x) => x.title)).toEqual(['n3']);
      const bad = await call<Problem>(url, 'GET', '/api/v1/notes?page=0&limit=x&pinned=maybe', { token: carol });
      expect([bad.status, bad.body.errors]).toEqual([400, [
        { field: 'page', message: 'must be a whole number from 1 to 999999999' },
        { field: 'limit', message: 'must be a whole number from 1 to 999999999' },
        { field: 'pinned', message: 'must be true or false' },
      ]]);
      const huge = await call<Problem>(url, 'GET', '/api/v1/notes?page=1000000000', { token: carol });
      expect([huge.status, huge.body.errors]).toEqual([400, [{ field: 'page', message: 'must be a whole number from 1 to 999999999' }]]);
    });

    test('invalid bodies answer 400 problem+json with one error per field', async () => {
      const r = await call<Problem>(url, 'POST', '/api/v1/notes', {
        token: alice,
        body: { title: 5, rating: 1.5, due: '2026-13-01', tags: ['a', 1], pinned: 'yes', id: '6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10', owner_id: subjectId('bob'), created_at: '2026-01-01T00:00:00Z', color: 'red' },
      });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(r.body).toEqual({
        type: 'urn:featspec:problem:validation-error', title: 'Bad Request', status: 400, detail: '9 fields are invalid', instance: '/api/v1/notes',
        errors: [
          { field: 'title', message: 'must be a string' },
          { field: 'rating', message: 'must be an integer' },
          { field: 'due', message: 'must be a date (YYYY-MM-DD)' },
          { field: 'tags', message: 'item 1: must be a string' },
          { field: 'pinned', message: 'must be true or false' },
          { field: 'id', message: 'is read-only: the server sets it' },
          { field: 'owner_id', message: 'is read-only: the server sets it' },
          { field: 'created_at', message: 'is read-only: the server sets it' },
          { field: 'color', message: 'is not a field of Note' },
        ],
      });
      const missing = await call<Problem>(url, 'POST', '/api/v1/notes', { token: alice, body: { body: 'no title', title: undefined } });
      expect([missing.status, missing.body.detail, missing.body.errors]).toEqual([400, 'title: is required', [{ field: 'title', message: 'is required' }]]);
      const nul = await call<Problem>(url, 'POST', '/api/v1/notes', { token: alice, body: { title: null } });
      expect(nul.body.errors).toEqual([{ field: 'title', message: 'must not be null' }]);
      const arr = await call<Problem>(url, 'POST', '/api/v1/notes', { token: alice, body: [] });
      expect(arr.body.errors).toEqual([{ field: '(body)', message: 'must be a JSON object with the fields of Note' }]);
      const json = await call<Problem>(url, 'POST', '/api/v1/notes', { token: alice, raw: '{"title": ' });
      expect([json.status, json.headers.get('content-type')]).toEqual([400, 'application/problem+json; charset=utf-8']);
      const n = await create(alice, { title: 'ok' });
      const patch = await call<Problem>(url, 'PATCH', `/api/v1/notes/${n.id}`, { token: alice, body: { rating: 3_000_000_000, updated_at: 'x' } });
      expect(patch.body.errors).toEqual([{ field: 'rating', message: 'must be an integer from -2147483648 to 2147483647' }, { field: 'updated_at', message: 'is read-only: the server sets it' }]);
    });

    test('missing, malformed, expired and forged tokens answer 401 with WWW-Authenticate', async () => {
      const missing = await call<Problem>(url, 'GET', '/api/v1/notes');
      expect([missing.status, missing.headers.get('www-authenticate'), missing.headers.get('content-type')]).toEqual([401, 'Bearer realm="featspec"', 'application/problem+json; charset=utf-8']);
      const basic = await call<Problem>(url, 'GET', '/api/v1/notes', { headers: { authorization: 'Basic YTpi' } });
      expect([basic.status, basic.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="featspec", error="invalid_request"']);
      const expired = await call<Problem>(url, 'GET', '/api/v1/notes', { token: await token('alice', { now: new Date(Date.now() - 7200_000), ttlSeconds: 60 }) });
      expect([expired.status, expired.body.detail, expired.headers.get('www-authenticate')]).toEqual([401, 'the token has expired', 'Bearer realm="featspec", error="invalid_token", error_description="the token has expired"']);
      const forged = await call<Problem>(url, 'GET', '/api/v1/notes', { token: await token('alice', { secret: new TextEncoder().encode('another secret of enough length 12345') }) });
      expect([forged.status, forged.body.detail]).toEqual([401, 'the token is invalid']);
      const garbage = await call(url, 'POST', '/api/v1/notes', { token: 'abc.def.ghi', body: { title: 'x' } });
      expect(garbage.status).toBe(401);
    });

    test('a non-uuid subject owns rows under its uuid v5; a uuid subject as is', async () => {
      const id = '0b7e5c3a-8f21-4d6e-b2a4-5c9d1e3f7a62';
      expect((await create(await token(id.toUpperCase()), { title: 'u' })).owner_id).toBe(id);
      expect((await create(await token('auth0|42'), { title: 'v' })).owner_id).toBe(subjectId('auth0|42'));
    });

    test('documented endpoints that are not CRUD answer 501 naming the design file and line', async () => {
      const r = await call<Problem>(url, 'POST', '/api/v1/notes/6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10/archive', { token: alice });
      expect([r.status, r.body.detail]).toEqual([501, 'POST /api/v1/notes/{id}/archive is documented at docs/features/001-notes/design.md:79 but it is not create, list, get, replace, update or delete of a documented resource, so featspec serve does not implement it']);
      expect(server!.table().routes.filter((x) => x.operation === null).map((x) => `${x.method} ${x.path}`)).toEqual(['POST /api/v1/notes/{id}/archive']);
    });

    test('public endpoints run anonymously; the design\'s rate limit answers 429 with Retry-After', async () => {
      const post = await call<{ owner_id: string; text: string }>(url, 'POST', '/api/v1/messages', { body: { text: 'hello' } });
      expect([post.status, post.body.owner_id, post.headers.get('x-ratelimit-limit'), post.headers.get('x-ratelimit-remaining')]).toEqual([201, ANONYMOUS_ID, '3', '2']);
      expect((await call<Page<{ text: string }>>(url, 'GET', '/api/v1/messages')).body.items.map((m) => m.text)).toEqual(['hello']);
      expect((await call(url, 'GET', '/api/v1/messages')).status).toBe(200);
      const limited = await call<Problem>(url, 'GET', '/api/v1/messages');
      expect([limited.status, limited.headers.get('content-type'), limited.body.detail]).toEqual([429, 'application/problem+json; charset=utf-8', expect.stringMatching(/^more than 3 requests per minute \(limit from docs\/features\/002-board\/design\.md:36\); retry in \d+ s$/)]);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect((await call(url, 'GET', '/api/v1/notes', { token: alice })).status).toBe(200);
    });

    test('request ids, health, readiness, metrics, OpenAPI, 404, 405, body limit and CORS', async () => {
      const given = await call(url, 'GET', '/healthz', { headers: { 'x-request-id': 'trace-123' } });
      expect([given.status, given.body, given.headers.get('x-request-id')]).toEqual([200, { status: 'ok' }, 'trace-123']);
      expect((await call(url, 'GET', '/healthz')).headers.get('x-request-id')).toMatch(UUID);
      expect((await call(url, 'GET', '/readyz')).body).toEqual({ status: 'ready', database: server!.store.kind });
      const n = await create(alice, { title: 'metric' });
      await call(url, 'GET', `/api/v1/notes/${n.id}`, { token: alice });
      await call(url, 'GET', '/nowhere');
      const metrics = await call(url, 'GET', '/metrics');
      expect(metrics.text).toContain('featspec_requests_total{method="GET",route="/api/v1/notes/{id}",status="200"}');
      expect(metrics.text).toMatch(/featspec_requests_total\{method="GET",route="\/api\/v1\/notes",status="401"\} [1-9]/);
      expect(metrics.text).toMatch(/featspec_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]/);
      expect(metrics.text).toMatch(/featspec_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/v1\/notes\/\{id\}"\} [1-9]/);
      const openapi = await call<{ openapi: string; paths: Record<string, unknown> }>(url, 'GET', '/openapi.json');
      expect([openapi.body.openapi, Object.keys(openapi.body.paths)]).toEqual(['3.1.0', ['/api/v1/messages', '/api/v1/notes', '/api/v1/notes/{id}', '/api/v1/notes/{id}/archive']]);
      const nope = await call<Problem>(url, 'GET', '/api/v2/nothing');
      expect([nope.status, nope.body.detail]).toEqual([404, 'no route for GET /api/v2/nothing']);
      const wrong = await call<Problem>(url, 'PUT', '/api/v1/notes', { token: alice, body: {} });
      expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET, POST']);
      const big = await call<Problem>(url, 'POST', '/api/v1/notes', { token: alice, body: { title: 'x'.repeat(1024 * 1024 + 10) } });
      expect([big.status, big.headers.get('content-type')]).toEqual([413, 'application/problem+json; charset=utf-8']);
      const text = await call<Problem>(url, 'POST', '/api/v1/notes', { token: alice, raw: 'title=x', headers: { 'content-type': 'text/plain' } });
      expect([text.status, text.headers.get('content-type')]).toEqual([415, 'application/problem+json; charset=utf-8']);
      const head = await fetch(`${url}/api/v1/notes/${n.id}`, { method: 'HEAD', headers: { authorization: `Bearer ${alice}` } });
      expect([head.status, head.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
      const pre = await fetch(`${url}/api/v1/notes`, { method: 'OPTIONS', headers: { origin: 'http://app.test', 'access-control-request-method': 'POST' } });
      expect([pre.status, pre.headers.get('access-control-allow-origin')]).toEqual([204, 'http://app.test']);
      const other = await fetch(`${url}/healthz`, { headers: { origin: 'http://evil.test' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe(`serve API on ${label}: the examples workspace`, () => {
    let server: RunningServer | null = null;
    beforeAll(async () => {
      const w = await where('examples');
      if (w) server = await startServer(base(EXAMPLES, w));
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });

    it('serves collections and bookmarks as designed', async (ctx) => {
      if (!server) ctx.skip();
      const url = server!.url;
      const ann = await token('ann');
      const col = await call<{ id: string; visibility: string; position: number }>(url, 'POST', '/api/v1/collections', { token: ann, body: { name: 'Papers' } });
      expect([col.status, col.body.visibility, col.body.position]).toEqual([201, 'private', 0]);
      const bm = await call<{ id: string; status: string; tags: string[] }>(url, 'POST', '/api/v1/bookmarks', { token: ann, body: { collection_id: col.body.id, url: 'https://example.org/papers/raft', note: 'Read before Thursday', tags: ['consensus', 'papers'] } });
      expect([bm.status, bm.body.status, bm.body.tags]).toEqual([201, 'unread', ['consensus', 'papers']]);
      const done = await call<{ status: string }>(url, 'PATCH', `/api/v1/bookmarks/${bm.body.id}`, { token: ann, body: { status: 'done' } });
      expect([done.status, done.body.status]).toEqual([200, 'done']);
      const list = await call<Page<{ id: string }>>(url, 'GET', `/api/v1/bookmarks?collection_id=${col.body.id}&status=done`, { token: ann });
      expect([list.body.total, list.body.limit, list.body.items.map((b) => b.id)]).toEqual([1, 20, [bm.body.id]]);
      const dangling = await call<Problem>(url, 'POST', '/api/v1/bookmarks', { token: ann, body: { collection_id: '6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10', url: 'https://x.org' } });
      expect([dangling.status, dangling.body.errors]).toEqual([400, [{ field: 'collection_id', message: 'refers to a row that does not exist' }]]);
      const accept = await call<Problem>(url, 'POST', `/api/v1/shares/${bm.body.id}/accept`, { token: ann });
      expect([accept.status, accept.body.detail]).toEqual([501, expect.stringContaining('docs/features/004-sharing/technical-design.md:210')]);
      expect(server!.table().routes.filter((r) => r.operation === null).map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /api/v1/accounts', 'POST /api/v1/sessions', 'DELETE /api/v1/sessions/{id}', 'GET /api/v1/accounts/{id}', 'PATCH /api/v1/accounts/{id}',
        'DELETE /api/v1/accounts/{id}', 'POST /api/v1/shares/{id}/accept',
      ]);
      const unspecified = await call(url, 'GET', '/api/v1/accounts/6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10');
      expect(unspecified.status).toBe(401);
    });
  });
}
