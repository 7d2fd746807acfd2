import { relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rel } from '../../src/workspace/discover.js';

const slow = (root: string, abs: string) => relative(root, abs).split(sep).join('/');

describe('rel', () => {
  it('cuts a normalized path under the root directly', () => {
    expect(rel('/w', '/w/docs/features/001-a/design.md')).toBe('docs/features/001-a/design.md');
    expect(rel('/', '/docs/a.md')).toBe('docs/a.md');
    expect(rel('/w', '/w')).toBe('');
    expect(rel('/w', '/wx/a.md')).toBe('../wx/a.md');
  });

  it('is relative() with forward slashes for any root and path', () => {
    const segment = fc.constantFrom('a', 'b', 'docs', '.', '..', '', '.featspec', 'x.md', '..a');
    const path = fc.array(segment, { maxLength: 6 }).map((s) => `/${s.join('/')}`);
    const root = fc.oneof(path, fc.constantFrom('/', '/w', '/w/', '/w/docs'));
    fc.assert(fc.property(root, path, (r, p) => rel(r, p) === slow(r, p)), { numRuns: 3000 });
    fc.assert(fc.property(root, path, (r, p) => rel(r, `${r}/${p}`) === slow(r, `${r}/${p}`)), { numRuns: 3000 });
  });
});
