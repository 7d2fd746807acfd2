/**
 * One endpoint per method and path in a document. Candidates are taken strongest first
 * (definition, listing, mention; then document order): the first of a group gives the source line
 * and its values, the others fill what it leaves empty. A listing or mention whose path is an
 * instance of a known endpoint's path (`/products/prod-123` of `/products/{id}`, `{NEW_ID}` of
 * `{id}`) joins that endpoint instead of adding one.
 */
import type { Endpoint } from '../../schema.js';
import { addQuery, addResponse, RANK, setAuth, setSummary, type Candidate, type ResponseInfo } from './candidate.js';
import { isParam, pathInstanceOf } from './normalize.js';
import type { DocContext } from '../context.js';
import { source } from '../context.js';

export function mergeCandidates(all: Candidate[]): Candidate[] {
  const sorted = [...all].sort((a, b) => b.rank - a.rank || a.line - b.line);
  const groups: Candidate[] = [];
  // One group per method and path. An instance path can only join a group whose path has a parameter
  // (a path without one is an instance only of itself); those templates are indexed by method, segment
  // count and the static segments before their first parameter, which the instance must share. The
  // earliest matching template wins, as in a scan of every group (which made long documents quadratic).
  const exact = new Map<string, Candidate>();
  const templates = new Map<string, Candidate[]>();
  /** For a method and segment count, the static prefix lengths that templates have (few: keys are built only for those). */
  const prefixLengths = new Map<string, Set<number>>();
  const order = new Map<Candidate, number>();
  const templateKey = (method: string, segments: string[], staticCount: number) => `${method} ${segments.length} ${segments.slice(0, staticCount).join('/')}`;
  const templateOf = (c: Candidate): Candidate | undefined => {
    const segments = c.path.split('/');
    let best: Candidate | undefined;
    for (const k of prefixLengths.get(`${c.method} ${segments.length}`) ?? []) {
      const match = templates.get(templateKey(c.method, segments, k))?.find((x) => pathInstanceOf(c.path, x.path));
      if (match && (best === undefined || order.get(match)! < order.get(best)!)) best = match;
    }
    return best;
  };
  for (const c of sorted) {
    const g = exact.get(`${c.method} ${c.path}`) ?? (c.rank < RANK.definition ? templateOf(c) : undefined);
    if (!g) {
      const group = { ...c, query: c.query.map((q) => ({ ...q })), responses: c.responses.map((r) => ({ ...r })) };
      order.set(group, groups.length);
      groups.push(group);
      exact.set(`${c.method} ${c.path}`, group);
      const segments = c.path.split('/');
      const firstParam = segments.findIndex(isParam);
      if (firstParam >= 0) {
        const shape = `${c.method} ${segments.length}`;
        const lengths = prefixLengths.get(shape);
        if (lengths) lengths.add(firstParam);
        else prefixLengths.set(shape, new Set([firstParam]));
        const key = templateKey(c.method, segments, firstParam);
        const same = templates.get(key);
        if (same) same.push(group);
        else templates.set(key, [group]);
      }
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
