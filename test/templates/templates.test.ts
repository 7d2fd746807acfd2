import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { h1 } from '../../src/markdown/walk.js';
import { detectStyle } from '../../src/model/style.js';
import { renderFeatureDocument } from '../../src/templates/document.js';
import { readStarter, readTemplate, TEMPLATES_DIR } from '../../src/templates/load.js';
import { renderTemplate, templateVariables } from '../../src/templates/render.js';
import { TEMPLATE_STYLES, templateFileName, type TemplateStyle } from '../../src/templates/styles.js';

const TITLES: Record<TemplateStyle, string> = {
  implementation: '# {{title}} Implementation',
  design: '# FEAT-{{number}} Design: {{title}}',
  plan: '# {{title}} - Implementation Plan',
  'technical-design': '# {{title}} Design',
  'feature-guide': '# Feature: {{title}}',
};

const render = (style: TemplateStyle, template: string) =>
  renderFeatureDocument(template, { style, title: 'Team Invitations', number: 7, date: '2026-11-22', dependencies: [{ id: '001-accounts' }] });

/** Bracket phrases such as `[ModelName]` (checkboxes and `[]` array suffixes excluded). */
const brackets = (text: string) => [...text.matchAll(/\[([^\]\n]+)\]/g)].map((m) => m[1]!).filter((b) => b !== 'x' && b !== ' ');

describe.each(TEMPLATE_STYLES)('%s template', (style) => {
  it('starts with the style title line and states the date and the dependencies', async () => {
    const t = await readTemplate(style);
    const lines = t.split('\n');
    expect(lines[0]).toBe(TITLES[style]);
    expect(lines[2]).toBe('**Last Updated**: {{date}}');
    expect(t).toContain('{{dependencies}}');
    expect(templateVariables(t).filter((v) => v !== 'number').sort()).toEqual(['date', 'dependencies', 'title']);
  });

  it('parses, and the rendered document is detected as its own style', async () => {
    const path = `docs/features/007-team-invitations/${templateFileName(style)}`;
    const text = render(style, await readTemplate(style));
    expect(text.startsWith('---')).toBe(false);
    const { doc, diagnostics } = parseMarkdown(text, path);
    expect(diagnostics).toEqual([]);
    expect(detectStyle(doc, path).style).toBe(style);
    expect(h1(doc)?.line).toBe(1);
  });

  it('keeps its placeholders after rendering, and fills the variables', async () => {
    const text = render(style, await readTemplate(style));
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain('**Last Updated**: 2026-11-22');
    expect(text).toContain('- 001-accounts: [what this feature needs from it]');
    expect(brackets(text).length).toBeGreaterThan(5);
  });
});

describe('template specifics', () => {
  it('the implementation template stays within 100 lines', async () => {
    const t = await readTemplate('implementation');
    expect(t.trimEnd().split('\n').length).toBeLessThanOrEqual(100);
  });

  it('the design template has the seed sections and TASK-XXX headings with Read: lines', async () => {
    const t = await readTemplate('design');
    const headings = t.split('\n').filter((l) => /^## /.test(l));
    expect(headings).toEqual(['## Overview', '## Dependencies', '## Architecture', '## Data Models', '## API Endpoints', '## File Plan', '## Implementation Tasks', '## Design Decisions']);
    expect(t).toContain('```mermaid\ngraph LR');
    expect(t).toContain('| Field | Type | Required | Default | Description |');
    expect(t).toContain('| Aspect | Detail |');
    expect(t).toContain('### GET /api/v1/[resources]?page=1&limit=20');
    expect(t.match(/^### TASK-XXX: /gm)?.length).toBe(4);
    expect(t.match(/^- Read: /gm)?.length).toBe(4);
    expect(t).toContain('| # | File | Action | Description |');
  });

  it('the plan template lists dependencies under its label', async () => {
    const t = await readTemplate('plan');
    expect(t).toContain('**Dependencies on Other Features**:\n{{dependencies}}\n');
    expect(t).toContain('**RLS Policies**:\n- SELECT:');
  });

  it('the rendered design title carries the 3-digit number', async () => {
    const text = render('design', await readTemplate('design'));
    expect(text.split('\n')[0]).toBe('# FEAT-007 Design: Team Invitations');
  });

  it('ships one template per style and nothing else at the top of templates/', async () => {
    const { readdir } = await import('node:fs/promises');
    const names = (await readdir(TEMPLATES_DIR, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
    expect(names).toEqual(TEMPLATE_STYLES.map(templateFileName).sort());
  });
});

describe('starter feature (featspec init)', () => {
  it('is a filled design document without placeholders', async () => {
    const text = renderTemplate(await readStarter(), { date: '2026-11-22' });
    const path = 'docs/features/001-notes/design.md';
    const { doc, diagnostics } = parseMarkdown(text, path);
    expect(diagnostics).toEqual([]);
    expect(detectStyle(doc, path).style).toBe('design');
    expect(text.split('\n')[0]).toBe('# FEAT-001 Design: Notes');
    expect(brackets(text)).toEqual([]);
    expect(text).not.toMatch(/TASK-XXX|\{\{|\bTBD\b/);
    for (const m of ['POST /api/v1/notes', 'GET /api/v1/notes?page=1&limit=20', 'GET /api/v1/notes/{id}', 'PATCH /api/v1/notes/{id}', 'DELETE /api/v1/notes/{id}']) {
      expect(text).toContain(`### ${m}\n`);
    }
  });

  it('package.json ships the templates folder', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('templates');
  });
});
