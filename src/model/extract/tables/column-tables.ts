/** Column tables: `| Column | Type | Constraints | Description |` under a table's heading. */
import { boldLabel, codeSpans, plainText } from '../../../markdown/inline.js';
import { SECTION_KEYS } from '../../../markdown/heading-key.js';
import type { MarkdownDoc, Section, TableBlock, TableRow } from '../../../markdown/types.js';
import { tables } from '../../../markdown/walk.js';
import { normalizeType, readConstraints, splitTopLevel } from './constraints.js';
import { column, type TableDraft, type TableFacts } from './facts.js';
import { headingTableName, inDatabaseSection, rawHeading, tableName } from './names.js';

interface Layout {
  name: number;
  type: number;
  constraints: number;
  nullable: number;
  required: number;
  default: number;
  pk: number;
  references: number;
  description: number;
}

const find = (cols: string[], re: RegExp) => cols.findIndex((c) => re.test(c));

function layout(t: TableBlock, inDb: boolean): Layout | null {
  const cols = t.header.cells.map((c) => plainText(c.text).toLowerCase());
  const l: Layout = {
    name: find(cols, inDb ? /^(column|column name|field|field name|name|attribute)$/ : /^(column|column name)$/),
    type: find(cols, /^(type|data type|datatype|sql type|postgres type)$/),
    constraints: find(cols, /^(constraints?|modifiers|attributes|keys?|properties)$/),
    nullable: find(cols, /^(nullable|null|null\?|nullable\?)$/),
    required: find(cols, /^(required|not null|required\?)$/),
    default: find(cols, /^(default|default value)$/),
    pk: find(cols, /^(pk|primary key|primary)$/),
    references: find(cols, /^(references|foreign key|fk|relation|relationship)$/),
    description: find(cols, /^(description|notes?|comments?|purpose|meaning)$/),
  };
  if (l.name < 0 || l.type < 0) return null;
  if (!inDb && l.constraints < 0) return null;
  return l;
}

const yes = (s: string) => /^(yes|y|true|✓|✔|x|required)$/i.test(s);
const no = (s: string) => /^(no|n|false|optional)$/i.test(s);

/** Nullable from a `Nullable` cell, else from a `Required` cell, else from the constraints. */
function nullableOf(nullable: string, required: string, fromConstraints: boolean | null): boolean | null {
  if (yes(nullable)) return true;
  if (no(nullable)) return false;
  if (yes(required)) return false;
  if (no(required)) return true;
  return fromConstraints;
}

function readRow(row: TableRow, l: Layout, draft: TableDraft): void {
  const cell = (i: number) => (i < 0 ? '' : row.cells[i]?.text ?? '');
  const name = plainText(cell(l.name)).replace(/"/g, '');
  if (!/^[A-Za-z_][\w$]*$/.test(name)) return;
  const facts = readConstraints(splitTopLevel(cell(l.constraints)));
  const col = column(name, normalizeType(cell(l.type)));
  const nullable = plainText(cell(l.nullable));
  const required = plainText(cell(l.required));
  const def = plainText(cell(l.default));
  const ref = plainText(cell(l.references));
  col.primaryKey = facts.primaryKey || yes(plainText(cell(l.pk)));
  col.nullable = col.primaryKey ? false : nullableOf(nullable, required, facts.nullable);
  col.default = def !== '' && def !== '-' ? def : facts.default;
  col.references = ref !== '' && ref !== '-' ? readConstraints([`FK ${ref}`]).references : facts.references;
  const description = plainText(cell(l.description));
  col.description = description === '' || description === '-' ? null : description;
  draft.columns.push(col);
  if (facts.unique) draft.indexes.push({ name: `${draft.name.replace(/^.*\./, '')}_${name}_key`, columns: [name], unique: true });
}

/** The table's name: its heading's, or the code span or bold label of the paragraph right above it. */
function nameOf(doc: MarkdownDoc, t: TableBlock, section: Section): { name: string; line: number } | null {
  const raw = rawHeading(doc, section);
  const fromHeading = headingTableName(raw);
  if (fromHeading && (raw.includes('`') || !SECTION_KEYS.includes(section.key))) return { name: fromHeading, line: section.line };
  const k = section.blocks.indexOf(t);
  const prev = k > 0 ? section.blocks[k - 1] : undefined;
  if (prev?.kind !== 'paragraph') return null;
  const label = codeSpans(prev.text)[0] ?? boldLabel(prev.text)?.label ?? /^\*\*([^*]+)\*\*/.exec(prev.text)?.[1];
  const name = label ? label.replace(/^table\s*:?\s*/i, '').replace(/\s+table$/i, '').trim() : '';
  return /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/.test(name.replace(/"/g, '')) ? { name: tableName(name), line: prev.line } : null;
}

export function readColumnTables(doc: MarkdownDoc, facts: TableFacts): void {
  for (const { block, section } of tables(doc.root)) {
    const l = layout(block, inDatabaseSection(section));
    if (!l) continue;
    const named = nameOf(doc, block, section);
    if (!named) continue;
    const draft: TableDraft = { name: named.name, columns: [], indexes: [], policies: [], line: named.line };
    for (const row of block.rows) readRow(row, l, draft);
    if (draft.columns.length > 0) facts.tables.push(draft);
  }
}
