import { codeBlocks } from '../../markdown/walk.js';
import { lazyYaml, withoutStacks } from '../../markdown/yaml-lazy.js';
import { defineRule } from '../types.js';

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
      for (const d of withoutStacks(() => lazyYaml().parseAllDocuments(block.code, { prettyErrors: true }))) {
        const err = 'errors' in d ? d.errors[0] : undefined;
        if (!err) continue;
        const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
        report({ path: doc.path, line: first + pos.line - 1, column: pos.col, message: `invalid YAML: ${err.message.split('\n')[0]}` });
        break;
      }
    }
  },
});
