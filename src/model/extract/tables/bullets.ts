/** One bullet of a plan-style schema: a column, an index, an RLS policy, a relationship. */
import { codeSpans, plainText } from '../../../markdown/inline.js';
import { POLICY_OPERATIONS } from '../../constants.js';
import type { Column } from '../../schema.js';
import { normalizeType, readConstraints, splitTopLevel } from './constraints.js';
import { column } from './facts.js';
import type { TableIndex, TablePolicy } from './facts.js';
import { referenceTarget, tableName } from './names.js';

const COLUMN = /^\s*(?:`([^`]+)`|\*\*([^*]+)\*\*|([A-Za-z_]\w*))\s*\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)\s*(?:(?:[-–—:]|â€”)\s*([\s\S]*))?$/;

/** `` - `id` (uuid, PK) - Unique identifier ``: name, then type and constraints in parentheses, then a description. */
export function columnBullet(raw: string): { column: Column; unique: boolean } | null {
  const m = COLUMN.exec(raw);
  if (!m) return null;
  const name = (m[1] ?? m[2] ?? m[3] ?? '').trim();
  if (!/^[A-Za-z_][\w$]*$/.test(name)) return null;
  const [type = '', ...rest] = splitTopLevel(m[4]!);
  const facts = readConstraints(rest);
  const col = column(name, normalizeType(type));
  col.primaryKey = facts.primaryKey;
  col.nullable = facts.nullable;
  col.default = facts.default;
  col.references = facts.references;
  const description = plainText(m[5] ?? '');
  col.description = description === '' ? null : description;
  return { column: col, unique: facts.unique };
}

/** The text inside the parentheses that open at `open`, balanced (`(a, lower(b))` -> `a, lower(b)`). */
function balanced(text: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}

function columnList(text: string): { table: string | null; columns: string[] } {
  const m = /^\s*([A-Za-z_][\w.]*)?\s*\(/.exec(text);
  const inner = m ? balanced(text, m[0].length - 1) : null;
  const list = inner ?? text;
  const columns = splitTopLevel(list).map((c) => c.replace(/[`"]/g, '').trim()).filter((c) => c !== '');
  return { table: inner !== null && m?.[1] ? tableName(m[1]) : null, columns };
}

/** `` - `idx_table_field` on `(field_1)` - why ``; UNIQUE when the bullet says so. */
export function indexBullet(raw: string, table: string | null): { table: string; index: TableIndex } | null {
  const spans = codeSpans(raw);
  const on = /\bon\b\s*(`[^`]+`|[\w.]*\s*\((?:[^()]|\([^()]*\))*\))/i.exec(raw);
  let name = spans[0] ?? null;
  let target = on ? columnList(on[1]!.replace(/`/g, '')) : null;
  if (!on) {
    if (!name) return null;
    if (/\(|,/.test(name) || !/(^idx|_idx$|_key$|_index$|^ix_)/i.test(name)) {
      target = columnList(name);
      name = null;
    } else target = { table: null, columns: [] };
  }
  const t = target?.table ?? table;
  if (!t || !target) return null;
  if (name !== null && !/^[A-Za-z_][\w$]*$/.test(name)) name = null;
  name ??= `idx_${t.replace(/^.*\./, '')}_${target.columns.join('_')}`;
  return { table: t, index: { name, columns: target.columns, unique: /\bunique\b/i.test(raw) } };
}

const OP = POLICY_OPERATIONS.join('|');
const POLICY = new RegExp(`^((?:${OP})(?:\\s*(?:/|,|&|and)\\s*(?:${OP}))*)\\s*(?::|-|–|—)\\s*(.+)$`, 'is');

/** `- SELECT: who can read` (also `**INSERT**:`, `UPDATE/DELETE: ...`). */
export function policyBullets(raw: string): TablePolicy[] {
  const m = POLICY.exec(plainText(raw));
  if (!m) return [];
  const rule = m[2]!.trim();
  const ops = m[1]!.toUpperCase().split(/\s*(?:\/|,|&|AND)\s*/);
  return POLICY_OPERATIONS.filter((o) => ops.includes(o)).map((operation) => ({ operation, rule }));
}

/** `` - `table_name.field_id` → `related_table.id` (FK, CASCADE) `` (also `->` and the mojibake `â†’`). */
export function relationshipBullet(raw: string): { table: string; column: string; references: string; text: string } | null {
  const m = /`?([A-Za-z_][\w.]*)\.([A-Za-z_]\w*)`?\s*(?:→|->|â†’|=>|⟶)\s*`?([A-Za-z_][\w.]*(?:\s*\(\s*\w+\s*\))?)`?/.exec(raw);
  if (!m) return null;
  const references = referenceTarget(m[3]!);
  if (!references) return null;
  return { table: tableName(m[1]!), column: m[2]!, references, text: `${m[1]}.${m[2]} → ${m[3]}` };
}
