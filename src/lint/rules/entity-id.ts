import { isTemplateLeftover } from '../model-utils.js';
import { defineRule } from '../types.js';

const ID_NAME = /^(?:id|uuid|_id|pk)$/i;
/** Shapes that travel in requests and responses rather than being stored: a key is not expected of them. */
const TRANSFER_SHAPE = /(?:Request|Response|Payload|Dto|DTO|Input|Output|Params|Result|Error)$/;

export default defineRule({
  id: 'entity-id',
  description: 'Every entity and table has a primary key (request, response and error shapes, and values held in another entity, need none)',
  defaultSeverity: 'warning',
  scope: 'feature',
  uses: ['entities', 'tables'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## Data Models\n\n### Note\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| body | str | yes | - | Text of the note |\n',
      pass: '# FEAT-001 Design: Notes\n\n## Data Models\n\n### Note\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | UUID | auto | uuid4() | Primary key |\n| body | str | yes | - | Text of the note |\n',
    },
  ],
  check({ feature, report }) {
    // A value held inside another entity (`address: Address`, `comments: Comment[]`) is stored with it.
    const held = new Set<string>();
    for (const e of feature.entities) for (const f of e.fields) if (f.type !== e.name) held.add(f.type.replace(/\[\]$/, ''));
    for (const e of feature.entities) {
      if (e.fields.length === 0 || TRANSFER_SHAPE.test(e.name) || isTemplateLeftover(e.name) || held.has(e.name)) continue;
      const key = e.fields.some((f) => ID_NAME.test(f.name) || /primary key|\bPK\b/i.test(`${f.description ?? ''} ${f.rawType}`));
      if (!key) report({ path: e.source.path, line: e.source.line, message: `entity ${e.name} has no primary key; expected an "id" field (or one described as the primary key)` });
    }
    for (const t of feature.tables) {
      if (t.columns.length === 0) continue;
      if (!t.columns.some((c) => c.primaryKey)) report({ path: t.source.path, line: t.source.line, message: `table ${t.name} has no primary key column` });
    }
  },
});
