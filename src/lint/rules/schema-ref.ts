import { isTemplateLeftover, looksLikeSchemaName, resolvesSchema } from '../model-utils.js';
import type { Example } from '../../model/schema.js';
import { defineRule } from '../types.js';
import { sharedEntityIndex } from './workspace-index.js';

/** Whether the example beside the schema name declares it (`interface RegisterRequest {` in a TypeScript block). */
function declares(example: Example | null, name: string): boolean {
  if (!example || /^json/i.test(example.language)) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(?:export\\s+)?(?:interface|type|class)\\s+${escaped}\\b`, 'm').test(example.code);
}

export default defineRule({
  id: 'schema-ref',
  description: 'Request and response schema names refer to entities of the workspace (X, XCreate, XUpdate, PaginatedResponse[X]) or to standard errors',
  defaultSeverity: 'error',
  scope: 'feature',
  uses: ['endpoints', 'entities', 'tables'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## Data Models\n\n### Note\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | UUID | auto | uuid4() | Primary key |\n\n## API Endpoints\n\n### POST /api/v1/notes\n| Aspect | Detail |\n|---|---|\n| Request | MemoCreate |\n| Response 201 | Note |\n',
      pass: '# FEAT-001 Design: Notes\n\n## Data Models\n\n### Note\n| Field | Type | Required | Default | Description |\n|---|---|---|---|---|\n| id | UUID | auto | uuid4() | Primary key |\n\n## API Endpoints\n\n### POST /api/v1/notes\n| Aspect | Detail |\n|---|---|\n| Request | NoteCreate |\n| Response 201 | Note |\n| Response 400 | ValidationError |\n',
    },
  ],
  check({ feature, workspace, report }) {
    const entities = sharedEntityIndex(workspace);
    for (const e of feature.endpoints) {
      if (isTemplateLeftover(e.path)) continue;
      const names: [string, string, Example | null][] = [];
      if (e.request) names.push(['request', e.request, e.requestExample]);
      for (const r of e.responses) if (r.schema) names.push([`${r.status} response`, r.schema, r.example]);
      for (const [what, name, example] of names) {
        if (!looksLikeSchemaName(name) || resolvesSchema(name, entities) || declares(example, name)) continue;
        report({ path: e.source.path, line: e.source.line, message: `${e.method} ${e.path}: ${what} schema "${name}" names no entity of the workspace (nor a standard error)` });
      }
    }
  },
});
