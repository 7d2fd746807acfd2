import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceParenthesized } from '../../src/util/text.js';

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
