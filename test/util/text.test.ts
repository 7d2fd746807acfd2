import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, lineOf, lineStarts, replaceParenthesized } from '../../src/util/text.js';

describe('replaceParenthesized', () => {
  it('replaces exactly what /\\([^)]*\\)/g replaces', () => {
    const text = fc.array(fc.constantFrom('(', ')', 'a', ' ', 'b(', ')c', '((', '))'), { maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, fc.constantFrom(' ', '', 'X'), (t, by) => {
      expect(replaceParenthesized(t, by)).toBe(t.replace(/\([^)]*\)/g, by));
    }), { numRuns: 2000, seed: 3 });
  });

  it('reads a long run of unclosed parentheses in one pass', () => {
    const t = '(a '.repeat(50_000);
    expect(replaceParenthesized(t, ' ')).toBe(t);
    expect(replaceParenthesized(`${t})`, ' ')).toBe(' ');
  });
});

describe('lineStarts and lineOf', () => {
  it('place every offset of the joined text on its line', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 6 }).map((s) => s.replace(/\n/g, '')), { minLength: 1, maxLength: 12 }), (lines) => {
      const text = lines.join('\n');
      const starts = lineStarts(lines);
      for (let o = 0; o <= text.length; o++) expect(lineOf(starts, o)).toBe(text.slice(0, o).split('\n').length - 1);
    }), { numRuns: 500, seed: 5 });
    expect(lineOf([], 3)).toBe(0);
  });
});

describe('displayWidth', () => {
  it('counts monospace columns per user-perceived character', () => {
    expect(displayWidth('abc | x')).toBe(7);
    expect(displayWidth('名前')).toBe(4);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('e\u0301t\u00e9')).toBe(3);
    expect(displayWidth('🚀 go')).toBe(5);
    expect(displayWidth('👩‍👩‍👧')).toBe(2);
    expect(displayWidth('✔ ok')).toBe(4);
    expect(displayWidth('')).toBe(0);
  });
});
