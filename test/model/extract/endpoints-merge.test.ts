/**
 * mergeCandidates looks groups up by method and path (and by method and segment count for instance
 * paths) instead of scanning every group per candidate, which made a document of thousands of
 * endpoints quadratic. Property: it merges exactly as the scan did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addQuery, addResponse, candidate, RANK, setAuth, setSummary, type Candidate, type Rank } from '../../../src/model/extract/endpoints/candidate.js';
import { mergeCandidates } from '../../../src/model/extract/endpoints/merge.js';
import { pathInstanceOf } from '../../../src/model/extract/endpoints/normalize.js';
import type { HttpMethod } from '../../../src/model/schema.js';

/** The merge as it was written first: every candidate scans the groups made so far. */
function scanningMerge(all: Candidate[]): Candidate[] {
  const sorted = [...all].sort((a, b) => b.rank - a.rank || a.line - b.line);
  const groups: Candidate[] = [];
  for (const c of sorted) {
    const g = groups.find((x) => x.method === c.method && x.path === c.path)
      ?? (c.rank < RANK.definition ? groups.find((x) => x.method === c.method && pathInstanceOf(c.path, x.path)) : undefined);
    if (!g) {
      groups.push({ ...c, query: c.query.map((q) => ({ ...q })), responses: c.responses.map((r) => ({ ...r })) });
      continue;
    }
    if (!g.summary && c.summary) setSummary(g, c.summary, c.summaryWeight);
    setAuth(g, c.auth);
    g.request ??= c.request;
    g.requestExample ??= c.requestExample;
    for (const q of c.query) addQuery(g, q);
    for (const r of c.responses) addResponse(g, r);
  }
  return groups.sort((a, b) => a.line - b.line);
}

const segment = fc.constantFrom('items', 'users', '{id}', '{userId}', '123', 'prod-123', 'me', '{NEW_ID}', 'v1');
const arbCandidate = fc.record({
  method: fc.constantFrom<HttpMethod>('GET', 'POST', 'DELETE'),
  segments: fc.array(segment, { minLength: 1, maxLength: 4 }),
  line: fc.integer({ min: 1, max: 400 }),
  rank: fc.constantFrom<Rank>(RANK.mention, RANK.listing, RANK.definition),
  summary: fc.option(fc.constantFrom('List items', 'Get one', 'Remove'), { nil: null }),
  status: fc.option(fc.constantFrom(200, 201, 404), { nil: null }),
  auth: fc.constantFrom('required', 'none', 'unspecified' as const),
}).map((r) => {
  const c = candidate(r.method, `/${r.segments.join('/')}`, r.line, r.rank);
  setSummary(c, r.summary, 2);
  setAuth(c, r.auth as Candidate['auth']);
  if (r.status !== null) addResponse(c, { status: r.status, schema: null, description: null, example: null });
  return c;
});

describe('mergeCandidates', () => {
  it('merges exactly as a scan of every group does', () => {
    fc.assert(fc.property(fc.array(arbCandidate, { maxLength: 40 }), (cands) => {
      const copy = () => cands.map((c) => ({ ...c, query: c.query.map((q) => ({ ...q })), responses: c.responses.map((r) => ({ ...r })) }));
      expect(mergeCandidates(copy())).toEqual(scanningMerge(copy()));
    }), { numRuns: 500, seed: 20261206 });
  });

  it('joins an instance path to its template and keeps one endpoint per method and path', () => {
    const merged = mergeCandidates([
      candidate('GET', '/items/{id}', 10, RANK.definition),
      candidate('GET', '/items/prod-123', 20, RANK.mention),
      candidate('GET', '/items/{id}', 30, RANK.listing),
      candidate('POST', '/items/prod-123', 40, RANK.mention),
    ]);
    expect(merged.map((c) => `${c.method} ${c.path} ${c.line}`)).toEqual(['GET /items/{id} 10', 'POST /items/prod-123 40']);
  });
});
