/** Entities from Prisma schema blocks: `model X { name Type? @default(...) // comment }`. */
import type { Field } from '../../schema.js';
import { isGeneratedDefault, makeField } from './field.js';

export interface PrismaModel {
  name: string;
  /** 0-based line of the `model` keyword within the code. */
  line: number;
  fields: Field[];
}

const FIELD = /^([A-Za-z_]\w*)\s+([A-Za-z_][\w.]*(?:\([^)]*\))?)(\[\])?(\?)?\s*(.*)$/;

/** `@default(...)` argument, parentheses balanced. */
function defaultArg(attrs: string): string | null {
  const at = attrs.indexOf('@default(');
  if (at < 0) return null;
  let depth = 0;
  for (let i = at + 8; i < attrs.length; i++) {
    if (attrs[i] === '(') depth++;
    else if (attrs[i] === ')' && --depth === 0) return attrs.slice(at + 9, i).trim();
  }
  return null;
}

function field(line: string, at: number): Field | null {
  const hash = line.search(/\s\/\/|^\/\//);
  const comment = hash >= 0 ? line.slice(hash).replace(/^\s*\/\/+\s*/, '').trim() : null;
  const text = (hash >= 0 ? line.slice(0, hash) : line).trim();
  if (!text || text.startsWith('@@') || text.startsWith('//')) return null;
  const m = FIELD.exec(text);
  if (!m) return null;
  const attrs = m[5] ?? '';
  const def = defaultArg(attrs);
  const generated = (def !== null && isGeneratedDefault(def)) || /@updatedAt\b/.test(attrs);
  return makeField(m[1]!, `${m[2]}${m[3] ?? ''}${m[4] ?? ''}`, {
    required: !m[4] && def === null && !generated,
    generated,
    default: def,
    description: comment,
    line: at,
  });
}

/** Every `model` of a Prisma schema block (field lines are code-relative). */
export function prismaModels(code: string): PrismaModel[] {
  const out: PrismaModel[] = [];
  const lines = code.split('\n');
  let cur: PrismaModel | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = /^\s*model\s+([A-Za-z_]\w*)\s*\{/.exec(line);
    if (start) {
      cur = { name: start[1]!, line: i, fields: [] };
      out.push(cur);
      continue;
    }
    if (/^\s*}/.test(line)) {
      cur = null;
      continue;
    }
    if (!cur) continue;
    const f = field(line, i);
    if (f && !cur.fields.some((x) => x.name === f.name)) cur.fields.push(f);
  }
  return out;
}
