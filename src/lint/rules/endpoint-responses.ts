import { isSpecified, isTemplateLeftover } from '../model-utils.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'endpoint-responses',
  description: 'A specified endpoint documents the responses its auth, path and body imply: a 2xx, 401 when auth is required, 404 with a path parameter, 400 with a request body',
  defaultSeverity: 'warning',
  scope: 'feature',
  uses: ['endpoints'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## API Endpoints\n\n### PUT /api/v1/notes/{id}\n| Aspect | Detail |\n|---|---|\n| Auth | Required |\n| Request | NoteUpdate |\n| Response 200 | Note |\n',
      pass: '# FEAT-001 Design: Notes\n\n## API Endpoints\n\n### PUT /api/v1/notes/{id}\n| Aspect | Detail |\n|---|---|\n| Auth | Required |\n| Request | NoteUpdate |\n| Response 200 | Note |\n| Response 400 | ValidationError |\n| Response 401 | UnauthorizedError |\n| Response 404 | NotFoundError |\n',
    },
  ],
  check({ feature, report }) {
    for (const e of feature.endpoints) {
      if (!isSpecified(e) || isTemplateLeftover(e.path)) continue; // a mention in prose is not a specification
      const has = (pred: (s: number) => boolean) => e.responses.some((r) => pred(r.status));
      const missing: string[] = [];
      if (!has((s) => s >= 200 && s < 300)) missing.push('2xx success response');
      if (e.auth === 'required' && !has((s) => s === 401)) missing.push('401 (auth is required)');
      if (/\{[^}]+\}/.test(e.path) && !has((s) => s === 404)) missing.push('404 (the path has a parameter)');
      const body = e.request !== null || e.requestExample !== null;
      if (body && !has((s) => s === 400 || s === 422)) missing.push('400 (it takes a request body)');
      if (missing.length) {
        report({ path: e.source.path, line: e.source.line, message: `${e.method} ${e.path} documents no ${missing.join(', no ')}` });
      }
    }
  },
});
