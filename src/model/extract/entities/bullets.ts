/**
 * Fields written as list items under an entity heading:
 * `- \`id: string\` - description`, `- **id** (uuid): description`, `- id: string, required`,
 * `- \`status\`: \`a | b\``, and (under a `Key Fields:` item or label) bare names `- \`cluster_id\``.
 * Also whole entities in one item: `- **Settings**: bpm (integer), pattern (enum: a, b)`.
 */
import { plainText } from '../../../markdown/inline.js';
import type { ListBlock, ListItem } from '../../../markdown/types.js';
import { ENTITY_NAME, normalizeType, PRIMITIVE_TYPES, splitTop } from '../../field-type.js';
import type { Field } from '../../schema.js';
import { codeText, defaultIn, makeField, requiredMarker, splitNames } from './field.js';
import { isFieldsLabel } from './labels.js';

/** `strict`: only items that clearly are fields; `fields`: the list is a field list (bare names allowed). */
export type ListMode = 'strict' | 'fields';

const IDENT = /^[A-Za-z_][\w.]*$/;

function known(type: string): boolean {
  const t = normalizeType(type);
  return (PRIMITIVE_TYPES as readonly string[]).includes(t) || t.endsWith('[]') || ENTITY_NAME.test(t);
}

function cleanDescription(text: string): string | null {
  const t = plainText(text.replace(/^\s*[-–—:]\s*/, '')).trim();
  return t || null;
}

function field(name: string, rawType: string, description: string | null, optional: boolean, tsRequired: boolean, line?: number): Field[] {
  const marker = requiredMarker(rawType) ?? requiredMarker(description);
  const required = optional ? false : (marker ?? tsRequired);
  return splitNames(name).map((n) =>
    makeField(n.replace(/\?$/, ''), rawType, { required: n.endsWith('?') ? false : required, default: defaultIn(description), description, line }),
  );
}

/** Type and description after a name: `(uuid): desc`, `: \`a | b\``, `: string - desc`, `- desc`. */
function afterName(rest: string, mode: ListMode): { type: string; description: string | null } | null {
  const paren = /^\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(.*)$/s.exec(rest);
  if (paren) return { type: codeText(paren[1]!), description: cleanDescription(paren[2]!) };
  const colon = /^:\s*(.*)$/s.exec(rest);
  if (colon) {
    const body = colon[1]!.trim();
    const code = /^`([^`]+)`\s*(.*)$/s.exec(body);
    if (code) return { type: code[1]!.trim(), description: cleanDescription(code[2]!) };
    const [head, ...tail] = body.split(/\s+[-–—]\s+/);
    if (head && known(head)) return { type: codeText(head), description: cleanDescription(tail.join(' - ')) };
    return mode === 'fields' ? { type: '', description: cleanDescription(body) } : null;
  }
  if (mode === 'fields' && (rest === '' || /^[-–—]/.test(rest))) return { type: '', description: cleanDescription(rest) };
  return null;
}

/** Fields of one list item (several for `a / b`), or [] when the item is not a field. */
export function itemFields(text: string, mode: ListMode, line?: number): Field[] {
  const t = text.trim();
  // `name?: type` inside a code span (TypeScript-ish).
  const code = /^`([^`]+)`\s*(.*)$/s.exec(t);
  if (code) {
    const inner = code[1]!.trim();
    const ts = /^([A-Za-z_][\w.]*)(\?)?\s*:\s*(.+)$/s.exec(inner);
    if (ts) return field(ts[1]!, ts[3]!.trim(), cleanDescription(code[2]!), !!ts[2], true, line);
    const names = codeText(t).split(/\s*\/\s*/);
    if (names.length > 1 && names.every((n) => IDENT.test(n))) return mode === 'fields' ? names.flatMap((n) => field(n, '', null, false, false, line)) : [];
    if (!IDENT.test(inner.replace(/\?$/, ''))) return [];
    const after = afterName(code[2]!.trim(), mode);
    return after ? field(inner, after.type, after.description, inner.endsWith('?'), false, line) : [];
  }
  const bold = /^(\*\*|__)([^*_]+?)\1\s*(.*)$/s.exec(t);
  if (bold) {
    const name = bold[2]!.replace(/:$/, '').trim();
    if (!IDENT.test(name.replace(/\?$/, ''))) return [];
    const rest = bold[2]!.endsWith(':') ? `: ${bold[3]}` : bold[3]!.trim();
    const after = afterName(rest, mode);
    return after ? field(name, after.type, after.description, name.endsWith('?'), false, line) : [];
  }
  const plain = /^([A-Za-z_][\w.]*\??)\s*(\(.*|:.*)$/s.exec(t);
  if (plain) {
    const after = afterName(plain[2]!.trim(), 'strict');
    if (after && after.type && known(after.type)) return field(plain[1]!, after.type, after.description, plain[1]!.endsWith('?'), false, line);
  }
  if (mode === 'fields' && IDENT.test(t)) return field(t, '', null, false, false, line);
  return [];
}

/** `- **Settings**: bpm (integer), pattern (enum: a, b)`: an entity with its fields in one item. */
export function itemEntity(text: string, line?: number): { name: string; fields: Field[] } | null {
  const m = /^(\*\*|__)([A-Za-z_]\w*)\s*:?\1\s*:?\s*(.+)$/s.exec(text.trim());
  if (!m) return null;
  const parts = splitTop(m[3]!, ',');
  const fields: Field[] = [];
  for (const p of parts) {
    const f = /^`?([A-Za-z_][\w]*)`?\s*\(([^]*)\)$/.exec(p.trim());
    if (!f) continue;
    const rawType = f[2]!.trim();
    fields.push(makeField(f[1]!, rawType, { required: requiredMarker(rawType) ?? false, line }));
  }
  return fields.length > 0 && fields.length >= parts.length / 2 ? { name: m[2]!, fields } : null;
}

function labelItem(item: ListItem): string | null {
  const t = plainText(item.text).trim();
  return /^[^:]{1,40}:$/.test(t) ? t.slice(0, -1).trim() : null;
}

/** Fields of a list: each item read as a field; `Key Fields:` items read their sub-list in `fields` mode. */
export function listFields(items: ListItem[], mode: ListMode): Field[] {
  const out: Field[] = [];
  for (const item of items) {
    const label = labelItem(item);
    const sub = item.children.filter((c): c is ListBlock => c.kind === 'list');
    if (label !== null && sub.length) {
      if (isFieldsLabel(label)) for (const l of sub) out.push(...listFields(l.items, 'fields'));
      continue;
    }
    out.push(...itemFields(item.text, mode, item.line));
  }
  return out;
}
