import { sections } from '../../markdown/walk.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'empty-section',
  description: 'A heading has content under it',
  defaultSeverity: 'warning',
  scope: 'document',
  examples: [
    {
      fail: '# Bookmarks Design\n\n## Overview\n\n## Architecture\n\nA single service in front of PostgreSQL.\n',
      pass: '# Bookmarks Design\n\n## Overview\n\nUsers save links and find them again.\n\n## Architecture\n\nA single service in front of PostgreSQL.\n',
    },
  ],
  check({ doc, report }) {
    for (const s of sections(doc.doc.root)) {
      if (s.level === 1 || s.children.length > 0) continue;
      if (s.blocks.every((b) => b.kind === 'hr' || (b.kind === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(b.text)))) {
        report({ path: doc.path, line: s.line, message: `section "${s.title}" is empty; write its content or remove the heading` });
      }
    }
  },
});
