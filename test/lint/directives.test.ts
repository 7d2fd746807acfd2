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

  it('read a reason after -- as words, not rule ids', () => {
    const d = readDirectives(['<!-- featspec-disable-next-line a -- kept: b is fine -->', 'x', '<!-- featspec-disable -- legacy section -->', 'y']);
    expect(d.silenced('a', 2)).toBe(true);
    expect(d.silenced('b', 2)).toBe(false);
    expect(d.silenced('anything', 4)).toBe(true);
    expect(d.named.map((n) => [n.rule, n.line, n.column])).toEqual([['a', 1, 33]]);
  });

  it('an unknown rule id in a directive is a warning at the id, with the likely one', async () => {
    const diags = await lintText(md(
      '# FEAT-001 Design: Notes',
      '',
      '<!-- featspec-disable-next-line no-plaeholder -->',
      'Storage: TBD.',
      '<!-- featspec-disable no-secrets, widgets -- old -->',
    ), { rules: { 'required-section': 'off' } });
    expect(diags.filter((d) => d.rule === 'directive')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 3, column: 33, message: 'featspec-disable-next-line names an unknown rule "no-plaeholder"; did you mean "no-placeholder"?' }),
      expect.objectContaining({ severity: 'warning', line: 5, column: 35, message: expect.stringMatching(/^featspec-disable names an unknown rule "widgets" \(rules: no-placeholder, /) }),
    ]);
    expect(diags.filter((d) => d.rule === 'no-placeholder').map((d) => d.line)).toEqual([4]);
  });
});
