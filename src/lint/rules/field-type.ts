import { codeBlocks } from '../../markdown/walk.js';
import type { ParsedDoc } from '../../model/feature.js';
import { isKnownType } from '../../model/field-type.js';
import type { Feature } from '../../model/schema.js';
import { isTemplateLeftover } from '../model-utils.js';
import { defineRule } from '../types.js';
import { entityNames } from './workspace-index.js';

/** A type declared in a code block: `interface CategoryAnalysis {`, `type Id = string`, `class Order(Base):`, `enum Role {`. */
const DECLARED = /^[ \t]*(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:interface|type|class|enum)\s+([A-Z]\w*)/gm;

/** The type names the feature's documents declare in their code blocks (a field may use one that is no entity). */
function declaredTypes(feature: Feature, docs: ReadonlyMap<string, ParsedDoc>): Set<string> {
  const out = new Set<string>();
  for (const d of feature.docs) {
    const parsed = docs.get(d.path);
    if (!parsed) continue;
    for (const { block } of codeBlocks(parsed.doc.root)) {
      if (/^(?:json\w*|ya?ml|sql|mermaid|bash|sh|shell|text|txt|http)$/.test(block.lang)) continue;
      for (const m of block.code.matchAll(DECLARED)) out.add(m[1]!);
    }
  }
  return out;
}

export default defineRule({
  id: 'field-type',
  description: 'Every data-model field has a type that featspec understands (a primitive, a list, an entity, or a type declared in the feature\'s code blocks)',
  defaultSeverity: 'error',
  scope: 'feature',
  uses: ['entities'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## Data Models\n\n### Note\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | UUID | auto | uuid4() | Primary key |\n| body | strng | yes | - | Text of the note |\n',
      pass: '# FEAT-001 Design: Notes\n\n## Data Models\n\n### Note\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | UUID | auto | uuid4() | Primary key |\n| body | str | yes | - | Text of the note |\n',
    },
  ],
  check({ feature, workspace, docs, report }) {
    const names = entityNames(workspace);
    let declared: Set<string> | null = null;
    for (const e of feature.entities) {
      if (isTemplateLeftover(e.name)) continue;
      for (const f of e.fields) {
        // No type written at all (name-only bullet lists, `null` examples) is a gap, not a wrong type.
        if (isKnownType(f.type, names) || f.rawType.trim() === '' || f.rawType.trim() === 'null') continue;
        declared ??= declaredTypes(feature, docs);
        if (declared.has(f.type.replace(/(?:\[\])+$/, ''))) continue;
        const at = f.source ?? e.source;
        report({ path: at.path, line: at.line, message: `field ${e.name}.${f.name} has type "${f.rawType}", which is neither a known type (uuid, string, integer, number, boolean, datetime, date, json, lists) nor an entity of the workspace, nor a type its documents declare` });
      }
    }
  },
});
