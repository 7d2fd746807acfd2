/** The pure pieces of the runtime: checks, limits, routing, subjects, TTLs, schema diffs and SQL. */
import { describe, expect, it } from 'vitest';
import { parseTtl } from '../../src/runtime/auth.js';
import { featureLimits, readLimit, routeLimit, DEFAULT_LIMIT } from '../../src/runtime/limits.js';
import { createMetrics } from '../../src/runtime/metrics.js';
import { RateLimiter } from '../../src/runtime/rate-limit.js';
import { Router } from '../../src/runtime/router.js';
import { addedColumns, columnDefinitions, destructiveChanges } from '../../src/runtime/schema-diff.js';
import { withoutTransaction } from '../../src/runtime/migrate.js';
import { isStale, MAX_NAMED_STATEMENTS, onceMoreIfStale, SessionStatements, statementName, textParam } from '../../src/runtime/store/batch.js';
import { ANONYMOUS_ID, subjectId, uuidV5 } from '../../src/runtime/subject.js';
import { columnCheck, fromQueryText } from '../../src/runtime/validate.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import type { Feature } from '../../src/model/schema.js';
import { md } from '../helpers.js';

describe('column checks', () => {
  it('accept what the column type holds and explain the rest', () => {
    const cases: [string, boolean, unknown, string | null][] = [
      ['uuid', false, '6F1C2A9E-2B7D-4C1E-9A53-0D2F4B8E7A10', null],
      ['uuid', false, 'x', 'must be a uuid'],
      ['integer', true, null, null],
      ['integer', false, null, 'must not be null'],
      ['integer', false, 2.5, 'must be an integer'],
      ['smallint', false, 40000, 'must be an integer from -32768 to 32767'],
      ['bigint', false, 2 ** 40, null],
      ['numeric(10,2)', false, 1.25, null],
      ['double precision', false, '1', 'must be a number'],
      ['boolean', false, 'true', 'must be true or false'],
      ['timestamp with time zone', false, '2026-11-14T10:20:00Z', null],
      ['timestamp with time zone', false, '2026-11-14T10:20:00.123+01:00', null],
      ['timestamp with time zone', false, '2026-02-30T10:20:00Z', 'must be a date-time (RFC 3339, e.g. 2026-01-31T09:30:00Z)'],
      ['date', false, '2024-02-29', null],
      ['date', false, '2023-02-29', 'must be a date (YYYY-MM-DD)'],
      ['character varying(3)', false, 'abcd', 'must be at most 3 characters'],
      ['text', false, 1, 'must be a string'],
      ['text[]', false, ['a', null], null],
      ['text[]', false, 'a', 'must be an array'],
      ['integer[]', false, [1, 'b'], 'item 1: must be an integer'],
      ['jsonb', false, null, null],
      ['jsonb', false, { any: ['thing'] }, null],
    ];
    expect(cases.map(([type, nullable, v]) => columnCheck(type, nullable)(v))).toEqual(cases.map((c) => c[3]));
  });

  it('read query-string values as the column type', () => {
    expect(fromQueryText('boolean', 'true')).toEqual({ value: true });
    expect(fromQueryText('integer', '12')).toEqual({ value: 12 });
    expect(fromQueryText('integer', '')).toEqual({ error: 'must be an integer' });
    expect(fromQueryText('text[]', 'x')).toEqual({ value: 'x' });
    expect(fromQueryText('uuid', 'nope')).toEqual({ error: 'must be a uuid' });
  });
});

describe('rate limits from Security sections', () => {
  it('read a number, a window and whether only writes count', () => {
    expect(readLimit('120 requests per minute per account on write endpoints', 'a.md:3')).toEqual({ max: 120, windowMs: 60_000, writesOnly: true, origin: 'a.md:3' });
    expect(readLimit('**Rate Limiting**: 60 subscription changes per minute per account', 'b.md:9')).toEqual({ max: 60, windowMs: 60_000, writesOnly: true, origin: 'b.md:9' });
    expect(readLimit('Limit: 1,000 requests/hour per user', 'c.md:1')).toEqual({ max: 1000, windowMs: 3_600_000, writesOnly: false, origin: 'c.md:1' });
    expect(readLimit('Passwords are hashed with 12 rounds', 'd.md:1')).toBeNull();
  });

  it('find them in a feature\'s Security section and pick one per route', () => {
    const doc = parseMarkdown(md('# Design', '', '## Overview', '- 9 requests per second is not a limit here', '', '## Security Considerations', '', '### API Security', '- 5 requests per minute per user', '- 2 writes per minute per user'), 'docs/features/001-x/design.md').doc;
    const feature = { docs: [{ path: 'docs/features/001-x/design.md' }] } as unknown as Feature;
    const limits = featureLimits(feature, new Map([['docs/features/001-x/design.md', { doc }]]));
    expect(limits).toEqual([
      { max: 5, windowMs: 60_000, writesOnly: false, origin: 'docs/features/001-x/design.md:9' },
      { max: 2, windowMs: 60_000, writesOnly: true, origin: 'docs/features/001-x/design.md:10' },
    ]);
    expect(routeLimit(limits, 'GET').max).toBe(5);
    expect(routeLimit(limits, 'PATCH').max).toBe(2);
    expect(routeLimit([], 'GET')).toEqual(DEFAULT_LIMIT);
  });

  it('count per key in fixed windows', () => {
    const l = new RateLimiter();
    expect([1, 2, 3].map(() => l.hit('k', 2, 1000, 0).allowed)).toEqual([true, true, false]);
    expect(l.hit('other', 2, 1000, 0)).toEqual({ allowed: true, limit: 2, remaining: 1, resetMs: 1000 });
    expect(l.hit('k', 2, 1000, 999)).toEqual({ allowed: false, limit: 2, remaining: 0, resetMs: 1 });
    expect(l.hit('k', 2, 1000, 1000).allowed).toBe(true);
  });
});

