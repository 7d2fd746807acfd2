/** Reading source text back from tokens: balanced runs, parenthesized groups, slices as written. */
import { lexSql } from './lex.js';
import type { SqlStatement, SqlToken } from './parser.js';

export interface Tokens {
  /** The text the offsets refer to. */
  sql: string;
  /** Tokens without comments. */
  list: SqlToken[];
  /** Comment tokens. */
  comments: SqlToken[];
}

const isComment = (t: SqlToken) => t.name === 'SQL_COMMENT' || t.name === 'C_COMMENT';

/** Tokens of a whole text (lex.ts), or null when it cannot be tokenized (an unterminated quote, say). */
export function scanTokens(sql: string): Tokens | null {
  const all = lexSql(sql);
  return all ? { sql, list: all.filter((t) => !isComment(t)), comments: all.filter(isComment) } : null;
}

/** Tokens of one statement of `sql`: taken from the whole text's tokens when given, else scanned alone. */
export function statementTokens(sql: string, stmt: SqlStatement, whole: Tokens | null = null): Tokens | null {
  if (whole) return { sql, list: within(whole.list, stmt), comments: within(whole.comments, stmt) };
  const raw = lexSql(sql.slice(stmt.start, stmt.end));
  if (!raw) return null;
  const all = raw.map((t) => ({ ...t, start: t.start + stmt.start, end: t.end + stmt.start }));
  return { sql, list: all.filter((t) => !isComment(t)), comments: all.filter(isComment) };
}

/**
 * Index of the first token of `list` (in text order; tokens do not overlap) starting at or after
 * `offset`, or the list's length: a binary search, as the callers ask once per statement or column
 * and a scan per call was quadratic in the script's length.
 */
export function firstFrom(list: readonly SqlToken[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens lying within a statement, from a list in text order. */
function within(list: readonly SqlToken[], stmt: SqlStatement): SqlToken[] {
  const out: SqlToken[] = [];
  for (let i = firstFrom(list, stmt.start); i < list.length && list[i]!.start < stmt.end; i++) if (list[i]!.end <= stmt.end) out.push(list[i]!);
  return out;
}

/** Index of the first token starting at or after `offset` (list length when none). */
export function tokenAt(tk: Tokens, offset: number): number {
  return firstFrom(tk.list, offset);
}

/**
 * End (exclusive index) of the balanced run of tokens from `i`: it stops before a top-level `,` or `;`,
 * an unmatched `)`, a token at or after `limit`, or a top-level token for which `stop` says so.
 */
export function runEnd(tk: Tokens, i: number, limit = Infinity, stop: (t: SqlToken) => boolean = () => false): number {
  let depth = 0;
  let j = i;
  for (; j < tk.list.length; j++) {
    const t = tk.list[j]!;
    if (depth === 0 && (t.start >= limit || t.text === ',' || t.text === ';' || (j > i && stop(t)))) break;
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') {
      if (depth === 0) break;
      depth--;
    }
  }
  return j;
}

/** Index of the `)` closing the `(` at index `i`, or -1. */
export function closeParen(tk: Tokens, i: number): number {
  if (tk.list[i]?.text !== '(') return -1;
  let depth = 0;
  for (let j = i; j < tk.list.length; j++) {
    const t = tk.list[j]!.text;
    if (t === '(') depth++;
    else if (t === ')' && --depth === 0) return j;
  }
  return -1;
}

/** Source text of tokens [i, j) as written, whitespace (and comments inside) collapsed to single spaces. */
export function sliceText(tk: Tokens, i: number, j: number): string {
  if (j <= i) return '';
  let out = '';
  for (let k = i; k < j; k++) {
    const t = tk.list[k]!;
    const prev = tk.list[k - 1];
    const gap = prev ? tk.sql.slice(prev.end, t.start) : '';
    const lineBreakInParens = gap.includes('\n') && (prev?.text === '(' || t.text === ')');
    if (k > i && gap !== '' && !lineBreakInParens) out += ' ';
    out += tk.sql.slice(t.start, t.end);
  }
  return out;
}

/** Split the tokens of a parenthesized list (index of its `(`) into the [start, end) ranges of its items. */
export function listItems(tk: Tokens, open: number): [number, number][] {
  const close = closeParen(tk, open);
  if (close < 0) return [];
  const items: [number, number][] = [];
  let i = open + 1;
  while (i < close) {
    const j = Math.min(runEnd(tk, i), close);
    items.push([i, j]);
    i = j + 1;
  }
  return items;
}
