/** In-document switches: disable-next-line, disable-line, and disable ... enable blocks, per rule or for all. */
import { describe, expect, it } from 'vitest';
import { readDirectives } from '../../src/lint/directives.js';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

describe('directives', () => {
  it('silence what they name, where they say, in a real lint', async () => {
    const diags = await lintText(md(
      '# FEAT-001 Design: Notes',
      '',
      '<!-- featspec-disable-next-line no-placeholder -->',
      '',
      'Storage: TBD.',
      'Queue: TBD. <!-- featspec-disable-line no-placeholder -->',
      '<!-- featspec-disable-next-line table-shape -->',
      'Cache: TBD.',
      '<!-- featspec-disable no-placeholder, table-shape -->',
      'Search: TBD.',
      '<!-- featspec-enable no-placeholder -->',
      'Mail: TBD.',
      '<!-- featspec-disable -->',
      'Files: TBD.',
      '<!-- featspec-enable -->',
      'Jobs: TBD.',
    ), { rules: { 'no-placeholder': 'error' } });
    expect(diags.filter((d) => d.rule === 'no-placeholder').map((d) => d.line)).toEqual([8, 12, 16]);
  });

  it('a disable left open runs to the end; an enable without a disable changes nothing', () => {
    const d = readDirectives(['<!-- featspec-enable x -->', 'a', '<!-- featspec-disable x -->', 'b', 'c']);
    expect([1, 2, 3, 4, 5].map((line) => d.silenced('x', line))).toEqual([false, false, true, true, true]);
    expect(d.silenced('y', 4)).toBe(false);
  });

  it('disable-next-line skips blank lines and takes several rules', () => {
    const d = readDirectives(['<!-- featspec-disable-next-line a b,c -->', '', '  ', 'x', 'y']);
    expect(['a', 'b', 'c', 'd'].map((r) => d.silenced(r, 4))).toEqual([true, true, true, false]);
    expect(d.silenced('a', 5)).toBe(false);
  });
});
