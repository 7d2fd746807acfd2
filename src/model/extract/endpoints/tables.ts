/**
 * Endpoint tables: aspect tables under an endpoint heading (`| Aspect | Detail |`), status tables
 * (`| Code | Condition | Body |`, `| Status | Description |`) and overview tables listing
 * endpoints (`| Method | Path | Description | Auth |` or a cell `GET /health`).
 */
import { plainText } from '../../../markdown/inline.js';
import type { TableBlock } from '../../../markdown/types.js';
import { addQuery, addResponse, candidate, RANK, setAuth, setSummary, SUMMARY, type Candidate } from './candidate.js';
import { classifyLabel, statusIn } from './labels.js';
import { normalizeMethod, normalizePath, type PathOptions } from './normalize.js';
import { findMentions } from './scan.js';
import { parseAuth, readQueryList, schemaName } from './values.js';

const header = (t: TableBlock) => t.header.cells.map((c) => plainText(c.text).toLowerCase().trim());
const col = (names: string[], re: RegExp) => names.findIndex((n) => re.test(n));
const cell = (row: { cells: { text: string }[] }, i: number) => (i >= 0 ? row.cells[i]?.text ?? '' : '');

/** Apply an aspect table to the endpoint it describes; false when the table is not one. */
export function readAspectTable(t: TableBlock, c: Candidate): boolean {
  const names = header(t);
  if (!(names.length === 2 || /^(aspect|property|key|item|attribute|detail|details)$/.test(names[0] ?? ''))) return false;
  let used = false;
  for (const row of t.rows) {
    const name = plainText(cell(row, 0));
    const value = cell(row, 1);
    const label = classifyLabel(name);
    if (!label) continue;
    used = true;
    if (label.kind === 'auth') setAuth(c, parseAuth(value));
    else if (label.kind === 'summary') setSummary(c, plainText(value), SUMMARY.label);
    else if (label.kind === 'request') c.request ??= schemaName(value);
    else if (label.kind === 'query' || label.kind === 'param') for (const q of readQueryList(value)) addQuery(c, q);
    else if (label.kind === 'response') {
      const schema = schemaName(value);
      const text = plainText(value);
      addResponse(c, { status: label.status, schema, description: schema || !text ? null : text, example: null });
    }
  }
  return used;
}

/** Apply a status table (`| Code | Condition | Body |`) to an endpoint; false when the table is not one. */
export function readStatusTable(t: TableBlock, c: Candidate): boolean {
  const names = header(t);
  const s = col(names, /^(code|status|status code|http status|http code|http|código|codigo)$/);
  if (s < 0) return false;
  const d = col(names, /^(condition|description|meaning|when|reason|message|cause|descripción|descripcion)$/);
  const b = col(names, /^(body|response|schema|response body|returns|type|payload)$/);
  let used = false;
  for (const row of t.rows) {
    const status = statusIn(plainText(cell(row, s)));
    if (status === null) continue;
    used = true;
    const desc = plainText(cell(row, d));
    addResponse(c, { status, schema: b >= 0 ? schemaName(cell(row, b)) : null, description: desc || null, example: null });
  }
  return used;
}

/** Endpoints listed by an overview table: a Method column with a Path column, or cells starting with `METHOD /path`. */
export function readOverviewTable(t: TableBlock, opts: PathOptions): Candidate[] {
  const names = header(t);
  const m = col(names, /^(method|verb|http method|http verb|m[eé]t[o]do)$/);
  const p = col(names, /^(path|endpoint|route|url|uri|resource|ruta)$/);
  const d = col(names, /^(description|purpose|summary|notes?|action|usage|use|what|descripción|descripcion)$/);
  const a = col(names, /^(auth|authentication|auth required|requires auth|protected|authorization)$/);
  const out: Candidate[] = [];
  for (const row of t.rows) {
    let c: Candidate | null = null;
    const method = m >= 0 ? normalizeMethod(plainText(cell(row, m))) : null;
    if (method && p >= 0) {
      const path = normalizePath(plainText(cell(row, p)).split(/\s/)[0] ?? '', opts);
      if (path) c = candidate(method, path.path, row.line, RANK.listing, path.query);
    } else {
      for (const x of row.cells) {
        const first = findMentions(x.text)[0];
        const path = first && /^[\s*_`]*$/.test(x.text.slice(0, first.index)) ? normalizePath(first.rawPath, opts) : null;
        if (first && path) {
          c = candidate(first.method, path.path, row.line, RANK.listing, path.query);
          break;
        }
      }
    }
    if (!c) continue;
    if (d >= 0) setSummary(c, plainText(cell(row, d)), SUMMARY.paragraph);
    if (a >= 0) setAuth(c, parseAuth(cell(row, a)));
    out.push(c);
  }
  return out;
}
