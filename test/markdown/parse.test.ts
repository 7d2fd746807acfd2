import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { deepBlocks, sections } from '../../src/markdown/walk.js';
import { boldLabel } from '../../src/markdown/inline.js';
import { headingKey } from '../../src/markdown/heading-key.js';
import { md } from '../helpers.js';

describe('parseMarkdown', () => {
  it('builds a section tree with lines and normalized keys', () => {
    const { doc } = parseMarkdown(md('# Title', '', '## 3. Data Models', 'text', '', '### Widget', '', '## 🚀 API Contracts', 'x'), 'a.md');
    const all = [...sections(doc.root)];
    expect(all.map((s) => [s.level, s.title, s.key, s.line, s.endLine])).toEqual([
      [1, 'Title', 'title', 1, 9],
      [2, '3. Data Models', 'data-models', 3, 7],
      [3, 'Widget', 'widget', 6, 7],
      [2, '🚀 API Contracts', 'api', 8, 9],
    ]);
  });

  it('keeps line numbers after front matter and reads it', () => {
    const { doc } = parseMarkdown(md('---', 'style: plan', '---', '# T', '', 'para'), 'a.md');
    expect(doc.frontMatter).toEqual({ style: 'plan' });
    expect(doc.blocks.map((b) => [b.kind, b.line])).toEqual([['heading', 4], ['paragraph', 6]]);
  });

  it('reads a table inside block quotes and lists without their markers, columns in the file line', () => {
    const { doc, diagnostics } = parseMarkdown(md(
      '> | Field | Type |',
      '> |---|---|',
      '>| id | uuid |',
      '',
      '> > a | b',
      '> > --|--',
      '> >  1 | 2',
      '',
      '> - item',
      '>',
      '>   | k | v |',
      '>   |---|---|',
      '>   | x | y |',
      '',
      '1. | n | m |',
      '   |---|---|',
      '   | 3 | 4 |',
    ), 'a.md');
    const tables = [...deepBlocks(doc.root)].map((d) => d.block).filter((b) => b.kind === 'table');
    expect(tables.map((t) => [t.header, ...t.rows].map((r) => r.cells.map((c) => `${c.text}@${c.column}`)))).toEqual([
      [['Field@5', 'Type@13'], ['id@4', 'uuid@9']],
      [['a@5', 'b@9'], ['1@6', '2@10']],
      [['k@7', 'v@11'], ['x@7', 'y@11']],
      [['n@6', 'm@10'], ['3@6', '4@10']],
    ]);
    expect(tables.map((t) => t.lead)).toEqual(['> ', '> > ', '>   ', '1. ']);
    expect(diagnostics).toEqual([]);
  });

  it('reads tables without outer pipes, with escaped pipes, and reports ragged rows', () => {
    const { doc, diagnostics } = parseMarkdown(md('a | b', '--|--', 'x \\| y | 2', '1 | 2 | 3'), 'a.md');
    const t = doc.blocks[0]!;
    expect(t.kind).toBe('table');
    if (t.kind !== 'table') return;
    expect(t.header.cells.map((c) => c.text)).toEqual(['a', 'b']);
    expect(t.rows[0]!.cells).toEqual([{ text: 'x | y', column: 1 }, { text: '2', column: 10 }]);
    expect(t.rows[1]!.cells.length).toBe(3);
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'table-shape', line: 4 })]);
  });

  it('reads fenced code with language, lists with checkboxes and nesting', () => {
    const { doc } = parseMarkdown(md('- [x] done', '- [ ] open', '  - [-] doing', '  ```JSON', '  {}', '  ```'), 'a.md');
    const list = doc.blocks[0]!;
    if (list.kind !== 'list') throw new Error('list expected');
    expect(list.items.map((i) => [i.text, i.checkbox, i.line])).toEqual([['done', 'x', 1], ['open', ' ', 2]]);
    const nested = list.items[1]!.children;
    expect(nested[0]).toMatchObject({ kind: 'list' });
    expect(nested[1]).toMatchObject({ kind: 'code', lang: 'json', code: '{}\n', line: 4 });
  });

  it('never throws on odd input', () => {
    for (const s of ['', '\u0000', '|', '| a |\n|---|\n| b | c | d |', '```', '---\n: : :\n---', '#'.repeat(10000), '>'.repeat(5000) + ' x']) {
      expect(() => parseMarkdown(s, 'x.md')).not.toThrow();
    }
  });
});

describe('inline helpers', () => {
  it('reads bold labels in both colon styles', () => {
    expect(boldLabel('**Authentication**: Required (Bearer token)')).toEqual({ label: 'Authentication', value: 'Required (Bearer token)' });
    expect(boldLabel('**Phase:** 2')).toEqual({ label: 'Phase', value: '2' });
    expect(boldLabel('**bold** text')).toBeNull();
  });
  it('normalizes headings: numbering, emoji, case, synonyms, translations', () => {
    expect(headingKey('3. Data Models')).toBe('data-models');
    expect(headingKey('API Reference')).toBe('api');
    expect(headingKey('Endpoints')).toBe('api');
    expect(headingKey('概述')).toBe('overview');
    expect(headingKey('🚀 CONFIGURACIÓN RÁPIDA')).toBe('quick-start');
    expect(headingKey('Implementation Tasks:')).toBe('tasks');
  });
});
