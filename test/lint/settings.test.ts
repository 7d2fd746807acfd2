/** Rule settings in featspec.config.json are checked against the registry before anything is linted. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { RULES } from '../../src/lint/rules/index.js';
import { checkRuleSettings } from '../../src/lint/settings.js';
import { md, runCli, tempWorkspace } from '../helpers.js';

const problem = (rules: Record<string, unknown>) => {
  try {
    checkRuleSettings(rules as never);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
};

describe('checkRuleSettings', () => {
  it('accepts every rule by id, with a severity alone or with the options it takes', () => {
    expect(problem(Object.fromEntries(RULES.map((r) => [r.id, 'warning'])))).toBeNull();
    expect(problem({ 'max-lines': ['error', { implementation: 80, design: 300 }], 'required-section': ['warning', { design: [] }], 'no-secrets': ['off'] })).toBeNull();
  });

  it('rejects a rule id that names no rule, suggesting the closest', () => {
    expect(problem({ 'no-secret': 'off' })).toBe('featspec.config.json: "rules.no-secret": unknown rule; did you mean "no-secrets"?');
    expect(problem({ 'max-line': 'off' })).toContain('did you mean "max-lines"?');
    expect(problem({ 'something-else': 'off' })).toMatch(/^featspec\.config\.json: "rules\.something-else": unknown rule \(rules: no-placeholder, .*sql-syntax\)$/);
  });

  it('rejects options a rule does not take, or in a shape it does not take', () => {
    expect(problem({ 'no-secrets': ['error', { allow: ['x'] }] })).toBe('featspec.config.json: "rules.no-secrets[1]": this rule takes no options');
    expect(problem({ 'max-lines': ['error', { implementation: 'x' }] })).toMatch(/"rules\.max-lines\[1\]\.implementation": .*expected number/);
    expect(problem({ 'max-lines': ['error', { implementation: 0 }] })).toMatch(/"rules\.max-lines\[1\]\.implementation": .*>0/);
    expect(problem({ 'max-lines': ['error', { implementaton: 5 }] })).toBe('featspec.config.json: "rules.max-lines[1]": unknown key "implementaton" (keys: implementation, design, plan, technical-design, feature-guide, requirements, tasks, reference, unknown)');
    expect(problem({ 'required-section': ['error', { design: 'Overview' }] })).toMatch(/"rules\.required-section\[1\]\.design": .*expected array/);
    expect(problem({ 'required-section': ['error', {}, 3] })).toBe('featspec.config.json: "rules.required-section": expected [severity, options], got 3 items');
  });

  it('every rule that takes options shows an example that its schema accepts', () => {
    for (const r of RULES.filter((x) => x.options)) {
      expect(r.optionsExample, r.id).toBeDefined();
      expect(r.options!.safeParse(r.optionsExample).success, r.id).toBe(true);
      expect(r.options!.description, r.id).toBeTruthy();
    }
  });

  it('ends lint, list and build with exit 2 and the one line, before any document is read', async () => {
    const w = tempWorkspace({
      'featspec.config.json': JSON.stringify({ rules: { 'required-section': ['error', { design: 'Overview' }] } }),
      'docs/features/001-a/design.md': md('# FEAT-001 Design: A', '', '## Overview', '', 'Text.'),
    });
    try {
      for (const command of ['lint', 'list', 'build']) {
        const r = await runCli([command, '--root', w.root], { cwd: w.root });
        expect(r.code, command).toBe(2);
        expect(r.stderr, command).toMatch(/^featspec: featspec\.config\.json: "rules\.required-section\[1\]\.design": .*expected array.*\n$/);
      }
    } finally {
      w.cleanup();
    }
  });
});
