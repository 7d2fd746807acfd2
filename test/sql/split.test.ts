import { describe, expect, it } from 'vitest';
import { skipTrivia, splitSql } from '../../src/sql/split.js';

const pieces = (sql: string) => splitSql(sql).map((s) => sql.slice(s.start, s.end));

describe('splitSql', () => {
  it('cuts at top-level semicolons and skips leading comments and blank statements', () => {
    const sql = '-- users\nCREATE TABLE a (id int);\n\n;  /* x */ SELECT 1 ;\n-- trailing only\n';
    expect(pieces(sql)).toEqual(['CREATE TABLE a (id int)', 'SELECT 1']);
    expect(splitSql(sql)[0]).toEqual({ start: 9, end: 32 });
  });

  it('keeps semicolons inside quotes, quoted identifiers, dollar quotes and comments', () => {
    const sql = [
      "INSERT INTO t VALUES ('a;b', 'it''s;');",
      'SELECT "odd;name" FROM t;',
      'CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;',
      'SELECT $tag$ ; $$ ; $tag$;',
      'SELECT 1 /* a ; /* nested ; */ still ; */ ;',
      "SELECT E'\\';' -- ; comment\n;",
    ].join('\n');
    expect(pieces(sql)).toEqual([
      "INSERT INTO t VALUES ('a;b', 'it''s;')",
      'SELECT "odd;name" FROM t',
      'CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql',
      'SELECT $tag$ ; $$ ; $tag$',
      'SELECT 1',
      "SELECT E'\\';'",
    ]);
  });

  it('takes an unterminated quote to the end instead of failing', () => {
    expect(pieces("SELECT 'oops; SELECT 2;")).toEqual(["SELECT 'oops; SELECT 2;"]);
  });

  it('returns nothing for whitespace and comments', () => {
    expect(splitSql('  -- a\n/* b */\n')).toEqual([]);
    expect(splitSql('')).toEqual([]);
  });
});

describe('skipTrivia', () => {
  it('skips whitespace, line comments and block comments', () => {
    expect(skipTrivia('  -- c\n /* d */ X', 0)).toBe(16);
    expect(skipTrivia('X', 0)).toBe(0);
    expect(skipTrivia('  ', 0)).toBe(2);
  });
});
