/**
 * Label lines inside an endpoint description: `**Authentication**: Required (Bearer token)`,
 * `**Response** (200 OK):`, `- **Response 201**:`, `**Error Cases:**`, `Request:` (plain, in
 * reference blocks), `| Response 201 | Schema |` (aspect table rows use the same vocabulary).
 */
import { replaceParenthesized } from '../../../util/text.js';

export type LabelKind = 'summary' | 'auth' | 'request' | 'response' | 'errors' | 'query' | 'param' | 'endpoint' | 'other';

export interface Label {
  kind: LabelKind;
  /** HTTP status written in the label (`Response 201`, `Response (404 Not Found)`), or null. */
  status: number | null;
  /** Raw text after the label and its separator. */
  value: string;
}

const KINDS: [LabelKind, RegExp][] = [
  ['summary', /^(description|summary|purpose|what it does|descripcion|descripción|beschreibung)$/],
  ['auth', /^(auth|authentication|authorization|authz|auth required|authentication required|requires auth|autenticacion|autenticación)$/],
  ['request', /^(request|request body|body|payload|request payload|request schema|request example|input|solicitud)$/],
  ['response', /^(response|responses|success response|successful response|response body|response schema|response example|returns|output|success|respuesta)$/],
  ['errors', /^(error responses|error response|errors|error cases|error codes|failure responses|errores)$/],
  ['query', /^(query|query params|query parameters|query string|params|parameters|url parameters|parametros|parámetros)$/],
  ['param', /^(param|query param|query parameter)$/],
  ['endpoint', /^(endpoint|route|url|http|api)$/],
];

/** The label vocabulary: which kind a label name is, with the status it carries. */
export function classifyLabel(name: string, qualifier = ''): { kind: LabelKind; status: number | null } | null {
  const key = `${name}\u0000${qualifier}`;
  let hit = CLASSIFIED.get(key);
  if (hit === undefined) {
    hit = classify(name, qualifier);
    if (CLASSIFIED.size >= 20_000) CLASSIFIED.clear();
    CLASSIFIED.set(key, hit);
  }
  return hit && { kind: hit.kind, status: hit.status };
}

/** classifyLabel is pure and documents repeat their labels: memoized (bounded). */
const CLASSIFIED = new Map<string, { kind: LabelKind; status: number | null } | null>();

function classify(name: string, qualifier: string): { kind: LabelKind; status: number | null } | null {
  const words = replaceParenthesized(name.toLowerCase(), ' ').replace(/\b[1-5]\d\d\b/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const status = statusIn(`${name} ${qualifier}`);
  for (const [kind, re] of KINDS) {
    if (!re.test(words)) continue;
    if (kind === 'errors' && status !== null) return { kind: 'response', status };
    return { kind, status: kind === 'response' ? status : null };
  }
  return null;
}

/** The first HTTP status (100-599) written as a separate number, or null. */
export function statusIn(text: string): number | null {
  const m = /(?<![\w.])([1-5]\d\d)(?![\w.])/.exec(text);
  return m ? Number(m[1]) : null;
}

const BOLD = /^\s*(\*\*|__)(.+?)\1(.*)$/s;
const BOLD_START = /^\s*(?:\*\*|__)/;
const PLAIN_START = /^\s*[A-Za-z]/;
const PLAIN = /^\s*([A-Za-z][A-Za-z ]{0,40}?)\s*(\([^)]*\)|[1-5]\d\d)?\s*:\s*(.*)$/s;

/**
 * Read a label line. Bold labels of any name are labels (unknown names give kind `other`, which
 * ends what the previous label introduced); plain `Name:` lines count only for known names.
 */
export function readLabel(raw: string): Label | null {
  // BOLD starts with `**` or `__`; PLAIN starts with a letter and has a colon.
  const b = BOLD_START.test(raw) ? BOLD.exec(raw) : null;
  if (b) {
    let inner = b[2]!.trim();
    const colonInside = inner.endsWith(':');
    if (colonInside) inner = inner.slice(0, -1).trim();
    const after = /^\s*(\(([^)]*)\))?\s*([:\-–—])?\s*(.*)$/s.exec(b[3]!)!;
    const qualifier = after[2] ?? '';
    const sep = colonInside || !!after[3] || after[4]!.trim() === '';
    if (!sep || !/^[\p{L}][\p{L}\p{N} ()/&'.-]*$/u.test(inner) || /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|SSE)\s/.test(inner)) return null;
    const c = classifyLabel(inner, qualifier);
    return { kind: c?.kind ?? 'other', status: c?.status ?? null, value: after[4]!.trim() };
  }
  if (!raw.includes(':') || !PLAIN_START.test(raw)) return null;
  const p = PLAIN.exec(raw);
  if (!p) return null;
  const c = classifyLabel(p[1]!, p[2] ?? '');
  return c ? { kind: c.kind, status: c.status, value: p[3]!.trim() } : null;
}
