import { isSpecified, isTemplateLeftover } from '../model-utils.js';
import { defineRule } from '../types.js';

const key = (method: string, path: string) => `${method} ${path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '')}`;

export default defineRule({
  id: 'endpoint-duplicate',
  description: 'The same method and path are specified only once in the workspace',
  defaultSeverity: 'error',
  scope: 'workspace',
  uses: ['endpoints'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## API Endpoints\n\n### GET /api/v1/notes/{id}\n| Aspect | Detail |\n|---|---|\n| Response 200 | Note |\n\n### GET /api/v1/notes/{noteId}\n| Aspect | Detail |\n|---|---|\n| Response 200 | Note |\n',
      pass: '# FEAT-001 Design: Notes\n\n## API Endpoints\n\n### GET /api/v1/notes/{id}\n| Aspect | Detail |\n|---|---|\n| Response 200 | Note |\n\nClients may also call GET /api/v1/notes/{id} with an ETag.\n',
    },
  ],
  check({ workspace, report }) {
    const first = new Map<string, { path: string; line: number; feature: string }>();
    for (const f of workspace.features) {
      for (const e of f.endpoints) {
        // Mentions of an endpoint specified elsewhere are expected; template placeholders are no-placeholder's.
        if (!isSpecified(e) || isTemplateLeftover(e.path)) continue;
        const k = key(e.method, e.path);
        const prev = first.get(k);
        if (!prev) {
          first.set(k, { ...e.source, feature: f.id });
          continue;
        }
        report({ path: e.source.path, line: e.source.line, message: `${e.method} ${e.path} is already specified at ${prev.path}:${prev.line}; specify each endpoint once` });
      }
    }
  },
});
