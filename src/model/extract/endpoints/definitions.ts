/**
 * Endpoint definitions read in document order, with the details written in their scope:
 * - headings naming an endpoint (`### POST /api/x`, `### 1. POST /x (Updated)`, `` #### `GET /x` ``,
 *   `## SSE /x`); the scope ends at the next heading of the same or a higher level;
 * - request blocks (`**Request:**` or ```http whose first line is `POST /api/x`) under a title
 *   heading (`### [Endpoint Name]`, `#### 1. Listar Movimientos`), which gives the summary;
 * - `**Endpoint**: POST /x` label lines under a title heading;
 * - path-only headings (`` ### `/people/{uuid}` ``) followed by method bullets (`- GET - purpose`).
 * In a scope, label lines (`**Authentication**:`, `**Response** (200 OK):`, `**Error Responses**:`,
 * `**Query Parameters**:`), sub-headings with the same names, aspect and status tables, and the
 * code blocks and lists that follow a label fill the endpoint.
 */
import { plainText } from '../../../markdown/inline.js';
import type { CodeBlock } from '../../../markdown/types.js';
import { applyCode, applyLabel, applyListed, type Pending } from './apply.js';
import { candidate, RANK, setSummary, SUMMARY, type Candidate } from './candidate.js';
import { requestBody, requestLine, restSummary } from './code.js';
import type { Event } from './events.js';
import { eventLines } from './events.js';
import { classifyLabel, readLabel, type Label } from './labels.js';
import { normalizeMethod, normalizePath, type PathOptions } from './normalize.js';
import { findMentions } from './scan.js';
import { readAspectTable, readStatusTable } from './tables.js';

interface Open {
  c: Candidate;
  /** A heading of this level or higher ends the scope. */
  endLevel: number;
  /** For a method bullet: a list item at this depth or shallower ends the scope. */
  itemDepth: number | null;
  /** Nothing but the heading has been read yet (the first paragraph is then the summary). */
  fresh: boolean;
}

const DECORATION = /^(updated|new|deprecated|changed|modified|existing|optional|internal|v\d+)$/i;
/** A paragraph that is only a template placeholder (`[Same structure as above]`) says nothing about the endpoint. */
const PLACEHOLDER = /^\[[^\]]*\]\.?$/;
const METHOD_BULLET = /^[\s*_`]*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|SSE)[*_`]*\s*(?:(?:[-–—:]|$)\s*([\s\S]*))?$/;

/** The title of a heading without its numbering: `1. Listar Movimientos` -> `Listar Movimientos`. */
const cleanTitle = (title: string) => title.replace(/^\s*(?:\d+(?:\.\d+)*[.):]?|[A-Za-z][.)])\s+/, '').trim();

export function readDefinitions(evs: Event[], opts: PathOptions): Candidate[] {
  const out: Candidate[] = [];
  let open: Open | null = null;
  let pending: Pending = null;
  let title: { text: string; level: number; endpoint: boolean } | null = null;
  let pathHeading: { path: string; level: number } | null = null;

  const start = (c: Candidate, endLevel: number, itemDepth: number | null = null, fresh = false) => {
    out.push(c);
    open = { c, endLevel, itemDepth, fresh };
    pending = null;
  };
  /** An endpoint written under a title heading: the title is its summary (a Description label still wins). */
  const underTitle = (c: Candidate) => {
    if (title && !title.endpoint) setSummary(c, cleanTitle(title.text), SUMMARY.heading);
    start(c, title?.level ?? 0);
  };
  const label = (l: Label, line: number) => {
    if (l.kind === 'endpoint') {
      const m = findMentions(l.value)[0];
      const norm = m ? normalizePath(m.rawPath, opts) : null;
      if (m && norm && !(open && open.c.method === m.method && open.c.path === norm.path)) {
        underTitle(candidate(m.method, norm.path, line, RANK.definition, norm.query));
        return;
      }
    }
    if (open) {
      open.fresh = false;
      pending = applyLabel(open.c, l);
    } else pending = l.kind === 'request' ? { kind: 'request' } : null;
  };
  const code = (block: CodeBlock) => {
    const req = requestLine(block);
    const norm = req ? normalizePath(req.rawPath, opts) : null;
    if (req && norm) {
      const cur: Open | null = open;
      if (cur && cur.c.method === req.method && cur.c.path === norm.path) {
        cur.c.requestExample ??= requestBody(block, req);
        pending = null;
        return;
      }
      if (block.lang === 'http' || block.lang === 'rest' || pending?.kind === 'request') {
        const c = candidate(req.method, norm.path, (block.fenced ? block.line + 1 : block.line) + req.index, RANK.definition, norm.query);
        c.requestExample = requestBody(block, req);
        underTitle(c);
        return;
      }
    }
    if (open) applyCode(open.c, pending, block);
    pending = null;
  };

  for (const e of evs) {
    const cur = open as Open | null;
    switch (e.kind) {
      case 'heading': {
        pending = null;
        if (cur && (cur.itemDepth !== null || e.level <= cur.endLevel)) open = null;
        if (pathHeading && e.level <= pathHeading.level) pathHeading = null;
        const m = findMentions(e.raw)[0];
        const norm = m ? normalizePath(m.rawPath, opts) : null;
        title = { text: e.title, level: e.level, endpoint: !!norm };
        if (m && norm) {
          const c = candidate(m.method, norm.path, e.line, RANK.definition, norm.query);
          const rest = restSummary(plainText(e.raw.slice(m.end).replace(/^[`*_]+/, '')));
          if (rest && !DECORATION.test(rest)) setSummary(c, rest, SUMMARY.heading);
          start(c, e.level, null, true);
        } else if (/^\/\S*$/.test(cleanTitle(e.title))) {
          const p = normalizePath(cleanTitle(e.title), opts);
          if (p) pathHeading = { path: p.path, level: e.level };
        } else if (open) {
          const l = classifyLabel(e.title);
          if (l) label({ ...l, value: '' }, e.line);
        }
        break;
      }
      case 'paragraph': {
        const lines = eventLines(e);
        const first = readLabel(lines[0]!.text);
        if (!first && cur?.fresh && cur.itemDepth === null && !PLACEHOLDER.test(e.text.trim())) setSummary(cur.c, plainText(e.text), SUMMARY.paragraph);
        if (cur) cur.fresh = false;
        for (let k = 0; k < lines.length; k++) {
          const lab = k === 0 ? first : readLabel(lines[k]!.text);
          if (lab) label(lab, lines[k]!.line);
        }
        break;
      }
      case 'item': {
        if (cur && cur.itemDepth !== null && e.depth <= cur.itemDepth) open = null;
        const mb = pathHeading ? METHOD_BULLET.exec(plainText(e.text.split('\n')[0]!)) : null;
        const method = mb ? normalizeMethod(mb[1]!) : null;
        if (pathHeading && method) {
          const c = candidate(method, pathHeading.path, e.line, RANK.definition);
          setSummary(c, mb![2] ? plainText(mb![2]) : null, SUMMARY.paragraph);
          start(c, pathHeading.level, e.depth);
          break;
        }
        if (cur) cur.fresh = false;
        const lab = readLabel(e.text);
        if (lab) label(lab, e.line);
        else if (open) applyListed((open as Open).c, pending, e.text);
        break;
      }
      case 'code':
        if (cur) cur.fresh = false;
        code(e.block);
        break;
      case 'table':
        if (cur) {
          if (!readAspectTable(e.block, cur.c)) readStatusTable(e.block, cur.c);
          cur.fresh = false;
        }
        pending = null;
        break;
      case 'break':
        pending = null;
        break;
    }
  }
  return out;
}
