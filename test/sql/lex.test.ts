/**
 * The JavaScript SQL lexer against PostgreSQL's own scanner (libpg-query's scanSync): the same token
 * boundaries, comments and words, on every SQL block of the examples, the corpus and the seeds, on
 * hand-picked lexical corners, and on generated SQL-like text.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { codeBlocks } from '../../src/markdown/walk.js';
import { lexSql } from '../../src/sql/lex.js';
import { loadSqlParser, SQL_LANGS } from '../../src/sql/load.js';
import type { SqlParser, SqlToken } from '../../src/sql/parser.js';
import { corpusFiles, hasCorpus, seedFiles } from '../corpus.js';

let pg: SqlParser;
beforeAll(async () => {
  const p = await loadSqlParser();
  if (!p) throw new Error('libpg-query did not load');
  pg = p;
});

const shape = (t: SqlToken) => ({ start: t.start, end: t.end, text: t.text, comment: t.name.endsWith('_COMMENT') ? t.name : null });

/** Both scanners agree: same tokens, and every keyword PostgreSQL reports is the lexer's word for it. */
function agree(sql: string): void {
  const theirs = pg.scan(sql);
  const ours = lexSql(sql);
  if (theirs === null && sql.trim() === '') {
    expect(ours).toEqual([]); // libpg-query refuses to scan blank text; there is nothing to cut
    return;
  }
  if (theirs === null) {
    expect(ours, `PostgreSQL cannot scan ${JSON.stringify(sql)}`).toBeNull();
    return;
  }
  expect(ours, `the lexer gave up on ${JSON.stringify(sql)}`).not.toBeNull();
  expect(ours!.map(shape), JSON.stringify(sql)).toEqual(theirs.map(shape));
  theirs.forEach((t, i) => {
    if (t.keyword !== null) expect(ours![i]!.keyword).toBe(t.keyword);
  });
}

function sqlBlocks(text: string): string[] {
  const { doc } = parseMarkdown(text, 'x.md');
  return [...codeBlocks(doc.root)].filter(({ block }) => SQL_LANGS.has(block.lang)).map(({ block }) => block.code);
}

describe('lexSql', () => {
  it('cuts lexical corners as PostgreSQL does', () => {
    const corners = [
      "SELECT 'it''s', E'a\\'b', e'\\\\', B'101', X'ff', N'x', U&'d\\0061t', U&\"d\\0061t\"",
      "SELECT 'one'\n  'two', 'a' 'b'",
      'SELECT "Quoted ""Name""", $1, $$body $x$ here$$, $fn$ a $$ b $fn$',
      'SELECT 1, 1.5, .5, 1., 1e10, 1.5E-3, 0x1F, 0o17, 0b101, 1_000_000, 1..2',
      'SELECT a::int, b := 1, c => 2, d >= 1, e <= 2, f <> 3, g != 4, h || i, j @> k, l ->> m, n #>> o',
      'SELECT 1+-2, 3*-4, a<-b, c@-d, e--comment\n, f/*c*/g, h /* nested /* twice */ done */ i',
      "SELECT x-- trailing\nFROM t -- end",
      'CREATE TABLE "ünï" (ид int, naïve text, x$y int)',
      "SELECT 'unterminated",
      'SELECT "unterminated',
      'SELECT /* unterminated',
      'SELECT $tag$ unterminated',
      'SELECT 123abc', 'SELECT 1.5e', 'SELECT 0x', 'SELECT 1_', 'SELECT $1abc, $1.5', 'SELECT 1e3$', 'SELECT 1.5$',
      'SELECT 0b12', 'SELECT 0o8', 'SELECT 0x1g', 'SELECT 0x_1', 'SELECT 1__2', 'SELECT 1..x', 'SELECT 1.2.3', "SELECT 1'a'",
      // Found by the generated-text property: an identifier from the underscore outruns the number.
      'SELECT 1_1$1', 'SELECT 1.5_1$1', 'SELECT 1_1$', 'SELECT 1_0.5$1', 'SELECT 1$1', 'SELECT .5_1$',
      '',
      '   \n\t ',
      'SELECT a[1:2], b.c, (d), e;',
    ];
    for (const sql of corners) agree(sql);
  });

  it('cuts every SQL block of the examples, seeds and corpus as PostgreSQL does', () => {
    const texts = [
      ...['001-accounts/implementation.md', '002-collections/plan.md', '003-bookmarks/design.md', '004-sharing/technical-design.md', '005-notifications/feature-guide.md']
        .map((f) => readFileSync(new URL(`../../examples/docs/features/${f}`, import.meta.url), 'utf8')),
      ...seedFiles().map((s) => s.text),
      ...(hasCorpus ? corpusFiles().map((f) => f.text) : []),
    ];
    const blocks = texts.flatMap(sqlBlocks);
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) agree(b);
  });

  it('agrees on generated SQL-like text', () => {
    const piece = fc.constantFrom(
      'CREATE', ' ', '\n', 'table', '"T"', "'s'", "'it''s'", "E'\\n'", '$$x$$', '$1', '--c\n', '/*c*/', '(', ')', ',', ';', '::',
      '1', '1.5', '.5', '1e3', '0x1F', '0b1', '_', '$', 'e', '+', '-', '*', '/', '<', '>', '=', '!', '@', '#', '~', '|', '&', '%', '^', '[', ']', '.', ':', 'x', 'ü',
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => agree(parts.join(''))), { numRuns: 2000 });
    // And more of them, with a seed, so that a rare disagreement shows on every run rather than now and then.
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => agree(parts.join(''))), { numRuns: 20000, seed: 42 });
  });
});
