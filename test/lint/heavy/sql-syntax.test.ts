import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeSql } from '../../../src/lint/heavy/sql-check.js';
import { blankMetaCommands } from '../../../src/sql/block.js';
import { md, SHARED } from '../../helpers.js';
import { lintText } from '../lint-helpers.js';

type Found = [line: number, column: number, message: string];

async function sqlErrors(text: string): Promise<Found[]> {
  const diags = await lintText(text);
  return diags.filter((d) => d.rule === 'sql-syntax').map((d) => [d.line, d.column, d.message]);
}

/** A design whose SQL block starts on line 6 (the fence is line 5). */
const doc = (lang: string, ...sql: string[]) => md('# Widgets Design', '', '## Database Schema', '', '```' + lang, ...sql, '```');

describe('sql-syntax', () => {
  it('valid SQL passes: DDL, DML, a PL/pgSQL body, comments', async () => {
    const sql = [
      '-- widgets',
      'CREATE TABLE widgets (',
      '  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),',
      "  name text NOT NULL CHECK (name <> ''),",
      '  created_at timestamptz NOT NULL DEFAULT now()',
      ');',
      'CREATE INDEX widgets_name_idx ON widgets (name);',
      'ALTER TABLE widgets ENABLE ROW LEVEL SECURITY;',
      "CREATE POLICY own ON widgets USING (auth.uid() = id);",
      'DO $$ BEGIN RAISE NOTICE \'ok\'; END $$;',
      "INSERT INTO widgets (name) VALUES ('a') ON CONFLICT DO NOTHING;",
    ];
    expect(await sqlErrors(doc('sql', ...sql))).toEqual([]);
  });

  it('a missing comma in CREATE TABLE: the line and column of the token after it', async () => {
    expect(await sqlErrors(doc('sql', 'CREATE TABLE widgets (', '  id uuid PRIMARY KEY', '  name text NOT NULL', ');'))).toEqual([
      [8, 3, 'PostgreSQL: syntax error at or near "name"'],
    ]);
  });

  it('every broken statement is reported, the valid ones are not', async () => {
    const sql = ['SELECT 1;', 'SELEC name FROM widgets;', 'SELECT 2;', 'CREATE TABLE x (id int,);'];
    expect(await sqlErrors(doc('sql', ...sql))).toEqual([
      [7, 1, 'PostgreSQL: syntax error at or near "SELEC"'],
      [9, 24, 'PostgreSQL: syntax error at or near ")"'],
    ]);
  });

  it('an unterminated string and an incomplete statement', async () => {
    expect(await sqlErrors(doc('postgresql', "SELECT 'open FROM widgets;"))).toEqual([[6, 8, `PostgreSQL: unterminated quoted string at or near "'open FROM widgets;"`]]);
    const long = "INSERT INTO widgets (name) VALUES ('it''s open,\n  and it goes on and on over lines);";
    expect(await sqlErrors(doc('sql', long))).toEqual([[6, 36, `PostgreSQL: unterminated quoted string at or near "'it''s open, and it goes on and on over…"`]]);
    expect(await sqlErrors(doc('pgsql', 'SELECT * FROM widgets WHERE'))).toEqual([[6, 28, 'PostgreSQL: syntax error at end of input']]);
  });

  it('psql meta-command lines are skipped and do not shift positions', async () => {
    expect(await sqlErrors(doc('psql', '\\c widgets', '\\dt', 'SELECT 1;'))).toEqual([]);
    expect(await sqlErrors(doc('sql', '\\c widgets', 'SELECT name FROM widgets WHERE;'))).toEqual([[7, 31, 'PostgreSQL: syntax error at end of input']]);
  });

  it('blocks that are clearly not SQL pass: only comments, prose, empty', async () => {
    expect(await sqlErrors(doc('sql', '-- see migrations/001_widgets.sql', '/* nothing else */'))).toEqual([]);
    expect(await sqlErrors(doc('sql', 'widgets: id, name, created_at'))).toEqual([]);
    expect(await sqlErrors(doc('sql'))).toEqual([]);
  });

  it('MySQL-style inline INDEX in CREATE TABLE is an error for PostgreSQL', async () => {
    expect(await sqlErrors(doc('sql', 'CREATE TABLE t (', '  id int,', '  INDEX(id)', ');'))).toEqual([[8, 8, 'PostgreSQL: syntax error at or near "("']]);
  });

  it('a block in a list item: the column counts the indentation; non-ASCII counts UTF-16 code units', async () => {
    const text = md('# Widgets Design', '', '## Database Schema', '', '1. Tables:', '', '   ```sql', "   SELECT 'é🎉' AS x FORM widgets;", '   ```');
    // "   SELECT 'é🎉' AS x FORM widgets;": FORM is at column 22 (in UTF-8 bytes it would be 25)
    expect(await sqlErrors(text)).toEqual([[8, 22, 'PostgreSQL: syntax error at or near "FORM"']]);
  });

  it('the same broken block twice is reported twice (parsed once)', async () => {
    const text = doc('sql', 'SELECT * FROM;') + md('', '```sql', 'SELECT * FROM;', '```');
    expect((await sqlErrors(text)).map((f) => f.slice(0, 2))).toEqual([[6, 14], [10, 14]]);
  });

  it('the corpus: B/kiro-stock-platform lines 257 and 269 use MySQL INDEX(...) inside CREATE TABLE', async () => {
    const text = readFileSync(new URL('corpus/B/kiro-stock-platform__.kiro__specs__stock-analysis-platform__design.md', SHARED), 'utf8');
    expect(await sqlErrors(text)).toEqual([
      [257, 10, 'PostgreSQL: syntax error at or near "("'],
      [269, 10, 'PostgreSQL: syntax error at or near "("'],
    ]);
  });

  it('the corpus: D/sun100 46-cloude-sql PostgreSQL DDL parses', async () => {
    expect(await sqlErrors(readFileSync(new URL('corpus/D/sun100__docs__46-cloude-sql.md', SHARED), 'utf8'))).toEqual([]);
  });
});

describe('sql-check helpers', () => {
  it('blankMetaCommands keeps offsets', () => {
    const code = 'SELECT 1;\n  \\c db\nSELECT 2;\n';
    const out = blankMetaCommands(code);
    expect(out).toBe('SELECT 1;\n       \nSELECT 2;\n');
    expect(out.length).toBe(code.length);
  });

  it('looksLikeSql looks at the first word of every statement', () => {
    expect(looksLikeSql('-- a comment\n/* another */')).toBe(false);
    expect(looksLikeSql('users(id, name)')).toBe(false);
    expect(looksLikeSql('users(id, name);\nselect 1')).toBe(true);
    expect(looksLikeSql('  /* c */ WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
  });
});
