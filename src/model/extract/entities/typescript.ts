/**
 * Entities from TypeScript declarations: `interface X { ... }`, `type X = { ... }` and `class X { ... }`.
 * Members are required unless written `name?:`; JSDoc or `//` comments become descriptions.
 */
import type { Field } from '../../schema.js';
import { defaultIn, makeField } from './field.js';

export interface TsDeclaration {
  name: string;
  /** 0-based line of the declaration keyword within the code. */
  line: number;
  fields: Field[];
}

const DECL = /^[ \t]*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(interface|type|class)\s+([A-Za-z_$][\w$]*)/gm;

/** Index of the bracket closing the one at `open`, skipping strings and comments; -1 when unclosed. */
function closing(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (c === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Position of the body's `{` after the declared name (skipping generics and `extends` clauses). */
function bodyStart(code: string, from: number, kind: string): number {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (c === '<' || c === '(') depth++;
    else if ((c === '>' && code[i - 1] !== '=') || c === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (c === '{') return kind !== 'type' || /=\s*$/.test(code.slice(from, i)) ? i : -1;
    else if (c === ';' || c === '}') return -1;
    else if (kind === 'type' && (c === '|' || (c === '=' && !/^\s*\{/.test(code.slice(i + 1))))) return -1;
  }
  return -1;
}

interface Member {
  text: string;
  /** Offset of the member's first character in the body. */
  at: number;
  doc: string[];
  trailing: string[];
}

/** Split a body into members at `;`, `,` or line ends at depth 0, collecting comments. */
function members(body: string): Member[] {
  const out: Member[] = [];
  let cur: Member = { text: '', at: 0, doc: [], trailing: [] };
  let depth = 0;
  const flush = () => {
    if (cur.text.trim()) out.push(cur);
    cur = { text: '', at: 0, doc: [], trailing: [] };
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '/' && (body[i + 1] === '/' || body[i + 1] === '*')) {
      const block = body[i + 1] === '*';
      const end = block ? body.indexOf('*/', i + 2) : body.indexOf('\n', i);
      const stop = end < 0 ? body.length : end;
      const text = body.slice(i + 2, stop).replace(/^\*+/, '').replace(/\n\s*\*?\s?/g, ' ').trim();
      if (depth === 0 && text) {
        const before = body.slice(body.lastIndexOf('\n', i - 1) + 1, i).trim();
        if (cur.text.trim()) cur.trailing.push(text);
        else if (before && out.length) out[out.length - 1]!.trailing.push(text);
        else cur.doc.push(text);
      }
      i = block ? stop + 1 : stop - 1;
      continue;
    }
    if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c) && !(c === '>' && body[i - 1] === '=')) depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === ';' || c === ',')) {
      flush();
      continue;
    }
    if (depth === 0 && c === '\n') {
      const rest = body.slice(i + 1).trimStart();
      const t = cur.text.trimEnd();
      if (t && !/[|&:=,]$/.test(t) && !/^[|&]/.test(rest)) flush();
      else cur.text += ' ';
      continue;
    }
    if (!cur.text.trim() && /\S/.test(c)) cur.at = i;
    cur.text += c;
  }
  flush();
  return out;
}

const MEMBER = /^(?:(?:readonly|public|private|protected|declare|static|override)\s+)*([A-Za-z_$][\w$]*|'[^']+'|"[^"]+")\s*(\?)?\s*!?\s*:\s*([\s\S]+)$/;

function member(m: Member, line: number): Field | null {
  const text = m.text.trim().replace(/^(?:@\w+(?:\([^)]*\))?\s*)+/, '').trim();
  const mm = MEMBER.exec(text);
  if (!mm) return null;
  const name = mm[1]!.replace(/^['"]|['"]$/g, '');
  let type = mm[3]!.trim().replace(/^[|&]\s*/, '');
  let init: string | null = null;
  const eq = /^([^=]+?)\s*=(?!>)\s*(.+)$/.exec(type);
  if (eq && !/[{(<]/.test(eq[1]!)) {
    type = eq[1]!.trim();
    init = eq[2]!.trim();
  }
  if (/=>/.test(type) && /^\(/.test(type)) return null;
  const comment = [...m.doc, ...m.trailing].join(' ').trim() || null;
  return makeField(name, type.replace(/\s+/g, ' '), {
    required: !mm[2] && init === null && !/\|\s*undefined\b/.test(type),
    default: init ?? defaultIn(comment),
    description: comment,
    line,
  });
}

/** Every interface, object type alias and class of the code, with its members. */
export function tsDeclarations(code: string): TsDeclaration[] {
  const out: TsDeclaration[] = [];
  try {
    let lastEnd = 0;
    for (const m of code.matchAll(DECL)) {
      const at = m.index;
      if (at < lastEnd) continue;
      const open = bodyStart(code, at + m[0].length, m[1]!);
      if (open < 0) continue;
      const close = closing(code, open);
      const end = close < 0 ? code.length : close;
      lastEnd = end;
      const fields: Field[] = [];
      const seen = new Set<string>();
      const lineOf = (offset: number) => code.slice(0, offset).split('\n').length - 1;
      for (const mem of members(code.slice(open + 1, end))) {
        const f = member(mem, lineOf(open + 1 + mem.at));
        if (f && !seen.has(f.name)) {
          seen.add(f.name);
          fields.push(f);
        }
      }
      const line = lineOf(at);
      out.push({ name: m[2]!, line, fields });
    }
  } catch {
    return out;
  }
  return out;
}
