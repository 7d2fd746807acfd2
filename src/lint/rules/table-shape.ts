import { deepBlocks } from '../../markdown/walk.js';
import { alignTable } from '../format-fixes.js';
import { defineRule } from '../types.js';

const PIPE_START = /^\s*\|/;
const NAME_COLUMNS = /^(?:field|name|column|attribute|property|variable|file|path|id|#)$/i;

export default defineRule({
  id: 'table-shape',
  description: 'Tables have a delimiter row, the same number of cells in every row, and no empty name or type cells',
  defaultSeverity: 'error',
  scope: 'document',
  fixable: true,
  examples: [
    {
      fail: '# Widgets Design\n\n## Data Models\n\n### Widget\n\n| Field | Type | Description |\n|---|---|---|\n| id | uuid |\n| | string | Display name |\n',
      pass: '# Widgets Design\n\n## Data Models\n\n### Widget\n\n| Field | Type | Description |\n|---|---|---|\n| id | uuid | Primary key |\n| name | string | Display name |\n',
    },
  ],
  check({ doc, report }) {
    for (const { block } of deepBlocks(doc.doc.root)) {
      if (block.kind === 'table') {
        // A short row is padded (and the table aligned) by --fix; a row wider than the header is left to the author.
        // The fix is computed for tables with a reported row only.
        let fix: { startLine: number; endLine: number; text: string } | undefined;
        let fixed = false;
        for (const d of doc.diagnostics) {
          if (d.rule === 'table-shape' && d.line >= block.line && d.line <= block.endLine) {
            if (!fixed) {
              const aligned = alignTable(doc.doc.sourceLines, block);
              fix = aligned ? { startLine: block.line, endLine: block.endLine, text: aligned.join('\n') } : undefined;
              fixed = true;
            }
            report({ path: doc.path, line: d.line, column: d.column, message: d.message, ...(fix ? { fix } : {}) });
          }
        }
      }
      if (block.kind === 'paragraph') {
        // Only a paragraph whose first line starts with a pipe can be a table without its delimiter row.
        if (!PIPE_START.test(block.text)) continue;
        const lines = block.text.split('\n');
        if (lines.length >= 2 && lines.every((l) => /^\s*\|.*\|\s*$/.test(l))) {
          report({ path: doc.path, line: block.line + 1, message: 'table has no delimiter row (`|---|---|`) after its header, so Markdown renders it as text' });
        }
        continue;
      }
      if (block.kind !== 'table') continue;
      const header = block.header.cells.map((c) => c.text);
      const required = header.map((h, i) => (i === 0 && NAME_COLUMNS.test(h)) || /^type$/i.test(h));
      for (const row of block.rows) {
        row.cells.forEach((cell, i) => {
          if (required[i] && cell.text === '' && row.cells.length === header.length) {
            report({ path: doc.path, line: row.line, column: cell.column, message: `empty "${header[i]}" cell; every row needs one` });
          }
        });
      }
    }
  },
});
