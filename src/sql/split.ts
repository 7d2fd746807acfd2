/**
 * A small SQL lexer that knows only what is needed to cut a script into statements: quoted strings
 * ('' and E'\'' escapes), quoted identifiers, dollar quotes ($$ and $tag$), -- and nested /* *\/ comments.
 */

export interface SqlSpan {
  /** Offset of the statement's first character that is not whitespace or a comment. */
  start: number;
  /** Offset just past the statement's last character (its semicolon excluded). */
  end: number;
}

/** Offset just past the quoted text, comment or dollar-quoted string that begins at `i`, or `i` when none does. */
export function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  const n = sql[i + 1];
  if (c === '-' && n === '-') {
    const e = sql.indexOf('\n', i);
    return e < 0 ? sql.length : e + 1;
  }
  if (c === '/' && n === '*') {
    let depth = 0;
    let j = i;
    while (j < sql.length) {
      if (sql[j] === '/' && sql[j + 1] === '*') { depth++; j += 2; }
      else if (sql[j] === '*' && sql[j + 1] === '/') { depth--; j += 2; if (depth === 0) return j; }
      else j++;
    }
    return sql.length;
  }
  if (c === "'" || c === '"') {
    const escapes = c === "'" && i > 0 && /[eE]/.test(sql[i - 1]!) && (i < 2 || !/[\w$]/.test(sql[i - 2]!));
    let j = i + 1;
    while (j < sql.length) {
      if (escapes && sql[j] === '\\') { j += 2; continue; }
      if (sql[j] === c) {
        if (sql[j + 1] === c) { j += 2; continue; }
        return j + 1;
      }
      j++;
    }
    return sql.length;
  }
  if (c === '$' && (i === 0 || !/[\w$]/.test(sql[i - 1]!))) {
    const m = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64));
    if (m) {
      const close = sql.indexOf(m[0], i + m[0].length);
      return close < 0 ? sql.length : close + m[0].length;
    }
  }
  return i;
}

/** Offset of the first character at or after `i` that is not whitespace or part of a comment. */
export function skipTrivia(sql: string, i: number): number {
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i]!)) i++;
    const isComment = (sql[i] === '-' && sql[i + 1] === '-') || (sql[i] === '/' && sql[i + 1] === '*');
    if (!isComment) return i;
    i = skipQuoted(sql, i);
  }
}

/** Offset just past the last character before `end` that is not whitespace or a trailing comment. */
export function trimEnd(sql: string, start: number, end: number): number {
  let last = start;
  let i = start;
  while (i < end) {
    const j = skipQuoted(sql, i);
    const comment = j > i && (sql[i] === '-' || sql[i] === '/');
    if (j > i) {
      if (!comment) last = Math.min(j, end);
      i = j;
    } else {
      if (!/\s/.test(sql[i]!)) last = i + 1;
      i++;
    }
  }
  return last;
}

/** Cut a script at its top-level semicolons; statements holding only whitespace and comments are left out. */
export function splitSql(sql: string): SqlSpan[] {
  const spans: SqlSpan[] = [];
  const push = (from: number, to: number) => {
    const start = skipTrivia(sql, from);
    if (start < to) spans.push({ start, end: trimEnd(sql, start, to) });
  };
  let from = 0;
  let i = 0;
  while (i < sql.length) {
    const j = skipQuoted(sql, i);
    if (j > i) { i = j; continue; }
    if (sql[i] === ';') {
      push(from, i);
      from = i + 1;
    }
    i++;
  }
  push(from, sql.length);
  return spans;
}
