/**
 * Recovery for CREATE TABLE statements with one foreign or unfinished line (MySQL `INDEX (a, b)`,
 * `...`, a trailing comma): the element holding the error is blanked out (offsets are kept) and the
 * statement parsed again, a few times at most. The error itself is still reported by the caller.
 */
import type { SqlParser, SqlStatement } from './parser.js';
import { skipQuoted } from './split.js';

const CREATE_TABLE = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL|TEMP|TEMPORARY|UNLOGGED)\s+)*TABLE\b/i;

/** [start, end) of each top-level element of the parenthesized list opening at `open`, with the list's end. */
function elements(sql: string, open: number): { parts: [number, number][]; close: number } | null {
  const parts: [number, number][] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open; i < sql.length; ) {
    const j = skipQuoted(sql, i);
    if (j > i) { i = j; continue; }
    const c = sql[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      parts.push([from, i]);
      return { parts, close: i };
    } else if (c === ',' && depth === 1) {
      parts.push([from, i]);
      from = i + 1;
    }
    i++;
  }
  return null;
}

function firstParen(sql: string): number {
  for (let i = 0; i < sql.length; ) {
    const j = skipQuoted(sql, i);
    if (j > i) { i = j; continue; }
    if (sql[i] === '(') return i;
    i++;
  }
  return -1;
}

const blank = (s: string, from: number, to: number) => s.slice(0, from) + s.slice(from, to).replace(/[^\n]/g, ' ') + s.slice(to);

/** The statement parsed without the elements that make it fail, or null when that does not help. */
export function recoverCreateTable(parser: SqlParser, sql: string, errorOffset: number | null): SqlStatement[] | null {
  if (!CREATE_TABLE.test(sql)) return null;
  let text = sql;
  let offset = errorOffset;
  for (let attempt = 0; attempt < 8 && offset !== null; attempt++) {
    const list = elements(text, firstParen(text));
    if (!list || offset < list.parts[0]![0] || offset > list.close) return null;
    const k = list.parts.findIndex(([a, b]) => offset! >= a && offset! <= b);
    const [a, b] = list.parts[k]!;
    // An element over several lines loses only the line of the error (`...` above a column, say);
    // else the element goes, with one comma next to it: the one before it, or else the one after it.
    const from = Math.max(a, text.lastIndexOf('\n', offset - 1) + 1);
    const lineEnd = text.indexOf('\n', offset);
    const to = lineEnd < 0 ? b : Math.min(b, lineEnd);
    const rest = text.slice(a, from) + text.slice(to, b);
    if (rest.trim() !== '') text = blank(text, from, to);
    else text = k > 0 ? blank(text, a - 1, b) : blank(text, a, Math.min(b + 1, list.close));
    const r = parser.parse(text);
    if (r.ok) return r.stmts.length > 0 && r.stmts.every((s) => 'CreateStmt' in s.stmt) ? r.stmts : null;
    offset = r.offset;
  }
  return null;
}
