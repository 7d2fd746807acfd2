import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { cleanTitle, detectStyle } from '../../src/model/style.js';
import { corpusFiles, hasCorpus, seedFiles } from '../corpus.js';
import { md } from '../helpers.js';

const style = (text: string, path = 'docs/features/001-x/doc.md') => detectStyle(parseMarkdown(text, path).doc, path).style;

describe('style detection', () => {
  it('detects each seed template as its own style', () => {
    const seeds = seedFiles();
    expect(seeds).toHaveLength(5);
    for (const s of seeds) expect(style(s.text), s.file).toBe(s.style);
  });

  it('lets front matter override', () => {
    expect(style(md('---', 'style: feature-guide', '---', '# FEAT-001 Design: X'))).toBe('feature-guide');
  });

  it('reads titles', () => {
    expect(style('# FEAT-002 Design: Bookmarks\n')).toBe('design');
    expect(style('# Bookmarks - Implementation Plan\n')).toBe('plan');
    expect(style('# Feature: Bookmarks\n')).toBe('feature-guide');
    expect(style('# Bookmarks Implementation\n')).toBe('implementation');
    expect(style('# Bookmarks Design\n')).toBe('technical-design');
  });

  it('reads section vocabulary when the title says nothing', () => {
    expect(style(md('# Bookmarks', '## 1. Quick Start', '## Troubleshooting', '## Changelog'))).toBe('feature-guide');
    expect(style(md('# Bookmarks', '## Technical Context', '## 🔐 Security Considerations'))).toBe('plan');
    expect(style(md('# Notes', 'just prose'))).toBe('unknown');
  });

  it('uses spec-kit and Kiro file names', () => {
    expect(style('# Implementation Plan\n- [ ] 1. Do it\n', '.kiro/specs/x/tasks.md')).toBe('tasks');
    expect(style('# Design Document\n## Overview\n', '.kiro/specs/x/design.md')).toBe('technical-design');
    expect(style('# Feature Specification: X\n', 'specs/001-x/spec.md')).toBe('requirements');
    expect(style('# Data Model\n', 'specs/001-x/data-model.md')).toBe('reference');
    expect(style('# Implementation Plan: X\n', 'specs/001-x/plan.md')).toBe('plan');
  });

  it('cleans style words out of titles', () => {
    expect(cleanTitle('FEAT-002 Design: Bookmarks')).toBe('Bookmarks');
    expect(cleanTitle('Bookmarks - Implementation Plan')).toBe('Bookmarks');
    expect(cleanTitle('Feature: **Bookmarks**')).toBe('Bookmarks');
    expect(cleanTitle('Bookmarks Implementation')).toBe('Bookmarks');
    expect(cleanTitle('Bookmarks Design')).toBe('Bookmarks');
    expect(cleanTitle('Implementation Plan: Task Presets')).toBe('Task Presets');
    expect(cleanTitle('Design Document')).toBe('');
  });
});

describe.runIf(hasCorpus)('style detection on the shared corpus', () => {
  // Every corpus document is clearly one of the styles; none may come out unknown.
  const expected: Record<string, string> = {
    A: 'plan|requirements|reference|tasks',
    B: 'technical-design|requirements|tasks',
    C: 'design|plan|reference|tasks',
    D: 'plan',
    E: 'feature-guide',
  };
  for (const f of corpusFiles()) {
    it(`${f.file}`, () => {
      const s = style(f.text, f.path);
      expect(s).not.toBe('unknown');
      expect(s).toMatch(new RegExp(`^(?:${expected[f.category]})$`));
    });
  }
});
