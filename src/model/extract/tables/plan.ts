/**
 * Plan-style schemas (seed 002): `#### \`table\`` headings with `**Columns**:`, `**Indexes**:` and
 * `**RLS Policies**:` bullet lists, and a `### Relationships` list of `a.b → c.d` bullets.
 */
import { boldLabel, plainText } from '../../../markdown/inline.js';
import { SECTION_KEYS } from '../../../markdown/heading-key.js';
import type { ListBlock, MarkdownDoc, Section } from '../../../markdown/types.js';
import { sections } from '../../../markdown/walk.js';
import { columnBullet, indexBullet, policyBullets, relationshipBullet } from './bullets.js';
import type { TableDraft, TableFacts } from './facts.js';
import { headingTableName, inDatabaseSection, rawHeading } from './names.js';

type ListKind = 'columns' | 'indexes' | 'policies' | 'relationships' | null;

function labelKind(label: string): ListKind {
  const l = label.toLowerCase();
  if (/^(columns?|fields?|schema)$/.test(l)) return 'columns';
  if (/^(indexes|indices|index)$/.test(l)) return 'indexes';
  if (/\b(rls|polic(y|ies)|row level security)\b/.test(l)) return 'policies';
  if (/^(relationships?|relations|foreign keys)$/.test(l)) return 'relationships';
  return null;
}

function sectionKind(s: Section): ListKind {
  if (s.key === 'indexes') return 'indexes';
  if (s.key === 'rls-policies') return 'policies';
  if (s.key === 'relationships') return 'relationships';
  return null;
}

/** The table a section's heading names, unless the heading is a known section name (`### Tables`). */
function sectionTable(doc: MarkdownDoc, s: Section): string | null {
  const raw = rawHeading(doc, s);
  const name = headingTableName(raw);
  if (!name) return null;
  if (!raw.includes('`') && SECTION_KEYS.includes(s.key)) return null;
  return name;
}

function readList(list: ListBlock, kind: ListKind, draft: TableDraft | null, facts: TableFacts): void {
  for (const item of list.items) {
    if (kind === 'relationships') {
      const r = relationshipBullet(item.text);
      if (r) facts.references.push({ table: r.table, line: item.line, item: { column: r.column, references: r.references, text: r.text } });
    } else if (kind === 'indexes') {
      const r = indexBullet(item.text, draft?.name ?? null);
      if (r && draft && r.table === draft.name) draft.indexes.push(r.index);
      else if (r) facts.indexes.push({ table: r.table, line: item.line, item: r.index });
    } else if (kind === 'policies' && draft) {
      draft.policies.push(...policyBullets(item.text));
    } else if (kind === 'columns' && draft) {
      const r = columnBullet(item.text);
      if (!r) continue;
      draft.columns.push(r.column);
      if (r.unique) draft.indexes.push({ name: `${draft.name.replace(/^.*\./, '')}_${r.column.name}_key`, columns: [r.column.name], unique: true });
    }
  }
}

export function readPlan(doc: MarkdownDoc, facts: TableFacts): void {
  for (const s of sections(doc.root)) {
    const own = sectionKind(s);
    const inDb = inDatabaseSection(s);
    if (!inDb && own !== 'relationships') continue;
    const name = inDb ? sectionTable(doc, s) : null;
    const draft: TableDraft | null = name ? { name, columns: [], indexes: [], policies: [], line: s.line } : null;
    let kind: ListKind = own;
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') {
        const label = boldLabel(b.text) ?? boldLabel(`**${plainText(b.text).replace(/:$/, '')}**:`);
        kind = (label ? labelKind(label.label) : null) ?? own;
      } else if (b.kind === 'list') {
        const k = kind ?? (draft && b.items.some((i) => columnBullet(i.text)) ? 'columns' : null);
        readList(b, k, draft, facts);
      } else if (b.kind !== 'html') kind = own;
    }
    if (draft && (draft.columns.length > 0 || draft.indexes.length > 0 || draft.policies.length > 0)) facts.tables.push(draft);
  }
}
