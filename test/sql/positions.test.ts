/**
 * codePosition and statementTokens look things up instead of rescanning the script for every statement
 * (which made a script of thousands of statements quadratic). Properties: they answer exactly as the
 * scans they replace.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import type { CodeBlock, MarkdownDoc } from '../../src/markdown/types.js';
import { codeBlocks } from '../../src/markdown/walk.js';
import { codePosition, parseScript } from '../../src/sql/block.js';
import { loadSqlParser } from '../../src/sql/load.js';
import type { SqlParser, SqlStatement, SqlToken } from '../../src/sql/parser.js';
import { scanTokens, statementTokens } from '../../src/sql/tokens.js';

/** codePosition as first written: the code up to the offset, split into lines. */
function slicingPosition(doc: MarkdownDoc, block: CodeBlock, offset: number): { line: number; column: number } {
  const before = block.code.slice(0, Math.max(0, offset));
  const lineIndex = before.split('\n').length - 1;
  const column = before.length - (before.lastIndexOf('\n') + 1);
  const line = block.line + (block.fenced ? 1 : 0) + lineIndex;
  const codeLine = block.code.split('\n')[lineIndex] ?? '';
  const fileLine = doc.sourceLines[line - 1] ?? '';
  const indent = codeLine !== '' && fileLine.endsWith(codeLine) ? fileLine.length - codeLine.length : 0;
  return { line, column: indent + column + 1 };
}

let parser: SqlParser;
beforeAll(async () => {
  parser = (await loadSqlParser())!;
});

const sqlLine = fc.constantFrom('CREATE TABLE a (id int PRIMARY KEY);', '-- a comment', '', '  name text,', 'SELECT 1;', "INSERT INTO a VALUES ('x;y');", '/* block */ CREATE INDEX i ON a (id);', '    ');

describe('codePosition', () => {
  it('places every offset as slicing the code did, in fenced, indented and listed blocks', () => {
    fc.assert(fc.property(fc.array(sqlLine, { minLength: 1, maxLength: 12 }), fc.constantFrom('', '  ', '- '), fc.array(fc.integer({ min: -2, max: 400 }), { maxLength: 20 }), (lines, indent, offsets) => {
      const cont = indent === '- ' ? '  ' : indent;
      const text = `# T\n\n${indent}\`\`\`sql\n${lines.map((l) => cont + l).join('\n')}\n${cont}\`\`\`\n`;
      const doc = parseMarkdown(text, 'x.md').doc;
      for (const { block } of codeBlocks(doc.root)) {
        for (const o of [...offsets, block.code.length, block.code.length + 5]) expect(codePosition(doc, block, o)).toEqual(slicingPosition(doc, block, o));
      }
    }), { numRuns: 300, seed: 7 });
  });
});

describe('statementTokens', () => {
  const inside = (stmt: SqlStatement) => (t: SqlToken) => t.start >= stmt.start && t.end <= stmt.end;

  it('takes from the whole script exactly the tokens lying within each statement', () => {
    fc.assert(fc.property(fc.array(sqlLine, { minLength: 1, maxLength: 12 }), (lines) => {
      const code = lines.join('\n');
      const whole = scanTokens(code);
      if (!whole) return;
      for (const st of parseScript(parser, code, true).statements) {
        const got = statementTokens(code, st, whole)!;
        expect(got.list).toEqual(whole.list.filter(inside(st)));
        expect(got.comments).toEqual(whole.comments.filter(inside(st)));
      }
    }), { numRuns: 300, seed: 11 });
  });
});
