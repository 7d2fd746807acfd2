/**
 * PostgreSQL's lexical rules (src/backend/parser/scan.l) in plain JavaScript: token boundaries for
 * reading a statement's text back (column types and defaults as written, policy expressions). Syntax is
 * never judged here: statements are parsed by PostgreSQL's own parser (libpg-query); this lexer only
 * cuts text that parsed into tokens, about 10x cheaper than a round trip through the WASM scanner, and
 * test/sql/lex.test.ts holds it to that scanner's boundaries.
 */
import type { SqlToken } from './parser.js';

const SPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);
const OP_CHARS = new Set('~!@#^&|`?+-*/%<>='.split(''));
const NON_SQL_OP = new Set('~!@#^&|`?%'.split(''));
const SELF = new Set(',()[].;:+-*/%^<>='.split(''));
const TWO_CHAR: Record<string, string> = { '=>': 'EQUALS_GREATER', '>=': 'GREATER_EQUALS', '<=': 'LESS_EQUALS', '<>': 'NOT_EQUALS', '!=': 'NOT_EQUALS' };

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
const isIdentCont = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * End of a quoted run that starts after its opening `quote` at `i` ('' or "" stands for the quote unless
 * `doubled` is false, as in B'..' and X'..'; with `backslash`, \ escapes). -1 when unterminated.
 */
function quoted(sql: string, i: number, quote: string, backslash: boolean, doubled = true): number {
  for (let j = i; j < sql.length; j++) {
    const ch = sql[j];
    if (backslash && ch === '\\') j++;
    else if (ch === quote) {
      if (doubled && sql[j + 1] === quote) j++;
      else return j + 1;
    }
  }
  return -1;
}

/**
 * A string constant may continue after whitespace that holds a newline ('a'\n'b' is one constant);
 * returns the end of the last part, or -1 when a continuation is unterminated.
 */
function continued(sql: string, end: number, backslash: boolean, doubled = true): number {
  for (;;) {
    let j = end;
    let newline = false;
    while (j < sql.length && SPACE.has(sql[j]!)) {
      if (sql[j] === '\n' || sql[j] === '\r') newline = true;
      j++;
    }
    if (!newline || sql[j] !== "'") return end;
    const next = quoted(sql, j + 1, "'", backslash, doubled);
    if (next < 0) return -1;
    end = next;
  }
}

