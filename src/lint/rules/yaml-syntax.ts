import { codeBlocks } from '../../markdown/walk.js';
import { defineRule } from '../types.js';
import { checkYaml } from '../yaml-check.js';

export default defineRule({
  id: 'yaml-syntax',
  description: 'A ```yaml block is valid YAML (a warning: templates use yaml fences for pseudo-YAML)',
  defaultSeverity: 'warning',
  scope: 'document',
  examples: [
    {
      fail: '# Feature: Tags\n\n## Configuration\n\n```yaml\ntags:\n  max: 20\n   color: blue\n```\n',
      pass: '# Feature: Tags\n\n## Configuration\n\n```yaml\ntags:\n  max: 20\n  color: blue\n```\n',
    },
  ],
  check({ doc, report }) {
    for (const { block } of codeBlocks(doc.doc.root)) {
      if (block.lang !== 'yaml' && block.lang !== 'yml') continue;
      const first = block.fenced ? block.line + 1 : block.line;
      const err = checkYaml(block.code);
      if (err) report({ path: doc.path, line: first + err.line - 1, column: err.column, message: `invalid YAML: ${err.message}` });
    }
  },
});