describe('router', () => {
  const r = new Router([
    { method: 'GET', path: '/api/v1/notes', value: 'list' },
    { method: 'GET', path: '/api/v1/notes/{id}', value: 'get' },
    { method: 'GET', path: '/api/v1/notes/search', value: 'search' },
    { method: 'POST', path: '/api/v1/notes/:id/archive', value: 'archive' },
  ]);
  it('matches static paths before parameters, decodes segments and says which methods a path allows', () => {
    expect(r.find('GET', '/api/v1/notes?page=2')).toEqual({ value: 'list', params: {} });
    expect(r.find('GET', '/api/v1/notes/')).toEqual({ value: 'list', params: {} });
    expect(r.find('GET', '/api/v1/notes/search')).toEqual({ value: 'search', params: {} });
    expect(r.find('GET', '/api/v1/notes/a%20b')).toEqual({ value: 'get', params: { id: 'a b' } });
    expect(r.find('POST', '/api/v1/notes/7/archive')).toEqual({ value: 'archive', params: { id: '7' } });
    expect(r.find('DELETE', '/api/v1/notes')).toEqual({ allowed: ['GET'] });
    expect(r.find('GET', '/api/v1/other')).toBeNull();
    expect(r.find('GET', '/api/v1/notes/%E0%A4%A')).toBeNull();
  });
});

