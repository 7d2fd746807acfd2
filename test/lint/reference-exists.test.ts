import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

const refs = async (text: string, files: Record<string, string> = {}) =>
  (await lintText(text, { files })).filter((d) => d.rule === 'reference-exists').map((d) => `${d.line}:${d.column} ${d.message}`);

describe('reference-exists links', () => {
  it('checks relative link targets, with or without angle brackets and titles', async () => {
    const doc = md('# FEAT-001 Design: Links', '', '## Overview', '',
      'See [here](../../../src/there.ts), [there](<../../../src/gone.ts>) and [t](../../../src/also-gone.ts "title").');
    const found = await refs(doc, { 'src/there.ts': '' });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^5:\d+ .*src\/gone\.ts/);
    expect(found[1]).toMatch(/src\/also-gone\.ts/);
  });

  it('skips a target holding a parenthesis (the link syntax cannot be read without a full parser)', async () => {
    expect(await refs(md('# FEAT-001 Design: Links', '', '## Overview', '', 'See [notes](../../../notes(1).md).'))).toEqual([]);
  });

  it('reads a long line of unclosed links as text', async () => {
    expect(await refs(md('# FEAT-001 Design: Links', '', '## Overview', '', '[a]('.repeat(20_000)))).toEqual([]);
  });
});
