/**
 * A small lexer for the SQL expressions a design carries into schema.sql (policy predicates, index
 * expressions, column defaults). It only accepts plain expressions: no statement separators, comments,
 * dollar quoting or parameters, so an expression can never break out of the statement it is put into.
 */

export type TokenKind = 'ident' | 'qident' | 'string' | 'number' | 'op' | 'cast' | '(' | ')' | '[' | ']' | ',' | '.';

export interface Token {
  kind: TokenKind;
  /** Text as written. */
  text: string;
  /** Lower-cased identifier (unquoted) or the unquoted name (quoted); the text otherwise. */
  value: string;
  start: number;
  end: number;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; reason: string };

const OP_CHARS = '+-*/<>=~!@#%^&|?';

function fail(reason: string): LexResult {
  return { ok: false, reason };
}

/** Tokenize an expression; fails on anything that is not part of a plain expression. */
export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string) => {
    const t = text.slice(start, end);
    tokens.push({ kind, text: t, value: value ?? t, start, end });
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === ';') {
      return fail('it contains a statement separator (;)');
    } else if (c === '$') {
      return fail('it contains a parameter or dollar-quoted text ($)');
    } else if ((c === '-' && text[i + 1] === '-') || (c === '/' && text[i + 1] === '*')) {
      return fail('it contains a comment');
    } else if (c === "'" || ((c === 'E' || c === 'e') && text[i + 1] === "'")) {
      let j = c === "'" ? i + 1 : i + 2;
      for (;;) {
        if (j >= text.length) return fail('a string is not closed');
        if (text[j] === '\\' && c !== "'") j += 2;
        else if (text[j] === "'" && text[j + 1] === "'") j += 2;
        else if (text[j] === "'") break;
        else j++;
      }
      push('string', i, j + 1);
      i = j + 1;
    } else if (c === '"') {
      const j = text.indexOf('"', i + 1);
      if (j < 0) return fail('a quoted name is not closed');
      push('qident', i, j + 1, text.slice(i + 1, j));
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      push('ident', i, j, text.slice(i, j).toLowerCase());
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      let j = i;
      while (j < text.length && /[0-9.]/.test(text[j]!)) j++;
      if (/[eE]/.test(text[j] ?? '') && /[-+0-9]/.test(text[j + 1] ?? '')) {
        j += 2;
        while (j < text.length && /[0-9]/.test(text[j]!)) j++;
      }
      if (/[A-Za-z_]/.test(text[j] ?? '')) return fail(`${text.slice(i, j + 1)} is not a number`);
      push('number', i, j);
      i = j;
    } else if (c === ':' && text[i + 1] === ':') {
      push('cast', i, i + 2);
      i += 2;
    } else if ('()[],.'.includes(c)) {
      push(c as TokenKind, i, i + 1);
      i++;
    } else if (OP_CHARS.includes(c)) {
      let j = i + 1;
      while (j < text.length && OP_CHARS.includes(text[j]!) && !(text[j] === '-' && text[j + 1] === '-')) j++;
      push('op', i, j);
      i = j;
    } else {
      return fail(`${c} is not expected`);
    }
  }
  const stack: string[] = [];
  for (const t of tokens) {
    if (t.kind === '(' || t.kind === '[') stack.push(t.kind === '(' ? ')' : ']');
    else if ((t.kind === ')' || t.kind === ']') && stack.pop() !== t.kind) return fail('its parentheses do not balance');
  }
  if (stack.length !== 0) return fail('its parentheses do not balance');
  return { ok: true, tokens };
}

/** Index of the token closing the bracket opened at `open`, or -1. */
export function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const kind = tokens[k]!.kind;
    if (kind === '(' || kind === '[') depth++;
    else if (kind === ')' || kind === ']') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}
