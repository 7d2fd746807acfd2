import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import type { CodeBlock } from '../../src/markdown/types.js';
import { codeBlocks } from '../../src/markdown/walk.js';
import { codePosition, parseScript } from '../../src/sql/block.js';
import { hasSql, loadSqlParser } from '../../src/sql/load.js';
import type { SqlParser } from '../../src/sql/parser.js';
import { md } from '../helpers.js';

let sql: SqlParser;
beforeAll(async () => {
  const p = await loadSqlParser();
  if (!p) throw new Error('libpg-query did not load');
  sql = p;
});

describe('loadSqlParser', () => {
  it('loads once: later calls share the first load', async () => {
    expect(loadSqlParser()).toBe(loadSqlParser());
    expect(await loadSqlParser()).toBe(sql);
  });
});

describe('parse', () => {
  it('returns statements with string offsets, leading comments skipped', () => {
    const text = '-- users\nCREATE TABLE a (id int);\nCREATE INDEX i ON a (id);';
    const r = sql.parse(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.stmts.map((s) => text.slice(s.start, s.end))).toEqual(['CREATE TABLE a (id int)', 'CREATE INDEX i ON a (id)']);
    expect(Object.keys(r.stmts[0]!.stmt)).toEqual(['CreateStmt']);
    expect(Object.keys(r.stmts[1]!.stmt)).toEqual(['IndexStmt']);
  });

  it('converts UTF-8 byte positions to string offsets (locations inside the tree too)', () => {
    const text = "-- café ☕ 𝄞\nCREATE TABLE résumé (id int);";
    const r = sql.parse(text);
    if (!r.ok) throw new Error(r.message);
    const st = r.stmts[0]!;
    expect(text.slice(st.start, st.end)).toBe('CREATE TABLE résumé (id int)');
    const create = 'CreateStmt' in st.stmt ? st.stmt.CreateStmt : null;
    expect(create?.relation?.relname).toBe('résumé');
    expect(create?.relation?.location).toBe(text.indexOf('résumé'));
  });

  it('reports a syntax error with its offset and never throws', () => {
    const text = 'CREATE TABLE ü𝄞 (a int,, b int);';
    expect(sql.parse(text)).toEqual({ ok: false, message: 'syntax error at or near ","', offset: text.indexOf(',,') + 1 });
    expect(sql.parse('')).toEqual({ ok: true, stmts: [] });
    expect(sql.parse('  -- nothing\n')).toEqual({ ok: true, stmts: [] });
    const bad = sql.parse("SELECT 'unterminated");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/unterminated quoted string/);
  });

  it('scans tokens with string offsets, keywords upper-cased, comments kept', () => {
    const tokens = sql.scan("é -- c\nSELECT 'x'");
    expect(tokens?.map((t) => [t.start, t.end, t.text, t.keyword])).toEqual([
      [0, 1, 'é', null], [2, 6, '-- c', null], [7, 13, 'SELECT', 'SELECT'], [14, 17, "'x'", null],
    ]);
  });
});

describe('parseScript', () => {
  it('parses statement by statement when the whole does not parse', () => {
    const text = 'CREATE TABLE a (id int);\nCREATE TABLE oops (id int,,);\nCREATE TABLE b (id int);';
    const r = parseScript(sql, text);
    expect(r.statements.map((s) => text.slice(s.start, s.end))).toEqual(['CREATE TABLE a (id int)', 'CREATE TABLE b (id int)']);
    const b = r.statements[1]!.stmt;
    expect('CreateStmt' in b && b.CreateStmt.relation?.location).toBe(text.lastIndexOf('b ('));
    expect(r.errors).toEqual([{ message: 'syntax error at or near ","', offset: text.indexOf(',,') + 1 }]);
  });

  it('is empty for comments only', () => {
    expect(parseScript(sql, '-- nothing here\n')).toEqual({ statements: [], errors: [] });
  });
});