/** Digits with single underscores between them (PostgreSQL 16+ numeric literals), from `i`; returns the end. */
function digits(sql: string, i: number, ok: (c: number) => boolean): number {
  let j = i;
  while (j < sql.length) {
    const c = sql.charCodeAt(j);
    if (ok(c)) j++;
    else if (c === 95 && j > i && j + 1 < sql.length && ok(sql.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

const HEX = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** The tokens of `sql` (comments included), or null where PostgreSQL's scanner stops: an unterminated quote or comment, a number followed by letters (trailing junk). */
export function lexSql(sql: string): SqlToken[] | null {
  const out: SqlToken[] = [];
  const push = (start: number, end: number, name: string, word: string | null = null) => out.push({ start, end, text: sql.slice(start, end), name, keyword: word });
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i]!;
    const c = sql.charCodeAt(i);
    if (SPACE.has(ch)) {
      i++;
      continue;
    }
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      let j = i + 2;
      while (j < n && sql[j] !== '\n' && sql[j] !== '\r') j++;
      push(i, j, 'SQL_COMMENT');
      i = j;
      continue;
    }
    if (ch === '/' && next === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (sql[j] === '/' && sql[j + 1] === '*') (depth++, (j += 2));
        else if (sql[j] === '*' && sql[j + 1] === '/') (depth--, (j += 2));
        else j++;
      }
      if (depth > 0) return null;
      push(i, j, 'C_COMMENT');
      i = j;
      continue;
    }
    // Prefixed string constants: E'..' (backslash escapes), B'..', X'..', U&'..'; U&".." identifiers.
    // (N'..' is the word N, then a string, as PostgreSQL cuts it.)
    const lower = ch.toLowerCase();
    if ((lower === 'e' || lower === 'b' || lower === 'x') && next === "'") {
      const backslash = lower === 'e';
      const doubled = lower === 'e';
      let end = quoted(sql, i + 2, "'", backslash, doubled);
      if (end >= 0) end = continued(sql, end, backslash, doubled);
      if (end < 0) return null;
      push(i, end, lower === 'b' ? 'BCONST' : lower === 'x' ? 'XCONST' : 'SCONST');
      i = end;
      continue;
    }
    if (lower === 'u' && next === '&' && (sql[i + 2] === "'" || sql[i + 2] === '"')) {
      const q = sql[i + 2]!;
      let end = quoted(sql, i + 3, q, false);
      if (end >= 0 && q === "'") end = continued(sql, end, false);
      if (end < 0) return null;
      push(i, end, q === "'" ? 'SCONST' : 'IDENT');
      i = end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentCont(sql.charCodeAt(j))) j++;
      push(i, j, 'IDENT', sql.slice(i, j).toUpperCase());
      i = j;
      continue;
    }
    if (ch === "'") {
      let end = quoted(sql, i + 1, "'", false);
      if (end >= 0) end = continued(sql, end, false);
      if (end < 0) return null;
      push(i, end, 'SCONST');
      i = end;
      continue;
    }
    if (ch === '"') {
      const end = quoted(sql, i + 1, '"', false);
      if (end < 0) return null;
      push(i, end, 'IDENT');
      i = end;
      continue;
    }
    if (ch === '$') {
      if (next !== undefined && isDigit(sql.charCodeAt(i + 1))) {
        let j = i + 1;
        while (j < n && isDigit(sql.charCodeAt(j))) j++;
        push(i, j, 'PARAM');
        i = j;
        continue;
      }
      // A dollar quote: $$ or $tag$ (the tag an identifier without dollars), up to the same delimiter.
      let j = i + 1;
      if (j < n && isIdentStart(sql.charCodeAt(j))) {
        j++;
        while (j < n && isIdentCont(sql.charCodeAt(j)) && sql[j] !== '$') j++;
      }
      if (sql[j] === '$') {
        const delimiter = sql.slice(i, j + 1);
        const close = sql.indexOf(delimiter, j + 1);
        if (close < 0) return null;
        push(i, close + delimiter.length, 'SCONST');
        i = close + delimiter.length;
        continue;
      }
    }
    if (isDigit(c) || (ch === '.' && next !== undefined && isDigit(sql.charCodeAt(i + 1)))) {
      let j: number;
      let name = 'ICONST';
      // What may not follow the number (PostgreSQL's *_junk rules): a letter, or after an exponent or a
      // 0x/0o/0b literal any identifier character (digits and $ included).
      let junk = isIdentStart;
      if (ch === '0' && next !== undefined && /[xXoObB]/.test(next) && i + 2 < n) {
        const radix = next.toLowerCase();
        const ok = radix === 'x' ? HEX : radix === 'o' ? (d: number) => d >= 48 && d <= 55 : (d: number) => d === 48 || d === 49;
        const start = sql.charCodeAt(i + 2) === 95 ? i + 3 : i + 2;
        if (start < n && ok(sql.charCodeAt(start))) {
          j = digits(sql, start, ok);
          junk = isIdentCont;
        } else j = i + 1;
      } else {
        j = ch === '.' ? i : digits(sql, i, isDigit);
        // A fraction, unless the dot starts `..` (a range).
        if (sql[j] === '.' && sql[j + 1] !== '.') {
          name = 'FCONST';
          j = digits(sql, j + 1, isDigit);
        }
        if (sql[j] === 'e' || sql[j] === 'E') {
          const sign = sql[j + 1] === '+' || sql[j + 1] === '-' ? 1 : 0;
          if (isDigit(sql.charCodeAt(j + 1 + sign))) {
            name = 'FCONST';
            j = digits(sql, j + 1 + sign, isDigit);
            junk = isIdentCont;
          }
        }
      }
      if (j < n && junk(sql.charCodeAt(j))) return null; // 123abc, 1e3x, 0x1g: trailing junk
      // The scanner takes the longest match: the digits before an underscore and an identifier from it
      // (`1` + `_1$1`) outrun `1_1` + `$1` when that identifier runs past the number, through a `$`.
      const u = sql.indexOf('_', i);
      if (u >= 0 && u < j && sql[j] === '$' && !sql.slice(u, j).includes('.')) return null;
      push(i, j, name);
      i = j;
      continue;
    }
    if (ch === ':' && next === ':') {
      push(i, i + 2, 'TYPECAST');
      i += 2;
      continue;
    }
    if (ch === ':' && next === '=') {
      push(i, i + 2, 'COLON_EQUALS');
      i += 2;
      continue;
    }
    if (ch === '.' && next === '.') {
      push(i, i + 2, 'DOT_DOT');
      i += 2;
      continue;
    }
    if (OP_CHARS.has(ch)) {
      let j = i;
      while (j < n && OP_CHARS.has(sql[j]!)) j++;
      let text = sql.slice(i, j);
      // A comment start ends the operator.
      const cut = [text.indexOf('/*'), text.indexOf('--')].filter((k) => k > 0);
      if (cut.length) text = text.slice(0, Math.min(...cut));
      // '+' and '-' end a multi-character operator only when it has a character outside SQL's operators.
      if (text.length > 1 && /[+-]$/.test(text) && ![...text.slice(0, -1)].some((x) => NON_SQL_OP.has(x))) {
        while (text.length > 1 && /[+-]$/.test(text)) text = text.slice(0, -1);
      }
      const end = i + text.length;
      if (text.length === 1 && SELF.has(text)) push(i, end, `ASCII_${text.charCodeAt(0)}`);
      else push(i, end, TWO_CHAR[text] ?? 'Op');
      i = end;
      continue;
    }
    // Everything else is one character: , ( ) [ ] . ; : and characters PostgreSQL would reject.
    push(i, i + 1, `ASCII_${c}`);
    i++;
  }
  return out;
}
