import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/markdown/inline.js';

describe('plainText', () => {
  it('keeps the text of links and images, whose targets may hold one pair of parentheses', () => {
    expect(plainText('See [the guide](docs/guide.md) and ![logo](img/logo.png)')).toBe('See the guide and logo');
    expect(plainText('[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) page')).toBe('Wiki page');
    expect(plainText('**Bold** `a_b_c` _it_')).toBe('Bold a_b_c it');
  });

  it('reads a long line of unclosed links and images as text, every one of them', () => {
    const links = '[a]('.repeat(20_000);
    expect(plainText(links)).toBe(links);
    const images = '![a]('.repeat(20_000);
    expect(plainText(images)).toBe(images);
    const brackets = '['.repeat(40_000);
    expect(plainText(brackets)).toBe(brackets);
    const tags = '<a '.repeat(20_000).trim();
    expect(plainText(tags)).toBe(tags);
  });

  it('reads link text without brackets in it, as CommonMark does', () => {
    expect(plainText('[a [b](x.md)')).toBe('[a b');
    expect(plainText('<span class="x">kept</span> text')).toBe('kept text');
  });
});
