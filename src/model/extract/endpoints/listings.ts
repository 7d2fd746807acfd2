/**
 * Endpoints listed without details: bullets (`- **POST /api/x** - purpose`, `` - `GET /x` — purpose ``,
 * `- GET /x: purpose`), lines starting with `METHOD /path`, overview table rows and listing lines
 * of code blocks; structured YAML specs and reference blocks come from code blocks too.
 */
import { plainText } from '../../../markdown/inline.js';
import { candidate, RANK, setSummary, SUMMARY, type Candidate } from './candidate.js';
import { readCodeLines, restSummary } from './code.js';
import { eventLines, type Event } from './events.js';
import { normalizePath, type PathOptions } from './normalize.js';
import { findMentions } from './scan.js';
import { readSpecBlock } from './spec.js';
import { readOverviewTable } from './tables.js';

/** A line that starts with `METHOD /path` (markup allowed before it): the endpoint and its purpose. */
export function listedLine(raw: string, line: number, opts: PathOptions): Candidate | null {
  const m = findMentions(raw)[0];
  if (!m || !/^[\s*_`>]*$/.test(raw.slice(0, m.index))) return null;
  const norm = normalizePath(m.rawPath, opts);
  if (!norm) return null;
  const c = candidate(m.method, norm.path, line, RANK.listing, norm.query);
  setSummary(c, restSummary(plainText(raw.slice(m.end).replace(/^[`*_]+/, ''))), SUMMARY.paragraph);
  return c;
}

export function readListings(evs: Event[], opts: PathOptions): Candidate[] {
  const out: Candidate[] = [];
  const push = (c: Candidate | null) => {
    if (c) out.push(c);
  };
  for (const e of evs) {
    // A listed endpoint has a path: texts without a `/` list none.
    if (e.kind === 'item') {
      if (e.text.includes('/')) push(listedLine(e.text.replace(/\n/g, ' '), e.line, opts));
    } else if (e.kind === 'paragraph') {
      if (e.text.includes('/')) for (const l of eventLines(e)) push(listedLine(l.text, l.line, opts));
    }
    else if (e.kind === 'table') out.push(...readOverviewTable(e.block, opts));
    else if (e.kind === 'code') {
      push(readSpecBlock(e.block, opts));
      out.push(...readCodeLines(e.block, opts));
    }
  }
  return out;
}
