import { describe, expect, it } from 'vitest';
import { sectionWords } from '../../src/markdown/heading-key.js';
import { headingWords } from '../../src/markdown/heading-key.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { splitRow } from '../../src/markdown/table.js';
import type { Section } from '../../src/markdown/types.js';
import { codeBlocks, deepBlocks, listItems, sectionBlocks, sections, tables } from '../../src/markdown/walk.js';
import { md } from '../helpers.js';

const DOC = md(
  '# Title', //          1
  'intro', //            2
  '## A', //             3
  '- one', //            4
  '  ```json', //        5
  '  {}', //             6
  '  ```', //            7
  '  - nested', //       8
  '> | x | y |', //      9
  '> |---|---|', //     10
  '> | 1 | 2 |', //     11
  '### A.1', //         12
  '```sql', //          13
  'select 1;', //       14
  '```', //             15
  '## B', //            16
  '| p | q |', //       17
  '|---|---|', //       18
  '| 3 | 4 |', //       19
);

describe('walks', () => {
  const { doc } = parseMarkdown(DOC, 'x.md');
  const [title, a, a1, b] = sections(doc.root) as [Section, Section, Section, Section];

  it('list blocks, deep blocks, code blocks, tables and items in document order, per section', () => {
    expect(sectionBlocks(doc.root).map((x) => [x.block.kind, x.block.line, x.section.title])).toEqual([
      ['paragraph', 2, 'Title'], ['list', 4, 'A'], ['quote', 9, 'A'], ['code', 13, 'A.1'], ['table', 17, 'B'],
    ]);
    expect(deepBlocks(a).map((x) => [x.block.kind, x.block.line])).toEqual([
      ['list', 4], ['code', 5], ['list', 8], ['quote', 9], ['table', 9], ['code', 13],
    ]);
    expect(codeBlocks(doc.root).map((x) => [x.block.lang, x.section.title])).toEqual([['json', 'A'], ['sql', 'A.1']]);
    expect(tables(doc.root).map((x) => [x.block.line, x.section.title])).toEqual([[9, 'A'], [17, 'B']]);
    expect(tables(b).map((x) => x.block.line)).toEqual([17]);
    expect(listItems(title).map((x) => [x.item.text, x.depth, x.parent?.text ?? null])).toEqual([['one', 0, null], ['nested', 1, 'one']]);
    expect(codeBlocks(a1).map((x) => x.block.line)).toEqual([13]);
  });

  it('shares one frozen answer per section walked last: no caller can change what the next one gets', () => {
    const first = deepBlocks(doc.root);
    expect(() => ((first as unknown[]).length = 0)).toThrow(TypeError);
    expect(deepBlocks(doc.root)).toBe(first);
    expect(deepBlocks(doc.root)).toHaveLength(8);
    // Another section is walked afresh, and so is the first one after it.
    const a = doc.root.children[0]!;
    expect(deepBlocks(a)).not.toBe(first);
    expect(deepBlocks(doc.root)).not.toBe(first);
    expect(deepBlocks(doc.root)).toEqual(first);
  });

  it('keeps the words of each heading on its section', () => {
    expect(sections(doc.root).map(sectionWords)).toEqual(['title', 'a', 'a 1', 'b']);
    const handMade: Section = { level: 2, title: '3. 🚀 API Contracts:', key: 'api', line: 1, endLine: 1, blocks: [], children: [], parent: null };
    expect(sectionWords(handMade)).toBe(headingWords(handMade.title));
    expect(Object.keys(handMade)).toEqual(['level', 'title', 'key', 'line', 'endLine', 'blocks', 'children', 'parent']);
  });
});

describe('parse fast paths', () => {
  it('CRLF, lone CR and LF give the same document', () => {
    const lf = parseMarkdown(DOC, 'x.md');
    const crlf = parseMarkdown(DOC.replace(/\n/g, '\r\n'), 'x.md');
    const cr = parseMarkdown(DOC.replace(/\n/g, '\r'), 'x.md');
    const shape = (r: typeof lf) => JSON.stringify(r, (k, v) => (k === 'parent' ? undefined : v));
    expect(shape(crlf)).toBe(shape(lf));
    expect(shape(cr)).toBe(shape(lf));
    expect(lf.doc.lines).toBe(19);
  });

  it('replaces NUL in the parsed text (as markdown-it does) but keeps the source lines as read', () => {
    const { doc } = parseMarkdown('# A\u0000B\n\npara\u0000\n', 'x.md');
    expect(sections(doc.root)[0]!.title).toBe('A\uFFFDB');
    expect(doc.blocks[1]).toMatchObject({ kind: 'paragraph', text: 'para\uFFFD' });
    expect(doc.sourceLines).toEqual(['# A\u0000B', '', 'para\u0000']);
  });

  it('splits table rows with escaped pipes', () => {
    expect(splitRow('| a \\| b | c\\\\|d |')).toEqual([
      { text: 'a | b', column: 3 }, { text: 'c\\|d', column: 12 },
    ]);
    expect(splitRow('x|')).toEqual([{ text: 'x', column: 1 }]);
    expect(splitRow('')).toEqual([{ text: '', column: 1 }]);
    expect(splitRow('  |  |')).toEqual([{ text: '', column: 6 }]);
  });
});
