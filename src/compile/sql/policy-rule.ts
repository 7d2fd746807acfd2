/**
 * What a documented policy rule says: SQL clauses (`USING (...) WITH CHECK (...)`, as a CREATE POLICY block
 * is extracted), an expression followed by prose (`owner_id = ... - owners read their own rows`), or prose.
 */
import { looksLikeSql } from './expr.js';
import { closing, lex } from './lexer.js';

export type PolicyRule =
  | { kind: 'clauses'; using: string | null; check: string | null }
  | { kind: 'expression'; expr: string; prose: string | null }
  | { kind: 'prose'; prose: string };

/** `USING (a) WITH CHECK (b)` -> the two expressions, or null when the text is not exactly that. */
function clauses(text: string): { using: string | null; check: string | null } | null {
  const r = lex(text);
  if (!r.ok) return null;
  const tk = r.tokens;
  let using: string | null = null;
  let check: string | null = null;
  let k = 0;
  while (k < tk.length) {
    const isUsing = tk[k]!.kind === 'ident' && tk[k]!.value === 'using';
    const isCheck = tk[k]!.kind === 'ident' && tk[k]!.value === 'with' && tk[k + 1]?.kind === 'ident' && tk[k + 1]!.value === 'check';
    if (!isUsing && !isCheck) return null;
    const open = k + (isUsing ? 1 : 2);
    if (tk[open]?.kind !== '(') return null;
    const close = closing(tk, open);
    if (close < 0) return null;
    const body = text.slice(tk[open]!.end, tk[close]!.start).trim();
    if (isUsing) using = body;
    else check = body;
    k = close + 1;
  }
  return using === null && check === null ? null : { using, check };
}

/** Offsets of ` - `, ` – `, ` — ` outside quotes and parentheses: where an expression may end and prose begin. */
function separators(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /[-–—]/.test(c) && /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '')) out.push(i);
  }
  return out;
}

export function readRule(raw: string): PolicyRule {
  const text = raw.trim().replace(/^["“](.*)["”]$/s, '$1').trim();
  if (/^(?:using|with\s+check)\s*\(/i.test(text)) {
    const c = clauses(text);
    if (c) return { kind: 'clauses', ...c };
  }
  for (const at of [...separators(text), text.length]) {
    const head = text.slice(0, at).trim().replace(/^`|`$/g, '');
    if (!looksLikeSql(head)) continue;
    const prose = text.slice(at + 1).trim();
    return { kind: 'expression', expr: head, prose: prose === '' ? null : prose };
  }
  return { kind: 'prose', prose: text };
}
