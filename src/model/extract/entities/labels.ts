/**
 * Names around data-model blocks: entity headings (`### 1. \`widgets\` (New)` → `widgets`) and the
 * short labels written just before a block (`**Fields**:`, `**BookmarkItem Sub-entity**:`, `**Request:**`).
 */
import { memoByString } from '../../../memo.js';
import { headingKey, SECTION_KEYS } from '../../../markdown/heading-key.js';
import { plainText } from '../../../markdown/inline.js';
import type { Block } from '../../../markdown/types.js';

const GENERIC = /\b(?:models?|entities|schemas|types|structures?|fields|examples?|samples?|definitions|overview|tables|relationships?|relations|enums?|validation|rules|transitions|notes|diagram|flow|storage|mapping|patterns|considerations|strategy|migrations?|indexes|indices|constraints|changes|summary|payloads?|extensions|files|seed|properties|attributes|columns)\b|模型|數據|数据|資料|结构|結構|類型|类型|示例|範例|实体|實體/i;
const ENDPOINT = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|SSE|WS|WSS)\s+\S|^\//i;

function stripNumbering(t: string): string {
  return t.replace(/^(?:\d+(?:\.\d+)*|[A-Za-z]|[ivxIVX]+)[.)]\s+/, '').replace(/^\d+(?:\.\d+)*\s+/, '');
}

/** True when a heading names an HTTP endpoint (`POST /x`, `1. GET /y`, `/people/{id}`). */
export const isEndpointHeading: (title: string) => boolean = memoByString((title) => ENDPOINT.test(stripNumbering(plainText(title))));

/**
 * The entity a heading names, cleaned (numbering, `Table:` prefixes, `(New)` suffixes, backticks and a
 * trailing `Entity`/`Model` removed), or null when the heading is a generic section title.
 */
export const entityName: (title: string) => string | null = memoByString(entityNameOf);

function entityNameOf(title: string): string | null {
  let t = stripNumbering(plainText(title)).trim();
  if (!t || ENDPOINT.test(t)) return null;
  t = t.replace(/^(?:table|entity|model|interface|type|schema|class|collection|object|resource|dto|record)\s*[:\-–—]\s*/i, '');
  for (let i = 0; i < 3; i++) t = t.replace(/\s*(?:\([^()]*\)|\[(?:new|existing|updated|modified)\])\s*$/i, '').trim();
  t = t.replace(/[:：]$/, '').trim();
  const bare = t.replace(/\s+(?:entity|model|table|schema|object|record)$/i, '').trim();
  if (bare && bare !== t) return GENERIC.test(bare) ? null : bare;
  if (!t || t.includes('/') || t.split(/\s+/).length > 4) return null;
  if (SECTION_KEYS.includes(headingKey(t)) || GENERIC.test(t)) return null;
  return t;
}

export type LabelKind = { kind: 'fields' } | { kind: 'skip' } | { kind: 'entity'; name: string } | { kind: 'other' };

const FIELDS = /^(?:key |core |main |data |entity |model )?(?:fields|attributes|properties|columns|schema|structure|shape|definition|payload|model)$/i;
const SKIP = /example|sample|request|response|error|relationship|validation|rules?\b|transition|index|migration|usage|query (?:param|string)|parameters|headers|returns|enum|constants/i;

export function isFieldsLabel(label: string): boolean {
  return FIELDS.test(label.trim());
}

/** The label text of a paragraph that is only a label (`**Fields**:`, `**Widget**`, `Fields:`), or null. */
export function labelText(block: Block | undefined): string | null {
  if (!block || block.kind !== 'paragraph') return null;
  const raw = block.text.trim();
  const bold = /^(\*\*|__)([^*_]+?)\1\s*:?\s*$/.exec(raw);
  if (bold) return bold[2]!.replace(/[:：]\s*$/, '').trim();
  if (/^[^\n:]{1,40}:$/.test(raw)) return plainText(raw.slice(0, -1)).trim();
  return null;
}

export function classifyLabel(label: string | null): LabelKind | null {
  if (label === null) return null;
  if (isFieldsLabel(label)) return { kind: 'fields' };
  if (SKIP.test(label)) return { kind: 'skip' };
  const name = plainText(label).replace(/\s+(?:sub-?entity|entity|model|type|object|interface|schema|dto|table|record)$/i, '').trim();
  if (/^[A-Za-z_][\w.]*$/.test(name)) return { kind: 'entity', name };
  return { kind: 'other' };
}
