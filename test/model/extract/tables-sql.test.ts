import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractTables } from '../../../src/model/extract/tables.js';
import { loadSqlParser } from '../../../src/sql/load.js';
import type { SqlParser } from '../../../src/sql/parser.js';
import { docContext, md, SHARED } from '../../helpers.js';

let sql: SqlParser;
beforeAll(async () => {
  const p = await loadSqlParser();
  if (!p) throw new Error('libpg-query did not load');
  sql = p;
});

const col = (name: string, type: string, more: Partial<{ primaryKey: boolean; nullable: boolean | null; default: string | null; references: string | null; description: string | null }> = {}) => ({
  name, type, primaryKey: false, nullable: null, default: null, references: null, description: null, ...more,
});
const src = (line: number) => ({ path: 'docs/features/001-test/design.md', line });

describe('extractTables: SQL blocks', () => {
  it('reads seed 004: feature_data from CREATE TABLE', () => {
    const ctx = docContext(readFileSync(new URL('seeds/004_adad539d0e28a50d.txt', SHARED), 'utf8'), { path: 'guide.md', sql });
    expect(extractTables(ctx)).toEqual([{
      name: 'feature_data',
      columns: [
        col('id', 'serial', { primaryKey: true, nullable: false }),
        col('user_id', 'integer', { references: 'users.id' }),
        col('data', 'jsonb', { nullable: false }),
        col('created_at', 'timestamp', { default: 'NOW()' }),
      ],
      indexes: [], policies: [], source: { path: 'guide.md', line: 57 },
    }]);
  });

  it('reads columns, types as written, defaults, keys and trailing comments', () => {
    const ctx = docContext(md(
      '# Design',
      '',
      '```sql',
      '-- the users',
      'CREATE TABLE IF NOT EXISTS public.users (',
      '  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),',
      '  email VARCHAR (255) NOT NULL UNIQUE, -- login name',
      '  score DOUBLE PRECISION DEFAULT 1.5 NOT NULL,',
      "  tags TEXT[] DEFAULT '{}'::text[],",
      '  seen TIMESTAMP WITH TIME ZONE NULL,',
      '  price numeric(10, 2) DEFAULT (0.0),',
      '  org_id uuid REFERENCES public.orgs(id) ON DELETE CASCADE,',
      '  owner uuid REFERENCES auth.users,',
      '  team_id int,',
      '  CONSTRAINT team_fk FOREIGN KEY (team_id) REFERENCES teams (id),',
      '  UNIQUE (org_id, email)',
      ');',
      '```',
    ), { sql });
    expect(extractTables(ctx)).toEqual([{
      name: 'users',
      columns: [
        col('id', 'uuid', { primaryKey: true, nullable: false, default: 'gen_random_uuid()' }),
        col('email', 'varchar(255)', { nullable: false, description: 'login name' }),
        col('score', 'double precision', { nullable: false, default: '1.5' }),
        col('tags', 'text[]', { default: "'{}'::text[]" }),
        col('seen', 'timestamp with time zone'),
        col('price', 'numeric(10, 2)', { default: '(0.0)' }),
        col('org_id', 'uuid', { references: 'orgs.id' }),
        col('owner', 'uuid', { references: 'auth.users' }),
        col('team_id', 'int', { references: 'teams.id' }),
      ],
      indexes: [
        { name: 'users_email_key', columns: ['email'], unique: true },
        { name: 'users_org_id_email_key', columns: ['org_id', 'email'], unique: true },
      ],
      policies: [],
      source: src(5),
    }]);
  });

  it('marks composite primary keys and attaches indexes, policies and ALTER TABLE from other blocks', () => {
    const ctx = docContext(md(
      '## Schema',
      '```sql',
      'CREATE TABLE org_members (',
      '  org_id uuid NOT NULL,',
      '  user_id uuid NOT NULL,',
      '  PRIMARY KEY (org_id, user_id)',
      ');',
      'ALTER TABLE org_members ENABLE ROW LEVEL SECURITY;',
      '```',
      '## Security',
      '```postgres',
      'CREATE POLICY "members read" ON public.org_members',
      '  FOR SELECT USING (',
      '    user_id = auth.uid()',
      '  );',
      'CREATE POLICY p2 ON org_members FOR INSERT WITH CHECK (auth.role() = \'admin\');',
      'CREATE POLICY p3 ON org_members USING (true) WITH CHECK (false);',
      'CREATE POLICY bare ON org_members FOR DELETE TO admins;',
      '```',
      '## Performance',
      '```sql',
      'CREATE UNIQUE INDEX om_user ON org_members (user_id, lower(role));',
      'CREATE INDEX ON org_members USING gin (org_id);',
      'ALTER TABLE org_members ADD COLUMN role text NOT NULL DEFAULT \'viewer\', ADD CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES orgs(id);',
      '```',
    ), { sql });
    expect(extractTables(ctx)).toEqual([{
      name: 'org_members',
      columns: [
        col('org_id', 'uuid', { primaryKey: true, nullable: false, references: 'orgs.id' }),
        col('user_id', 'uuid', { primaryKey: true, nullable: false }),
        col('role', 'text', { nullable: false, default: "'viewer'" }),
      ],
      indexes: [
        { name: 'om_user', columns: ['user_id', 'lower(role)'], unique: true },
        { name: 'org_members_org_id_idx', columns: ['org_id'], unique: false },
      ],
      policies: [
        { operation: 'SELECT', rule: 'USING (user_id = auth.uid())' },
        { operation: 'INSERT', rule: "WITH CHECK (auth.role() = 'admin')" },
        { operation: 'ALL', rule: 'USING (true) WITH CHECK (false)' },
        { operation: 'DELETE', rule: 'bare' },
      ],
      source: src(3),
    }]);
  });

  it('keeps the statements that parse when one in the block does not, and reads damaged CREATE TABLEs without their bad lines', () => {
    const ctx = docContext(md(
      '```sql',
      'CREATE TABLE a (id int PRIMARY KEY);',
      'CREATE TABL lost (id int);',
      "CREATE TABLE b (name text DEFAULT 'x;y');",
      'CREATE TABLE technical_indicators (',
      '    id SERIAL PRIMARY KEY,',
      '    stock_id INTEGER REFERENCES stocks(id),',
      '    INDEX(stock_id, date),',
      '    ...',
      '    value DECIMAL(15,8),',
      ');',
      '```',
    ), { sql });
    expect(extractTables(ctx).map((t) => [t.name, t.source.line, t.columns.map((c) => `${c.name}:${c.type}`)])).toEqual([
      ['a', 2, ['id:int']],
      ['b', 4, ['name:text']],
      ['technical_indicators', 5, ['id:serial', 'stock_id:integer', 'value:decimal(15,8)']],
    ]);
    expect(ctx.diagnostics).toEqual([]);
  });

  it('creates a table without columns for policies on a table defined elsewhere', () => {
    const ctx = docContext(md('```sql', 'CREATE INDEX idx_x ON public.decks (org_id);', '```'), { sql });
    expect(extractTables(ctx)).toEqual([{ name: 'decks', columns: [], indexes: [{ name: 'idx_x', columns: ['org_id'], unique: false }], policies: [], source: src(2) }]);
  });

  it('merges a SQL definition into the Markdown table of the same name', () => {
    const ctx = docContext(md(
      '## Database',
      '### `notes`',
      '| Column | Type | Constraints | Description |',
      '|---|---|---|---|',
      '| id | uuid | PK | Identity |',
      '```sql',
      'CREATE TABLE notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body text NOT NULL);',
      '```',
    ), { sql });
    expect(extractTables(ctx)).toEqual([{
      name: 'notes',
      columns: [
        col('id', 'uuid', { primaryKey: true, nullable: false, default: 'gen_random_uuid()', description: 'Identity' }),
        col('body', 'text', { nullable: false }),
      ],
      indexes: [], policies: [], source: src(2),
    }]);
  });

  it('reads named constraints, COLLATE, identity columns and CHECK before DEFAULT', () => {
    const ctx = docContext(md('```sql', 'CREATE TABLE t (a int CONSTRAINT nn NOT NULL, b text COLLATE "C" CONSTRAINT df DEFAULT \'x\', c bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, d int CHECK (d > 0) DEFAULT 3);', '```'), { sql });
    expect(extractTables(ctx)[0]!.columns).toEqual([
      col('a', 'int', { nullable: false }),
      col('b', 'text', { default: "'x'" }),
      col('c', 'bigint', { primaryKey: true, nullable: false }),
      col('d', 'int', { default: '3' }),
    ]);
  });

  it('skips psql meta-command lines', () => {
    const ctx = docContext(md('```psql', '\\c appdb', 'CREATE TABLE a (id int);', '\\dt', '```'), { sql });
    expect(extractTables(ctx).map((t) => [t.name, t.source.line])).toEqual([['a', 3]]);
  });

  it('skips SQL blocks silently when no parser is loaded', () => {
    const ctx = docContext(md('```sql', 'CREATE TABLE a (id int);', '```'), { sql: null });
    expect(extractTables(ctx)).toEqual([]);
    expect(ctx.diagnostics).toEqual([]);
  });

  it('places tables of SQL inside list items and non-ASCII text on the right line', () => {
    const ctx = docContext(md(
      '1. Créer la table « étapes » :',
      '',
      '   ```sql',
      '   -- étape ☕',
      '   CREATE TABLE étapes (',
      "     nom text DEFAULT 'café' -- nom affiché",
      '   );',
      '   ```',
    ), { sql });
    expect(extractTables(ctx)).toEqual([{
      name: 'étapes', columns: [col('nom', 'text', { default: "'café'", description: 'nom affiché' })], indexes: [], policies: [], source: src(5),
    }]);
  });
});

