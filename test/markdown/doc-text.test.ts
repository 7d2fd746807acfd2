import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docText, positionAt } from '../../src/markdown/doc-text.js';
import { parseMarkdown } from '../../src/markdown/parse.js';

describe('docText and positionAt', () => {
  it('place every offset of the joined text on its line and column', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, '')), { minLength: 1, maxLength: 8 }), fc.nat(), (lines, k) => {
      const { doc } = parseMarkdown(lines.join('\n'), 'x.md');
      const text = docText(doc);
      expect(text).toBe(doc.sourceLines.join('\n'));
      if (text.length === 0) return;
      const offset = k % text.length;
      const { line, column } = positionAt(doc, offset);
      const before = text.slice(0, offset).split('\n');
      expect(line).toBe(before.length);
      expect(column).toBe(before[before.length - 1]!.length + 1);
    }), { numRuns: 300 });
  });

  it('join CRLF documents with plain line breaks, as their lines are', () => {
    const { doc } = parseMarkdown('# A\r\n\r\ntoken: x\r\n', 'x.md');
    expect(docText(doc)).toBe('# A\n\ntoken: x');
    expect(positionAt(doc, docText(doc).indexOf('x'))).toEqual({ line: 3, column: 8 });
  });
});
