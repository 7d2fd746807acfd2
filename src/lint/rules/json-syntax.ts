import { codeBlocks } from '../../markdown/walk.js';
import { checkJson } from '../json-check.js';
import { defineRule } from '../types.js';

/** Line and column of a character offset in a text (both 1-based). */
export function offsetToPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

export default defineRule({
  id: 'json-syntax',
  description: 'A ```json block is valid JSON',
  defaultSeverity: 'error',
  scope: 'document',
  examples: [
    {
      fail: '# Tags Design\n\n## API Contracts\n\n```json\n{\n  "name": "reading",\n  "color": "#ff0000",\n}\n```\n',
      pass: '# Tags Design\n\n## API Contracts\n\n```json\n{\n  "name": "reading",\n  "color": "#ff0000"\n}\n```\n',
    },
  ],
  check({ doc, report }) {
    for (const { block } of codeBlocks(doc.doc.root)) {
      if (block.lang !== 'json' || block.code.trim() === '') continue;
      const err = checkJson(block.code);
      if (!err) continue;
      const pos = offsetToPosition(block.code, err.offset);
      const first = block.fenced ? block.line + 1 : block.line;
      report({ path: doc.path, line: first + pos.line - 1, column: pos.column, message: `invalid JSON: ${err.message}` });
    }
  },
});
