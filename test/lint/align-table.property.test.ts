/**
 * --fix's table alignment, on random tables in random containers: it keeps every cell's text and the
 * table's place (its block quotes and list item), and a second alignment changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignTable } from '../../src/lint/format-fixes.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { deepBlocks } from '../../src/markdown/walk.js';
import type { TableBlock } from '../../src/markdown/types.js';

const cellText = fc.array(fc.constantFrom('a', 'Z', '1', ' ', '名', 'é', 'e\u0301', '🚀', '`x`', '\\|', '*', '-', ':'), { maxLength: 6 })
  .map((xs) => xs.join('').trim())
  .filter((t) => !/^[-:\s]*$/.test(t) || t === '');
const containers = fc.constantFrom(
  { open: [] as string[], lead: '', rest: '' },
  { open: [], lead: '   ', rest: '   ' },
  { open: [], lead: '> ', rest: '> ' },
  { open: [], lead: '> > ', rest: '>> ' },
  { open: ['- item', ''], lead: '  ', rest: '  ' },
  { open: [], lead: '- ', rest: '  ' },
  { open: [], lead: '1. > ', rest: '   > ' },
);

function tablesOf(text: string): TableBlock[] {
  const { doc } = parseMarkdown(text, 'a.md');
  return [...deepBlocks(doc.root)].map((d) => d.block).filter((b): b is TableBlock => b.kind === 'table');
}

describe('table alignment (property)', () => {
  it('keeps cell texts and containers; aligning twice is aligning once', () => {
    const table = fc.integer({ min: 1, max: 4 }).chain((n) => fc.record({
      header: fc.array(cellText.filter((t) => t !== ''), { minLength: n, maxLength: n }),
      align: fc.array(fc.constantFrom('---', ':--', '--:', ':-:'), { minLength: n, maxLength: n }),
      rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: n }), { maxLength: 4 }),
      container: containers,
    }));
    fc.assert(fc.property(table, ({ header, align, rows, container }) => {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      const body = [row(header), `|${align.join('|')}|`, ...rows.map(row)];
      const lines = [...container.open, ...body.map((l, i) => (i === 0 ? container.lead : container.rest) + l)];
      const text = `${lines.join('\n')}\n`;
      const [before] = tablesOf(text);
      if (!before) return; // not a table in this container (e.g. a cell that reads as a list marker)
      const sourceLines = text.split('\n');
      const aligned = alignTable(sourceLines, before);
      expect(aligned).not.toBeNull();
      const fixed = [...sourceLines.slice(0, before.line - 1), ...aligned!, ...sourceLines.slice(before.endLine)];
      const [after] = tablesOf(fixed.join('\n'));
      expect(after).toBeDefined();
      const texts = (t: TableBlock) => [t.header, ...t.rows].map((r) => r.cells.map((c) => c.text));
      const padded = texts(before).map((cells, i) => (i === 0 ? cells : [...cells, ...Array(header.length - cells.length).fill('')]));
      expect(texts(after!)).toEqual(padded);
      expect(after!.lead).toBe(before.lead);
      expect(alignTable(fixed, after!)).toEqual(aligned);
    }), { numRuns: 400 });
  });
});
