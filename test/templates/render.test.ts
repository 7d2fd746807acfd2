import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { detectStyle } from '../../src/model/style.js';
import { featureNumber, renderFeatureDocument } from '../../src/templates/document.js';
import { readTemplate } from '../../src/templates/load.js';
import { dependencyBullets, isoDate, oneLine, renderTemplate, templateVariables } from '../../src/templates/render.js';

describe('renderTemplate', () => {
  it('fills every variable in one pass and never re-scans values', () => {
    expect(renderTemplate('# {{title}} ({{ date }})', { title: 'Use {{date}}', date: '2026-11-22' })).toBe('# Use {{date}} (2026-11-22)');
  });

  it('treats a variable without a value as a programmer error', () => {
    expect(() => renderTemplate('{{title}} {{owner}}', { title: 'x' })).toThrow('template variable {{owner}} has no value');
  });

  it('lists the variables in order of first use', () => {
    expect(templateVariables('{{b}} {{a}} {{b}}')).toEqual(['b', 'a']);
  });
});

describe('helpers', () => {
  it('renders dependency bullets, or one placeholder bullet', () => {
    expect(dependencyBullets([])).toBe('- [NNN-other-feature]: [what this feature needs from it]');
    expect(dependencyBullets([{ id: '001-accounts' }, { id: '002-collections', reason: 'bookmarks live in a collection' }]))
      .toBe('- 001-accounts: [what this feature needs from it]\n- 002-collections: bookmarks live in a collection');
  });

  it('formats numbers, dates and titles', () => {
    expect(featureNumber(7)).toBe('007');
    expect(featureNumber(1234)).toBe('1234');
    expect(isoDate(new Date('2026-11-22T23:30:00-05:00'))).toBe('2026-11-23');
    expect(oneLine('  Team\n  invitations\t')).toBe('Team invitations');
  });
});

describe('renderFeatureDocument', () => {
  it('pins the style with front matter when the title words would mislead detection', async () => {
    const path = 'docs/features/003-feature-search/technical-design.md';
    const text = renderFeatureDocument(await readTemplate('technical-design'), {
      style: 'technical-design', title: 'Feature: Search', number: 3, date: '2026-11-22', dependencies: [],
    }, path);
    expect(text.split('\n').slice(0, 4)).toEqual(['---', 'style: technical-design', '---', '# Feature: Search Design']);
    const { doc } = parseMarkdown(text, path);
    expect(detectStyle(doc, path)).toEqual({ style: 'technical-design', reason: 'front-matter' });
  });

  it('adds no front matter when the title already says the style', async () => {
    const text = renderFeatureDocument(await readTemplate('technical-design'), {
      style: 'technical-design', title: 'Sharing', number: 4, date: '2026-11-22', dependencies: [],
    });
    expect(text.split('\n')[0]).toBe('# Sharing Design');
  });
});
