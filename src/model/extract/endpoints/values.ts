/** Readers for the values written after endpoint labels and in endpoint tables. */
import { codeSpans, plainText } from '../../../markdown/inline.js';
import type { CodeBlock } from '../../../markdown/types.js';
import type { Example } from '../../schema.js';
import type { Auth } from './candidate.js';
import { inferType, normalizeType, type QueryParam } from './normalize.js';

/** `Required (Bearer)`, `Yes`, `None`, `Public`, `Optional`, `open to all authenticated users`. */
export function parseAuth(raw: string): Auth {
  const v = plainText(raw).toLowerCase().trim();
  if (!v) return 'unspecified';
  if (/^(no|none|false|public|anonymous|n\/a|not required|unauthenticated)\b/.test(v) || /\bnot required\b|\bno auth/.test(v)) return 'none';
  if (/^optional\b|\boptional\b/.test(v)) return 'optional';
  if (/^(yes|true|required|bearer|jwt|api[ -]?key|token|session|authenticated)\b|\brequired\b|\bauthenticated\b|\brequires?\b/.test(v)) return 'required';
  return 'unspecified';
}

const NOT_A_NAME = /^(none|null|n\/a|na|empty|nothing|void|no|yes|-|object|json|string|array|any)$/i;
const SCHEMA_NAME = /^[A-Za-z_][\w.]*(?:[<[][\w.,<>[\] ]*[>\]])?(?:\[\])?$/;

/** A schema name written as a value (`CreateSchema`, `` `ProviderConfig[]` ``, `PaginatedResponse[X]`), or null. */
export function schemaName(raw: string): string | null {
  const plain = plainText(raw).replace(/[.:;,]+$/, '').trim();
  const span = codeSpans(raw)[0]?.trim();
  // A code span names the schema when it is the whole value or reads as a type name (`ErrorResponse` with details).
  const t = span !== undefined && (span === plain || /^[A-Z]/.test(span)) ? span : plain;
  return SCHEMA_NAME.test(t) && !NOT_A_NAME.test(t) ? t : null;
}

/** The type declared first in a TypeScript or Python example (`interface RegisterRequest {`), or null. */
export function declaredName(block: CodeBlock): string | null {
  if (/^(json|jsonc|json5|yaml|yml|http|bash|sh|shell|curl)$/.test(block.lang)) return null;
  const m = /^\s*(?:export\s+)?(?:interface|type|class)\s+([A-Z]\w*)/m.exec(block.code);
  return m ? m[1]! : null;
}

/** A code block kept as an example: language as written, code without its final newline. */
export function exampleOf(block: CodeBlock, from = 0): Example | null {
  const lines = block.code.replace(/\n$/, '').split('\n');
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length) return null;
  const first = block.fenced ? block.line + 1 : block.line;
  return { language: block.info.split(/[\s{]/)[0] ?? '', code: lines.slice(i).join('\n'), line: first + i };
}

/**
 * One query parameter written in a list item or an inline list:
 * `` `nickname`: string (required) ``, `page (int, default 1)`, `` `limit` (optional): max (default: 100) ``.
 */
export function readQueryParam(raw: string): QueryParam | null {
  const plain = plainText(raw);
  const name = (codeSpans(raw)[0] ?? /^[\w.[\]-]+/.exec(plain)?.[0] ?? '').trim();
  if (!/^[A-Za-z_][\w.[\]-]*$/.test(name)) return null;
  const at = plain.indexOf(name);
  const rest = at >= 0 ? plain.slice(at + name.length) : plain;
  let type: string | null = null;
  const head = /^\s*[:(]\s*`?([\w[\]]+)/.exec(rest);
  if (head) type = normalizeType(head[1]!);
  if (!type) {
    const paren = /\(([^)]*)\)/.exec(rest);
    if (paren) for (const w of paren[1]!.split(/[\s,]+/)) type ??= normalizeType(w);
  }
  const d = /\bdefault(?:s? to| is| value)?\s*[:=]?\s*`?([^`),;\s]+)`?/i.exec(rest);
  const def = d ? d[1]! : null;
  return { name, type: type ?? (def === null ? null : inferType(def)), default: def };
}

/** An inline list of query parameters: `page (int, default 1), limit (int, default 20)`. */
export function readQueryList(raw: string): QueryParam[] {
  const out: QueryParam[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of raw) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(...one(cur));
      cur = '';
    } else cur += ch;
  }
  out.push(...one(cur));
  return out;
}

function one(part: string): QueryParam[] {
  const t = part.trim();
  if (!t) return [];
  const eq = /^`?([A-Za-z_][\w.-]*)`?\s*=\s*`?([^`\s]+)`?$/.exec(t);
  if (eq) return [{ name: eq[1]!, type: inferType(eq[2]!), default: eq[2]! }];
  const q = readQueryParam(t);
  return q ? [q] : [];
}

/**
 * An error response list item: `` `400 Bad Request`: Invalid input `` -> (400, 'Invalid input'),
 * `Invalid email: 400 - {error}` -> (400, 'Invalid email'), `404 Not Found` -> (404, 'Not Found').
 */
export function readErrorItem(raw: string): { status: number; description: string | null } | null {
  const plain = plainText(raw);
  const m = /(?<![\w.])([1-5]\d\d)(?![\w.])/.exec(plain);
  if (!m) return null;
  const status = Number(m[1]);
  const before = plain.slice(0, m.index).replace(/[\s:–—-]+$/, '').replace(/^(http|status|code)\s*$/i, '').trim();
  if (before) return { status, description: before };
  const after = plain.slice(m.index + m[1]!.length).trim();
  const split = /^([^:–—]*?)\s*(?::|(?:^|\s)[-–—](?:\s|$))\s*(.*)$/.exec(after);
  const description = split ? (split[2]!.trim() || split[1]!.trim()) : after;
  return { status, description: description || null };
}
