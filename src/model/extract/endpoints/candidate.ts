/**
 * An endpoint as one place of the document describes it. Several candidates of one document
 * (a heading definition, an overview table row, a prose mention) merge into one Endpoint.
 */
import type { Endpoint, Example, HttpMethod } from '../../schema.js';
import type { QueryParam } from './normalize.js';

export type Auth = Endpoint['auth'];

export interface ResponseInfo {
  /** null: the success response written without a status (resolved when the endpoint is complete). */
  status: number | null;
  schema: string | null;
  description: string | null;
  example: Example | null;
}

/** How much a candidate says: a definition (heading, request block, reference block) wins over a listing, which wins over a mention. */
export const RANK = { mention: 0, listing: 1, definition: 2 } as const;
export type Rank = (typeof RANK)[keyof typeof RANK];

/** How sure a summary is: a Description label beats the first paragraph, which beats the heading text. */
export const SUMMARY = { heading: 1, paragraph: 2, label: 3 } as const;

export interface Candidate {
  method: HttpMethod;
  path: string;
  query: QueryParam[];
  auth: Auth;
  request: string | null;
  requestExample: Example | null;
  responses: ResponseInfo[];
  summary: string | null;
  summaryWeight: number;
  line: number;
  rank: Rank;
}

export function candidate(method: HttpMethod, path: string, line: number, rank: Rank, query: QueryParam[] = []): Candidate {
  const c: Candidate = {
    method, path, query: [], auth: 'unspecified', request: null, requestExample: null, responses: [],
    summary: null, summaryWeight: 0, line, rank,
  };
  for (const q of query) addQuery(c, q);
  return c;
}

export function setSummary(c: Candidate, text: string | null, weight: number): void {
  const t = text?.trim();
  if (!t || weight <= c.summaryWeight) return;
  c.summary = t;
  c.summaryWeight = weight;
}

export function setAuth(c: Candidate, auth: Auth): void {
  if (c.auth === 'unspecified') c.auth = auth;
}

/** Add a query parameter; a parameter already known keeps its values and gains the missing ones. */
export function addQuery(c: Candidate, q: QueryParam): void {
  const old = c.query.find((x) => x.name === q.name);
  if (!old) {
    c.query.push({ ...q });
    return;
  }
  old.type ??= q.type;
  old.default ??= q.default;
}

/** Add a response; a status already documented keeps its values and gains the missing ones. */
export function addResponse(c: Candidate, r: ResponseInfo): ResponseInfo {
  const old = c.responses.find((x) => x.status === r.status);
  if (!old) {
    const copy = { ...r };
    c.responses.push(copy);
    return copy;
  }
  old.schema ??= r.schema;
  old.description ??= r.description;
  old.example ??= r.example;
  return old;
}
