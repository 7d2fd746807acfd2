/**
 * One endpoint per method and path in a document. Candidates are taken strongest first
 * (definition, listing, mention; then document order): the first of a group gives the source line
 * and its values, the others fill what it leaves empty. A listing or mention whose path is an
 * instance of a known endpoint's path (`/products/prod-123` of `/products/{id}`, `{NEW_ID}` of
 * `{id}`) joins that endpoint instead of adding one.
 */
import type { Endpoint } from '../../schema.js';
import { addQuery, addResponse, RANK, setAuth, setSummary, type Candidate, type ResponseInfo } from './candidate.js';
import { pathInstanceOf } from './normalize.js';
import type { DocContext } from '../context.js';
import { source } from '../context.js';

export function mergeCandidates(all: Candidate[]): Candidate[] {
  const sorted = [...all].sort((a, b) => b.rank - a.rank || a.line - b.line);
  const groups: Candidate[] = [];
  // One group per method and path; an instance path has as many segments as its template, so the
  // groups an instance may join are looked up by method and segment count (in the order they came).
  // (Scanning every group made a document of thousands of endpoints quadratic.)
  const exact = new Map<string, Candidate>();
  const bySegments = new Map<string, Candidate[]>();
  const shapeOf = (c: Candidate) => `${c.method} ${c.path.split('/').length}`;
  for (const c of sorted) {
    const g = exact.get(`${c.method} ${c.path}`)
      ?? (c.rank < RANK.definition ? bySegments.get(shapeOf(c))?.find((x) => pathInstanceOf(c.path, x.path)) : undefined);
    if (!g) {
      const group = { ...c, query: c.query.map((q) => ({ ...q })), responses: c.responses.map((r) => ({ ...r })) };
      groups.push(group);
      exact.set(`${c.method} ${c.path}`, group);
      const shape = shapeOf(c);
      const same = bySegments.get(shape);
      if (same) same.push(group);
      else bySegments.set(shape, [group]);
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

/**
 * The success response written without a status joins the lowest documented 2xx response, or
 * becomes 201 for a POST to a collection (a path not ending in a `{param}`) and 200 otherwise.
 */
export function resolveResponses(c: Candidate): Endpoint['responses'] {
  const explicit: ResponseInfo[] = c.responses.filter((r) => r.status !== null);
  const implicit = c.responses.find((r) => r.status === null);
  if (implicit) {
    const ok = explicit.filter((r) => r.status! >= 200 && r.status! < 300).sort((a, b) => a.status! - b.status!)[0];
    const status = ok?.status ?? (c.method === 'POST' && !/\/\{[^}]*\}$/.test(c.path) ? 201 : 200);
    const holder: Candidate = { ...c, responses: explicit };
    addResponse(holder, { ...implicit, status });
    return finish(holder.responses);
  }
  return finish(explicit);
}

function finish(rs: ResponseInfo[]): Endpoint['responses'] {
  return rs
    .map((r) => ({ status: r.status!, schema: r.schema, description: r.description, example: r.example }))
    .sort((a, b) => a.status - b.status);
}

export function toEndpoint(ctx: DocContext, c: Candidate): Endpoint {
  return {
    method: c.method, path: c.path, query: c.query.map((q) => ({ ...q })), auth: c.auth, request: c.request,
    requestExample: c.requestExample, responses: resolveResponses(c), summary: c.summary, source: source(ctx, c.line),
  };
}
