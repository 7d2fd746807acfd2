import { describe, expect, it } from 'vitest';
import { checkYaml } from '../../src/lint/yaml-check.js';

describe('checkYaml', () => {
  it('accepts valid YAML, several documents included', () => {
    expect(checkYaml('tags:\n  max: 20\n  color: blue\n')).toBeNull();
    expect(checkYaml('a: 1\n---\nb: [1, 2]\n...\n')).toBeNull();
    expect(checkYaml('')).toBeNull();
    expect(checkYaml('# only a comment\n')).toBeNull();
  });

  it('gives the 1-based line and column of the first error and what is wrong', () => {
    expect(checkYaml('tags:\n  max: 20\n   color: blue\n')).toEqual({ line: 3, column: 9, message: 'bad indentation of a mapping entry' });
    expect(checkYaml('a: [1, 2\nb: 3\n')).toEqual({ line: 2, column: 1, message: 'deficient indentation' });
  });

  it('finds an error in a later document', () => {
    expect(checkYaml('a: 1\n---\nb: "unclosed\n')).toMatchObject({ line: 4 });
  });

  it('reports duplicate keys', () => {
    expect(checkYaml('a: 1\na: 2\n')).toMatchObject({ line: 2, message: expect.stringMatching(/duplicated mapping key/) });
  });

  it('accepts complex mapping keys, which are valid YAML (checked by the yaml package)', () => {
    expect(checkYaml('? [a, b]\n: both\n')).toBeNull();
    const bad = checkYaml('? [a, b]\n: both\nc: [\n');
    expect(bad).not.toBeNull();
    expect(bad!.message).not.toMatch(/at line/);
  });

  it('reads the pseudo-YAML that templates put in yaml fences as invalid', () => {
    expect(checkYaml('GET /api/items\n  Response:\n    - status: 200\n')).toMatchObject({ line: 2 });
  });
});