describe('subjects and token lifetimes', () => {
  it('map subjects to owner ids: uuids as they are, names to uuid v5', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(subjectId('0B7E5C3A-8F21-4D6E-B2A4-5C9D1E3F7A62')).toBe('0b7e5c3a-8f21-4d6e-b2a4-5c9d1e3f7a62');
    expect(subjectId('alice')).toBe(uuidV5('urn:featspec:sub:alice'));
    expect(subjectId('alice')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('read durations', () => {
    expect(['90s', '15m', '1h', '7d', '30', '0h', 'soon'].map(parseTtl)).toEqual([90, 900, 3600, 604800, 30, null, null]);
  });
});

describe('schema changes', () => {
  it('find destructive changes and the statements that carry them out', () => {
    const before = { notes: { id: 'uuid', body: 'text', rating: 'integer' }, old: { id: 'uuid' } };
    const after = { notes: { id: 'uuid', rating: 'text', color: 'text' } };
    expect(destructiveChanges(before, after)).toEqual([
      { message: 'column notes.body is gone (its values would be dropped)', sql: 'ALTER TABLE notes DROP COLUMN IF EXISTS body CASCADE' },
      { message: 'column notes.rating changes type from integer to text', sql: 'ALTER TABLE notes ALTER COLUMN rating TYPE text USING rating::text' },
      { message: 'table old is gone (its rows would be dropped)', sql: 'DROP TABLE IF EXISTS old CASCADE' },
    ]);
    expect(destructiveChanges(before, { ...before, notes: { ...before.notes, extra: 'text' } })).toEqual([]);
  });

  it('add new columns of existing tables as schema.sql defines them, foreign keys after schema.sql', () => {
    const sql = 'BEGIN;\nCREATE TABLE IF NOT EXISTS notes (\n  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n  -- a comment\n  color text NOT NULL DEFAULT \'yellow\',\n  board_id uuid REFERENCES boards (id)\n);\nCOMMIT;\n';
    expect(columnDefinitions(sql).get('notes')).toEqual(new Map([['id', 'id uuid PRIMARY KEY DEFAULT gen_random_uuid()'], ['color', "color text NOT NULL DEFAULT 'yellow'"], ['board_id', 'board_id uuid REFERENCES boards (id)']]));
    expect(addedColumns({ notes: { id: 'uuid' } }, { notes: { id: 'uuid', color: 'text', board_id: 'uuid' }, boards: { id: 'uuid' } }, sql)).toEqual({
      before: ["ALTER TABLE notes ADD COLUMN IF NOT EXISTS color text NOT NULL DEFAULT 'yellow'", 'ALTER TABLE notes ADD COLUMN IF NOT EXISTS board_id uuid'],
      after: ['ALTER TABLE notes ADD FOREIGN KEY (board_id) REFERENCES boards (id)'],
    });
    expect(withoutTransaction(sql)).toBe(sql.replace('BEGIN;', '').replace('COMMIT;', ''));
  });
});

describe('request batches (store/batch.ts)', () => {
  it('write parameters in PostgreSQL text format', () => {
    expect([null, undefined, 'x', 3, 2.5, 10n, false].map(textParam)).toEqual([null, null, 'x', '3', '2.5', '10', 'false']);
    expect(textParam(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(textParam(['a', 'b "c"', 'd\\e', null, ['f']])).toBe('{"a","b \\"c\\"","d\\\\e",NULL,{"f"}}');
    expect(textParam({ k: [1] })).toBe('{"k":[1]}');
    expect(textParam(new Uint8Array([1, 255]))).toBe('\\x01ff');
  });

  it('parse a statement until a batch that parsed it succeeds, and again after a stale-statement error', () => {
    const session = new SessionStatements();
    const ctx = { userId: ANONYMOUS_ID, role: 'user' };
    const sql = 'SELECT 1 AS unit_batch_probe';
    const first = session.batch(ctx, sql, []);
    expect(first.map((s) => s.parse)).toEqual([true, true]);
    expect(first[1]!.name).toBe(statementName(sql));
    expect(first[1]!.name).toMatch(/^featspec_\d+$/);
    session.settle(first, Object.assign(new Error('boom'), { code: '23505' }));
    expect(session.batch(ctx, sql, []).map((s) => s.parse)).toEqual([true, true]);
    session.settle(first, null);
    const held = session.batch(ctx, sql, [1]);
    expect(held.map((s) => s.parse)).toEqual([false, false]);
    expect(held[1]!.values).toEqual(['1']);
    session.settle(held, Object.assign(new Error('cached plan must not change result type'), { code: '0A000' }));
    expect(session.batch(ctx, sql, []).map((s) => s.parse)).toEqual([true, true]);
    expect(isStale({ code: '26000' })).toBe(true);
    expect(isStale(null)).toBe(false);
  });

  it('a batch that failed on a stale prepared statement runs once more, and only once; other errors are not retried', async () => {
    const stale = () => Object.assign(new Error('prepared statement "s1" does not exist'), { code: '26000' });
    let calls = 0;
    expect(await onceMoreIfStale(async () => (++calls === 1 ? Promise.reject(stale()) : 'rows'))).toBe('rows');
    expect(calls).toBe(2);
    calls = 0;
    await expect(onceMoreIfStale(async () => (++calls, Promise.reject(stale())))).rejects.toMatchObject({ code: '26000' });
    expect(calls).toBe(2);
    calls = 0;
    await expect(onceMoreIfStale(async () => (++calls, Promise.reject(Object.assign(new Error('duplicate key'), { code: '23505' }))))).rejects.toMatchObject({ code: '23505' });
    expect(calls).toBe(1);
  });

  it(`name at most ${MAX_NAMED_STATEMENTS} distinct statements; later ones run unnamed`, () => {
    for (let i = 0; i <= MAX_NAMED_STATEMENTS; i++) statementName(`SELECT ${i} AS unit_many`);
    const unnamed = new SessionStatements().batch({ userId: ANONYMOUS_ID, role: 'user' }, 'SELECT 1 AS unit_one_too_many', []);
    expect(unnamed[1]).toMatchObject({ name: '', parse: true });
  });
});

describe('request metrics', () => {
  it('count requests and bucket their durations in Prometheus text format, label values escaped', async () => {
    const m = createMetrics();
    m.observe('GET', '/a/{id}', 200, 0.0008);
    m.observe('GET', '/a/{id}', 200, 0.02);
    m.observe('GET', '/a/{id}', 404, 3);
    m.observe('POST', 'we"ird\\route', 201, 0.004);
    const text = await m.text();
    expect(text).toContain('featspec_requests_total{method="GET",route="/a/{id}",status="200"} 2\n');
    expect(text).toContain('featspec_requests_total{method="GET",route="/a/{id}",status="404"} 1\n');
    expect(text).toContain('featspec_requests_total{method="POST",route="we\\"ird\\\\route",status="201"} 1\n');
    expect(text).toContain('featspec_request_duration_seconds_bucket{le="0.001",method="GET",route="/a/{id}"} 1\n');
    expect(text).toContain('featspec_request_duration_seconds_bucket{le="0.025",method="GET",route="/a/{id}"} 2\n');
    expect(text).toContain('featspec_request_duration_seconds_bucket{le="2.5",method="GET",route="/a/{id}"} 2\n');
    expect(text).toContain('featspec_request_duration_seconds_bucket{le="+Inf",method="GET",route="/a/{id}"} 3\n');
    expect(text).toContain('featspec_request_duration_seconds_count{method="GET",route="/a/{id}"} 3\n');
    expect(text).toMatch(/featspec_request_duration_seconds_sum\{method="GET",route="\/a\/\{id\}"\} 3\.0208/);
    expect(text).toContain('# TYPE featspec_process_cpu_user_seconds_total counter');
  });
});
