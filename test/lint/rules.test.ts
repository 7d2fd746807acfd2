import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDoc, rulesTable } from '../../src/lint/docs.js';
import { RULES } from '../../src/lint/rules/index.js';
import { lintText } from './lint-helpers.js';

const DOCS = new URL('../../docs/rules/', import.meta.url);

describe('rule registry', () => {
  it('holds the 25 rules of the lint issue, with its default severities (warnings where it marks them)', () => {
    const warnings = ['empty-section', 'entity-id', 'endpoint-responses', 'task-files-in-plan', 'file-plan', 'yaml-syntax'];
    expect(RULES.map((r) => r.id).sort()).toEqual([
      'no-placeholder', 'required-section', 'empty-section', 'max-lines', 'heading-structure', 'table-shape', 'field-type', 'entity-id',
      'endpoint-responses', 'endpoint-duplicate', 'schema-ref', 'example-matches-model', 'dependency-exists', 'dependency-cycle',
      'task-id-unique', 'task-files-in-plan', 'file-plan', 'reference-exists', 'mermaid-syntax', 'json-syntax', 'yaml-syntax',
      'sql-syntax', 'date-format', 'rls-policy', 'no-secrets',
    ].sort());
    for (const r of RULES) expect(r.defaultSeverity, r.id).toBe(warnings.includes(r.id) ? 'warning' : 'error');
  });

  it('has unique, kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('has at least one failing and one passing example', () => {
    expect(rule.examples.length).toBeGreaterThan(0);
    for (const ex of rule.examples) {
      expect(ex.fail.trim()).not.toBe('');
      expect(ex.pass.trim()).not.toBe('');
    }
  });

  it.each(rule.examples.map((ex, i) => [i, ex] as const))('example %i: fails, then passes when fixed', async (_i, ex) => {
    const failing = await lintText(ex.fail, { path: ex.path, files: ex.files });
    expect(failing.filter((d) => d.rule === id), `expected ${id} to report the failing example`).not.toEqual([]);
    const passing = await lintText(ex.pass, { path: ex.path, files: ex.files });
    expect(passing.filter((d) => d.rule === id)).toEqual([]);
  });

  it('has an up-to-date generated doc (npm run docs)', () => {
    const file = new URL(`${id}.md`, DOCS);
    expect(existsSync(file), `docs/rules/${id}.md is missing: run npm run docs`).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(ruleDoc(rule));
  });
});

describe('generated rule documentation', () => {
  it('has no doc for a rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => `${r.id}.md`));
    for (const f of readdirSync(DOCS)) expect(ids.has(f), `docs/rules/${f} has no rule`).toBe(true);
  });
  it('README rule table is current', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(rulesTable(RULES));
  });
});
