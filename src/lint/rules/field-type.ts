import { isKnownType } from '../../model/field-type.js';
import { defineRule } from '../types.js';
import { entityNames } from './workspace-index.js';

export default defineRule({
  id: 'field-type',
  description: 'Every data-model field has a type that featspec understands (a primitive, a list, or an entity)',
  defaultSeverity: 'error',
  scope: 'feature',
  uses: ['entities'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## Data Models\n\n### Note\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | UUID | auto | uuid4() | Primary key |\n| body | strng | yes | - | Text of the note |\n',
      pass: '# FEAT-001 Design: Notes\n\n## Data Models\n\n### Note\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | UUID | auto | uuid4() | Primary key |\n| body | str | yes | - | Text of the note |\n',
    },
  ],
  check({ feature, workspace, report }) {
    const names = entityNames(workspace);
    for (const e of feature.entities) {
      for (const f of e.fields) {
        // No type written at all (name-only bullet lists, `null` examples) is a gap, not a wrong type.
        if (isKnownType(f.type, names) || f.rawType.trim() === '' || f.rawType.trim() === 'null') continue;
        const at = f.source ?? e.source;
        report({ path: at.path, line: at.line, message: `field ${e.name}.${f.name} has type "${f.rawType}", which is neither a known type (uuid, string, integer, number, boolean, datetime, date, json, lists) nor an entity of the workspace` });
      }
    }
  },
});