describe('extractTables: column comments, by binary search over the tokens', () => {
  // How a column line can end: the description its layout gives (null: none).
  const layouts: [string, (n: number) => string, (n: number) => string | null][] = [
    ['plain', (n) => `  c${n} int,`, () => null],
    ['line comment', (n) => `  c${n} int, -- note ${n}`, (n) => `note ${n}`],
    ['block then line comment', (n) => `  c${n} int /* b */, -- note ${n}`, (n) => `note ${n}`],
    ['block comment only', (n) => `  c${n} int, /* b ${n} */`, () => null],
    ['comment on the next line', (n) => `  c${n} int,\n  -- about the next column`, () => null],
    ['comma on the next line', (n) => `  c${n} text DEFAULT 'x' -- note ${n}\n  ,`, (n) => `note ${n}`],
  ];

  it('gives each column of a long table the comment on its own line, whatever the layout of the others', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: layouts.length - 1 }), { minLength: 1, maxLength: 40 }), fc.boolean(), (picks, lastComment) => {
      const lines = picks.map((k, n) => layouts[k]![1](n));
      const last = picks.length;
      lines.push(`  c${last} int${lastComment ? ` -- note ${last}` : ''}`);
      const ctx = docContext(md('# Design', '', '```sql', '-- before', 'CREATE TABLE t (', ...lines, '); -- after', '```'), { sql });
      const [table] = extractTables(ctx);
      const expected = [...picks.map((k, n) => layouts[k]![2](n)), lastComment ? `note ${last}` : null];
      expect(table!.columns.map((c) => c.description)).toEqual(expected);
      expect(table!.columns.map((c) => c.type)).toEqual(picks.map((k) => (layouts[k]![0] === 'comma on the next line' ? 'text' : 'int')).concat('int'));
    }), { numRuns: 200, seed: 5 });
  });
});
