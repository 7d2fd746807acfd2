import { codePosition } from '../../sql/block.js';
import { loadSqlParser, SQL_LANGS } from '../../sql/load.js';
import { collectBlocks } from '../heavy/blocks.js';
import { sqlErrors } from '../heavy/sql-check.js';
import { defineRule } from '../types.js';

/** PostgreSQL quotes the text at the error, which can run over lines (an unterminated string): keep one short line. */
function oneLine(message: string): string {
  return message.replace(/"([\s\S]*)"$/, (_m, near: string) => {
    const text = near.replace(/\s+/g, ' ').trim();
    return `"${text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text}"`;
  });
}

export default defineRule({
  id: 'sql-syntax',
  description: 'SQL blocks parse with the PostgreSQL parser (libpg-query); psql meta-command lines (`\\c db`) are skipped, and blocks with no SQL statement (only comments or prose) pass',
  defaultSeverity: 'error',
  scope: 'workspace',
  checksDocuments: true,
  heavy: true,
  examples: [
    {
      fail: '# Widgets Design\n\n## Database Schema\n\n```sql\nCREATE TABLE widgets (\n  id uuid PRIMARY KEY\n  name text NOT NULL\n);\n```\n',
      pass: '# Widgets Design\n\n## Database Schema\n\n```sql\nCREATE TABLE widgets (\n  id uuid PRIMARY KEY,\n  name text NOT NULL\n);\n```\n',
    },
  ],
  async check(ctx) {
    const blocks = collectBlocks(ctx, SQL_LANGS);
    if (blocks.length === 0) return;
    const parser = await loadSqlParser();
    if (!parser) {
      const first = blocks[0]!;
      ctx.report({ path: first.doc.path, line: first.block.line, message: `the PostgreSQL parser (libpg-query) could not be loaded; ${blocks.length} SQL block(s) were not checked` });
      return;
    }
    for (const { doc, block } of blocks) {
      for (const e of sqlErrors(parser, block.code)) {
        ctx.report({ path: doc.path, ...codePosition(doc.doc, block, e.offset), message: `PostgreSQL: ${oneLine(e.message)}` });
      }
    }
  },
});
