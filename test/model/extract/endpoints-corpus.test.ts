/**
 * Every `METHOD /path` written in a corpus document is one of the endpoints extracted from that
 * document. The scan here is deliberately simple and independent of the extractor: a regular
 * expression over the raw lines. Only the normalization (host, query string, `:id` -> `{id}`) is
 * shared, so that both sides name the same endpoint the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractEndpoints } from '../../../src/model/extract/endpoints.js';
import { normalizePath, pathInstanceOf } from '../../../src/model/extract/endpoints/normalize.js';
import { EndpointSchema, type Endpoint } from '../../../src/model/schema.js';
import { docContext, SHARED } from '../../helpers.js';

const CORPUS = new URL('corpus/', SHARED);
const FOLDERS = ['A', 'B', 'C', 'D', 'E'];
const files = existsSync(CORPUS)
  ? FOLDERS.flatMap((d) => readdirSync(new URL(`${d}/`, CORPUS)).filter((f) => f.endsWith('.md')).map((f) => `${d}/${f}`))
  : [];

const SCAN = /\b(GET|POST|PUT|PATCH|DELETE)\s+`?((?:https?:\/\/[^\s/`]+)?\/[^\s`'"|*\\]+)/g;

interface Occurrence { line: number; method: string; path: string }

function scan(text: string): Occurrence[] {
  const lines = text.split(/\r?\n/);
  const template = /\[[^\]]+\]/.test(lines.find((l) => /^# /.test(l)) ?? '');
  const out: Occurrence[] = [];
  let comment = false;
  lines.forEach((l, i) => {
    // HTML comments hold template instructions, not the design: the extractor does not read them.
    if (/<!--/.test(l)) comment = true;
    const inComment = comment;
    if (/-->/.test(l)) comment = false;
    if (inComment) return;
    for (const m of l.matchAll(SCAN)) {
      const norm = normalizePath(m[2]!, { template });
      if (norm && norm.path !== '/') out.push({ line: i + 1, method: m[1]!, path: norm.path });
    }
  });
  return out;
}

const covers = (eps: Endpoint[], o: Occurrence) =>
  eps.some((e) => e.method === o.method && (e.path === o.path || pathInstanceOf(o.path, e.path)));

function extract(file: string) {
  const ctx = docContext(readFileSync(new URL(file, CORPUS), 'utf8'), { path: file });
  return { endpoints: extractEndpoints(ctx), diagnostics: ctx.diagnostics };
}

describe.skipIf(files.length === 0)('endpoints in the corpus', () => {
  test('the corpus has endpoints to check', () => {
    const total = files.reduce((n, f) => n + scan(readFileSync(new URL(f, CORPUS), 'utf8')).length, 0);
    expect(total).toBeGreaterThan(120);
  });

  test.each(files)('%s: every METHOD /path written is extracted; nothing throws', (file) => {
    const { endpoints, diagnostics } = extract(file);
    expect(diagnostics.filter((d) => d.rule === 'endpoints-extract')).toEqual([]);
    for (const e of endpoints) expect(EndpointSchema.safeParse(e).success).toBe(true);
    const missing = scan(readFileSync(new URL(file, CORPUS), 'utf8')).filter((o) => !covers(endpoints, o));
    expect(missing).toEqual([]);
    // One endpoint per method and path.
    const keys = endpoints.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('endpoint counts of the documents that define endpoints', () => {
    const count = (f: string) => extract(files.find((x) => x.includes(f))!).endpoints.length;
    expect(count('manifests-api')).toBe(6);
    expect(count('avalon_2')).toBe(7);
    expect(count('FEATURE-0.2')).toBe(14);
    expect(count('FEATURE-3.1')).toBe(9);
    expect(count('fabric-core-api')).toBe(8);
    expect(count('notification-service__reference')).toBe(12);
    expect(count('notification-service__operations')).toBe(9);
    expect(count('INVENTARIO')).toBe(10);
    expect(count('17-supabase-backend-plan')).toBe(10);
    expect(count('customer-account-management__design')).toBe(17);
    expect(count('stock-analysis-platform__design')).toBe(9);
  });

  test('details read from real documents', () => {
    const get = (f: string, method: string, path: string) =>
      extract(files.find((x) => x.includes(f))!).endpoints.find((e) => e.method === method && e.path === path)!;
    expect(get('avalon_2', 'GET', '/api/rooms/{code}')).toMatchObject({ summary: 'Add connection status to player list.', source: { line: 189 } });
    expect(get('avalon_2', 'POST', '/api/players/register')).toMatchObject({ request: 'RegisterRequest', source: { line: 10 } });
    expect(get('avalon_2', 'POST', '/api/players/register').responses.map((r) => [r.status, r.schema])).toEqual([
      [201, 'RegisterResponse'], [400, 'ValidationErrorResponse'], [409, 'RegisterErrorResponse'],
    ]);
    expect(get('manifests-api', 'GET', '/api/queue/jobs/{job_id}/events/stream').source.line).toBe(89);
    expect(get('manifests-api', 'POST', '/api/manifests/{name}/runs').responses.map((r) => [r.status, r.example?.line])).toEqual([[202, 65]]);
    expect(get('FEATURE-0.2', 'POST', '/api/v1/auth/login')).toMatchObject({ auth: 'none', summary: 'User login', source: { line: 170 } });
    expect(get('FEATURE-0.2', 'POST', '/api/v1/auth/logout')).toMatchObject({ auth: 'required', summary: 'User logout', source: { line: 43 } });
    expect(get('notification-service__reference', 'DELETE', '/admin/providers/{id}').responses.map((r) => [r.status, r.schema, r.description]))
      .toEqual([[204, null, 'Deleted'], [404, 'ErrorResponse', 'Not found']]);
    expect(get('INVENTARIO', 'GET', '/api/inventario/movimientos')).toMatchObject({ summary: 'Listar Movimientos de Stock', source: { line: 105 } });
    expect(get('INVENTARIO', 'POST', '/api/inventario/productos/{id}/ajuste').source.line).toBe(211);
    expect(get('fabric-core-api', 'PATCH', '/people/{uuid}')).toMatchObject({ summary: 'update an existing person', auth: 'required', source: { line: 25 } });
  });
});
