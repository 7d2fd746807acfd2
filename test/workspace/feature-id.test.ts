/** Feature folder slugs from titles, and feature references in documents. */
import { describe, expect, it } from 'vitest';
import { referencedNumber, slugify } from '../../src/workspace/feature-id.js';

describe('slugify', () => {
  it('keeps ASCII letters and digits, strips accents, spells out letters without one', () => {
    expect(slugify('Tags & Labels (v2)')).toBe('tags-labels-v2');
    expect(slugify('Données et schéma')).toBe('donnees-et-schema');
    expect(slugify('Über Straße')).toBe('uber-strasse');
    expect(slugify('Ærø Łódź Þing')).toBe('aero-lodz-thing');
  });

  it('gives "feature" for a title of other scripts only, and at most 60 characters without a trailing hyphen', () => {
    expect(slugify('数据模型 ✓')).toBe('feature');
    const long = slugify(`${'word '.repeat(20)}end`);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).not.toMatch(/-$/);
  });
});

describe('referencedNumber', () => {
  it('reads 001-accounts, FEAT-001, feature_12, 001; not numbers of fewer than three digits or inside words', () => {
    expect(['001-accounts', 'FEAT-001', 'feature_012', '001', 'feat 1234-x', '12-x', 'v001', 'FEAT-XXX'].map(referencedNumber)).toEqual([1, 1, 12, 1, 1234, null, null, null]);
  });
});