describe('codePosition', () => {
  const block = (text: string): CodeBlock => {
    const { doc } = parseMarkdown(text, 'x.md');
    return [...codeBlocks(doc.root)][0]!.block;
  };

  it('maps an offset of a fenced block to the file line and column', () => {
    const text = md('# T', '', '```sql', 'SELECT 1;', 'SELECT oops', '```');
    const { doc } = parseMarkdown(text, 'x.md');
    const b = block(text);
    expect(codePosition(doc, b, 0)).toEqual({ line: 4, column: 1 });
    expect(codePosition(doc, b, b.code.indexOf('oops'))).toEqual({ line: 5, column: 8 });
  });

  it('counts the indentation of a block inside a list item', () => {
    const text = md('- step', '', '   ```sql', '   SELECT 1,', '     2;', '   ```');
    const { doc } = parseMarkdown(text, 'x.md');
    const b = block(text);
    expect(codePosition(doc, b, b.code.indexOf('2'))).toEqual({ line: 5, column: 6 });
  });
});

describe('hasSql', () => {
  it('is true only for documents with an SQL fence', () => {
    expect(hasSql(parseMarkdown(md('```postgresql', 'SELECT 1;', '```'), 'x.md').doc)).toBe(true);
    expect(hasSql(parseMarkdown(md('```ts', 'x', '```'), 'x.md').doc)).toBe(false);
  });
});

describe('parseScript with recovery', () => {
  it('reads a CREATE TABLE without the element that breaks it, and keeps the error', () => {
    const text = [
      'CREATE TABLE t (',
      '    id SERIAL PRIMARY KEY,',
      '    stock_id INTEGER,',
      '    INDEX(stock_id, id),',
      '    ...',
      '    name text,',
      ');',
      'CREATE TABLE u (,, a int);',
      'SELEC 1;',
    ].join('\n');
    const r = parseScript(sql, text, true);
    const cols = r.statements.map((s) => ('CreateStmt' in s.stmt ? (s.stmt.CreateStmt.tableElts ?? []).map((e) => ('ColumnDef' in e ? e.ColumnDef.colname : '?')) : []));
    expect(cols).toEqual([['id', 'stock_id', 'name'], ['a']]);
    expect(r.statements.map((s) => text.slice(s.start, s.start + 14))).toEqual(['CREATE TABLE t', 'CREATE TABLE u']);
    expect(r.errors.map((e) => e.message)).toEqual(['syntax error at or near "("', 'syntax error at or near ","', 'syntax error at or near "SELEC"']);
    expect(parseScript(sql, text).statements).toEqual([]);
  });

  it('reads statements separated by a missing semicolon', () => {
    const text = 'CREATE TABLE a (id int)\nCREATE INDEX i ON a (id)\n\nALTER TABLE a ADD COLUMN x int;';
    const r = parseScript(sql, text, true);
    expect(r.statements.map((s) => text.slice(s.start, s.end))).toEqual(['CREATE TABLE a (id int)', 'CREATE INDEX i ON a (id)', 'ALTER TABLE a ADD COLUMN x int']);
    expect(r.errors).toEqual([{ message: 'syntax error at or near "CREATE"', offset: 24 }]);
  });
});

describe('scriptErrors', () => {
  it('answers from an earlier parseScript of the same text (recovering or not) without parsing again', async () => {
    const { scriptErrors } = await import('../../src/sql/block.js');
    let calls = 0;
    const counting: SqlParser = { parse: (t) => (calls++, sql.parse(t)), scan: (t) => sql.scan(t) };
    const text = `CREATE TABLE t${Date.now()} (\n  id uuid PRIMARY KEY\n  name text\n);\nCREATE TABLE ok (id int);`;
    const first = parseScript(counting, text, true);
    expect(first.errors).toHaveLength(1);
    const after = calls;
    expect(scriptErrors(counting, text)).toEqual(first.errors);
    expect(calls).toBe(after);
    expect(scriptErrors(counting, `${text}\n`)).toEqual(first.errors);
    expect(calls).toBeGreaterThan(after);
  });
});
