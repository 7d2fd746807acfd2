/**
 * Fields from a field table: a name column (Field/Name/Column/Attribute) and a Type column, with
 * optional Required (or Nullable), Default, Description/Notes and Constraints columns in any order.
 */
import { plainText } from '../../../markdown/inline.js';
import type { TableBlock, TableRow } from '../../../markdown/types.js';
import { splitTop } from '../../field-type.js';
import type { Field } from '../../schema.js';
import { cleanDefault, codeText, isGeneratedDefault, makeField, readRequired, splitNames } from './field.js';

type Role = 'name' | 'type' | 'required' | 'nullable' | 'default' | 'description' | 'constraints';

const ROLES: [Role, RegExp][] = [
  ['name', /^(?:field|field name|fieldname|name|column|column name|attribute|attribute name|property|property name|key|member|prop)s?$/],
  ['type', /^(?:type|data ?type|sql type|db type|field type|column type|postgres type|python type|ts type|typescript type)$/],
  ['required', /^(?:required|req|mandatory|optional)$/],
  ['nullable', /^(?:nullable|null|allow null|nulls?)$/],
  ['default', /^(?:default|default value|defaults)$/],
  ['description', /^(?:description|desc|notes?|comments?|purpose|details|meaning|remarks|explanation)$/],
  ['constraints', /^(?:constraints?|modifiers?|flags|keys?|options|attributes|rules|validation|extra|index(?:es)?)$/],
];

type Columns = Partial<Record<Role, number>> & { optionalColumn?: boolean };

function columns(header: TableRow): Columns | null {
  const cols: Columns = {};
  header.cells.forEach((cell, i) => {
    const h = plainText(cell.text).toLowerCase().replace(/[?:*]+$/, '').trim();
    for (const [role, re] of ROLES) {
      if (cols[role] === undefined && re.test(h)) {
        cols[role] = i;
        if (role === 'required' && h === 'optional') cols.optionalColumn = true;
        break;
      }
    }
  });
  return cols.name !== undefined && cols.type !== undefined ? cols : null;
}

interface Constraints {
  required: boolean | null;
  generated: boolean;
  default: string | null;
}

/** Read `PK`, `NOT NULL`, `nullable`, `default now`, `DEFAULT gen_random_uuid()`, `auto-increment`. */
export function readConstraints(text: string): Constraints {
  const out: Constraints = { required: null, generated: false, default: null };
  for (const part of splitTop(codeText(text), ',').flatMap((p) => splitTop(p, ';'))) {
    const p = part.toLowerCase();
    if (/\bpk\b|primary key|\bnot null\b|^required\b/.test(p)) out.required = true;
    else if (/^(?:nullable|null|optional)\b/.test(p) && out.required === null) out.required = false;
    if (/auto[-_ ]?increment|\bidentity\b|\bgenerated\b|\bserial\b/.test(p)) out.generated = true;
    const def = /\bdefault\s*[:=]?\s*(.+)$/i.exec(part);
    if (def && out.default === null) out.default = cleanDefault(def[1]!);
  }
  if (out.default !== null && isGeneratedDefault(out.default)) out.generated = true;
  return out;
}

function cell(row: TableRow, i: number | undefined): string {
  return i === undefined ? '' : (row.cells[i]?.text ?? '');
}

function rowFields(row: TableRow, cols: Columns): Field[] {
  const rawName = plainText(cell(row, cols.name)).replace(/\\([_*])/g, '$1').trim();
  if (!rawName || /^[-—–.…]+$/.test(rawName)) return [];
  const rawType = codeText(cell(row, cols.type));
  const constraints = readConstraints(cell(row, cols.constraints));
  const req = cols.required !== undefined ? readRequired(cell(row, cols.required), cols.optionalColumn) : cols.nullable !== undefined ? readRequired(cell(row, cols.nullable), true) : { required: null, generated: false };
  const description = plainText(cell(row, cols.description)) || null;
  const def = cols.default !== undefined ? cleanDefault(cell(row, cols.default)) : constraints.default;
  const out: Field[] = [];
  for (const n of splitNames(rawName)) {
    const optional = /\?$/.test(n);
    const star = /\*$/.test(n);
    const name = n.replace(/[?*]+$/, '').trim();
    if (!name) continue;
    const required = req.required ?? constraints.required ?? (star ? true : optional ? false : null) ?? false;
    out.push(makeField(name, rawType, { required, generated: req.generated || constraints.generated, default: def, description, line: row.line }));
  }
  return out;
}

/** The fields of a field table, or null when the table is not one (no name or no type column). */
export function tableFields(table: TableBlock): Field[] | null {
  const cols = columns(table.header);
  if (!cols) return null;
  return table.rows.flatMap((r) => rowFields(r, cols));
}
