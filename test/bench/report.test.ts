import { describe, expect, it } from 'vitest';
import { markdownTable, replaceSection } from '../../bench/lib/report.mjs';

describe('replaceSection', () => {
  const doc = [
    '# Benchmarks',
    '',
    '<!-- bench:lint:start -->',
    'lint numbers',
    '<!-- bench:lint:end -->',
    '',
    '<!-- bench:parse:start -->',
    'old parse numbers',
    '<!-- bench:parse:end -->',
    '',
    'Footer kept.',
    '',
  ].join('\n');

  it('rewrites only the named suite section', () => {
    expect(replaceSection(doc, 'parse', '\nnew parse numbers\n')).toBe(doc.replace('old parse numbers', 'new parse numbers'));
  });

  it('appends a section that is not there yet', () => {
    expect(replaceSection('# Benchmarks\n', 'serve', 'serve numbers')).toBe(
      '# Benchmarks\n\n<!-- bench:serve:start -->\nserve numbers\n<!-- bench:serve:end -->\n',
    );
  });
});

describe('markdownTable', () => {
  it('aligns columns as asked', () => {
    expect(markdownTable(['Tool', 'docs/s'], [['a', '1']], ['l', 'r'])).toBe('| Tool | docs/s |\n| --- | ---: |\n| a | 1 |');
  });
});
