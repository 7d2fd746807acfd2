/**
 * Endpoints written inside code blocks:
 * - request blocks: the first line is `POST /api/x` (or `GET /x HTTP/1.1`), then headers and a body;
 * - reference blocks (feature-guide): `POST /api/v1/x` at the start of a line followed by
 *   indented `Request:` / `Response:` parts;
 * - listing lines: `POST /api/stocks - purpose`, `# GET /x`, `│ - GET /x (get single) │`.
 */
import type { CodeBlock } from '../../../markdown/types.js';
import type { Example, HttpMethod } from '../../schema.js';
import { applyLabel, applyListed, type Pending } from './apply.js';
import { addResponse, candidate, RANK, setSummary, SUMMARY, type Candidate } from './candidate.js';
import { readLabel } from './labels.js';
import { normalizePath, type PathOptions } from './normalize.js';
import { findMentions } from './scan.js';
import { exampleOf } from './values.js';

/** File line of the i-th line of a code block. */
export const codeLine = (block: CodeBlock, i: number) => (block.fenced ? block.line + 1 : block.line) + i;

/**
 * Lines of the blocks of the document being read (the readers ask for the same blocks several times).
 * Kept only while one document is read (see forgetCodeLines), so that no document keeps its lines.
 */
const LINES = new Map<CodeBlock, { code: string; lines: readonly string[] }>();

/** The lines of a block's code (its final newline dropped); never mutate them. */
export const codeLines = (block: CodeBlock): readonly string[] => {
  const hit = LINES.get(block);
  if (hit && hit.code === block.code) return hit.lines;
  const lines = block.code.replace(/\n$/, '').split('\n');
  if (LINES.size >= 512) LINES.clear();
  LINES.set(block, { code: block.code, lines });
  return lines;
};

/** Drop the cached lines (the endpoint extractor calls it when a document is done). */
export function forgetCodeLines(): void {
  LINES.clear();
}

export interface RequestLine {
  method: HttpMethod;
  rawPath: string;
  /** Index of the request line in the block. */
  index: number;
}

/** The request line of a request block: its first non-blank line is only `METHOD /path [HTTP/x]`. */
export function requestLine(block: CodeBlock): RequestLine | null {
  const lines = codeLines(block);
  const i = lines.findIndex((l) => l.trim() !== '');
  if (i < 0) return null;
  const line = lines[i]!;
  const m = findMentions(line)[0];
  if (!m || line.slice(0, m.index).trim() !== '' || !/^\s*(HTTP\/[\d.]+)?\s*$/.test(line.slice(m.end))) return null;
  return { method: m.method, rawPath: m.rawPath, index: i };
}

/** The body of a request block: after the request line and its `Header: value` lines. */
export function requestBody(block: CodeBlock, req: RequestLine): Example | null {
  const lines = codeLines(block);
  let i = req.index + 1;
  while (i < lines.length && /^[A-Za-z][\w-]*:\s/.test(lines[i]!) && !/^\s*[{[]/.test(lines[i]!)) i++;
  return exampleOf(block, i);
}

const indent = (s: string) => s.length - s.trimStart().length;
/** Markup that may precede a listed endpoint on a code line: comments, bullets, numbering, box drawing. */
const LINE_PREFIX = /^[\s#/>*•│├└┌┐┘┤|+-]*(?:\d+[.)]\s+)?[\s-]*$/u;

/** Clean the text written after a listed endpoint into a summary. */
export function restSummary(rest: string): string | null {
  const t = rest.replace(/[\s│┃|┘┐┤]+$/u, '').replace(/\s+/g, ' ').trim()
    .replace(/^(?:HTTP\/[\d.]+\s*)/, '').replace(/^(?:[-–—:#]|\/\/)+\s*/, '').replace(/^\((.*)\)$/, '$1').trim();
  return t || null;
}

/** Reference-block definitions and listing lines of one code block. */
export function readCodeLines(block: CodeBlock, opts: PathOptions): Candidate[] {
  const out: Candidate[] = [];
  if (!block.code.includes('/')) return out; // every endpoint line has a path
  const lines = codeLines(block);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = findMentions(line)[0];
    if (!m || !LINE_PREFIX.test(line.slice(0, m.index))) continue;
    const norm = normalizePath(m.rawPath, opts);
    if (!norm) continue;
    const rest = line.slice(m.end);
    let next = i + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    const base = indent(line);
    const isReference = next < lines.length && indent(lines[next]!) > base && /^\s*(#.*)?$/.test(rest)
      && readLabel(lines[next]!.trim()) !== null;
    const c = candidate(m.method, norm.path, codeLine(block, i), isReference ? RANK.definition : RANK.listing, norm.query);
    setSummary(c, restSummary(rest), SUMMARY.paragraph);
    out.push(c);
    if (!isReference) continue;
    let pending: Pending = null;
    for (i = next; i < lines.length && (lines[i]!.trim() === '' || indent(lines[i]!) > base); i++) {
      const part = lines[i]!.trim();
      if (!part) continue;
      const label = /^[-*]\s/.test(part) ? null : readLabel(part);
      if (!label) {
        applyListed(c, pending, part.replace(/^[-*]\s+/, ''));
        continue;
      }
      pending = applyLabel(c, label);
      // A Response part documents the response even when it only lists fields.
      if (label.kind === 'response') addResponse(c, { status: label.status, schema: null, description: null, example: null });
    }
    i--;
  }
  return out;
}

/** Each curl command of a block with its first line (continuation lines joined). */
export function curlCommands(block: CodeBlock): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  if (!block.code.includes('curl')) return out;
  const lines = codeLines(block);
  for (let i = 0; i < lines.length; i++) {
    if (!/\bcurl\s/.test(lines[i]!)) continue;
    let text = lines[i]!;
    let j = i;
    while (/\\\s*$/.test(lines[j]!) && j + 1 < lines.length) text += ' ' + lines[++j]!;
    out.push({ text, index: i });
    i = j;
  }
  return out;
}
