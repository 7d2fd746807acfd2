import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractConfig } from '../../../src/model/extract/config.js';
import { extractTables } from '../../../src/model/extract/tables.js';
import { loadSqlParser } from '../../../src/sql/load.js';
import type { SqlParser } from '../../../src/sql/parser.js';
import { docContext } from '../../helpers.js';

let sql: SqlParser | null = null;
beforeAll(async () => {
  sql = await loadSqlParser();
});

const FRAGMENTS = [
  '## Database Schema', '#### `users`', '### Relationships', '## Configuration', '**Columns**:', '**Indexes**:', '**RLS Policies**:',
  '- `id` (uuid, PK) - x', '- `a.b` → `c.d`', '- SELECT: all', '- `idx` on `(a, b)`', '- `API_KEY` - k', '- **X_Y**: z',
  '| Column | Type | Constraints |', '|---|---|---|', '| id | uuid | PK, DEFAULT now() |', '| Variable | Description |', '| `PORT` | p |',
  '```sql', '```env', '```', 'CREATE TABLE t (id int PRIMARY KEY,', "  name text DEFAULT 'x',", ');', 'CREATE POLICY p ON t USING (', 'CREATE INDEX ON t (', "$$ ' \" /* --", 'ALTER TABLE t ADD', 'A_B=1 # c', '# comment', '', 'é☕𝄞',
];

describe('extractors never throw', () => {
  it('on any mix of schema and configuration fragments', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (lines) => {
      const ctx = docContext(lines.join('\n') + '\n', { sql });
      for (const t of extractTables(ctx)) expect(t.source.line).toBeGreaterThan(0);
      for (const c of extractConfig(ctx)) expect(c.source.line).toBeGreaterThan(0);
      expect(ctx.diagnostics.filter((d) => d.rule === 'sql-extract')).toEqual([]);
    }), { numRuns: 300 });
  });
});
