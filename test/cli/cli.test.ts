import Ajv2020 from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { md, runCli, tempWorkspace } from '../helpers.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
const ws = (files: Record<string, string>) => {
  const w = tempWorkspace(files);
  cleanups.push(w.cleanup);
  return w.root;
};
const FILES = {
  'docs/features/001-accounts/design.md': md('# FEAT-001 Design: Accounts', '', '## Overview', 'User accounts with sign-up and profile editing for the app.'),
  'docs/features/002-bookmarks/plan.md': md('# Bookmarks - Implementation Plan', '', '## Technical Context', 'Bookmarks saved by each user, grouped in collections.'),
};

describe('featspec list', () => {
  it('prints one line per feature', async () => {
    const root = ws(FILES);
    const r = await runCli(['list', '--root', root]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    // Both documents declare a style (by title) and lack its required sections: one lint error each.
    expect(lines[1]).toMatch(/^001-accounts\s+Accounts\s+design\s+0\/0\s+1 error$/);
    expect(lines[2]).toMatch(/^002-bookmarks\s+Bookmarks\s+plan\s+0\/0\s+1 error$/);
  });
  it('prints JSON with --json', async () => {
    const r = await runCli(['list', '--json', '--root', ws(FILES)]);
    const j = JSON.parse(r.stdout);
    expect(j.features.map((f: { id: string }) => f.id)).toEqual(['001-accounts', '002-bookmarks']);
    expect(j.features[0]).toEqual({ id: '001-accounts', title: 'Accounts', styles: ['design'], tasksDone: 0, tasksTotal: 0, errors: 1, warnings: 0 });
  });
  it('says so on stderr when there are no features', async () => {
    const r = await runCli(['list', '--root', ws({})]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no features found/);
  });
});

describe('terminal output', () => {
  it('shows a document\'s control characters as \\xNN; only featspec\'s own colours reach a terminal', async () => {
    const root = ws({ 'docs/features/001-evil/design.md': md('# FEAT-001 Design: Evil \u001b]0;pwned\u0007 \u001b[31mred', '', '## Implementation Tasks', '', '- [ ] TASK-001: clear \u001b[2J') });
    const w = { root };
    for (const command of [['list'], ['tasks'], ['show', '001'], ['graph']]) {
      const r = await runCli([...command, '--root', w.root]);
      expect(r.stdout, command[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stdout, command[0]).toContain('Evil \\x1b]0;pwned\\x07 \\x1b[31mred');
    }
    const { main } = await import('../../src/cli/program.js');
    let out = '';
    await main(['lint', '--root', w.root], { stdout: (s) => void (out += s), stderr: () => {}, isTTY: true, cwd: w.root, env: {}, now: () => new Date('2026-11-22T10:00:00Z') });
    expect(out).toMatch(/\u001b\[31merror\u001b\[39m/);
    expect(out).toContain('Evil \\x1b]0;pwned\\x07');
    expect(out.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('featspec show', () => {
  it('prints one feature by id, number or slug', async () => {
    const root = ws(FILES);
    for (const ref of ['002-bookmarks', '2', '002', 'bookmarks']) {
      const r = await runCli(['show', ref, '--json', '--root', root]);
      expect(r.code, ref).toBe(0);
      expect(JSON.parse(r.stdout).id).toBe('002-bookmarks');
    }
  });
  it('exits 2 naming the unknown feature', async () => {
    const r = await runCli(['show', '009', '--root', ws(FILES)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^featspec: no feature "009"/);
    expect(r.stdout).toBe('');
  });
  it('exits 2 for a root that is not a folder, and for a bad config naming file and key', async () => {
    expect((await runCli(['show', '--root', '/nonexistent/x'])).code).toBe(2);
    const r = await runCli(['list', '--root', ws({ 'featspec.config.json': '{"feature": []}' })]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('featspec: featspec.config.json: "feature": unknown key (known keys: features, maxFileBytes, rules, serve)');
  });
  it('output validates against featspec schema', async () => {
    const root = ws(FILES);
    const schema = JSON.parse((await runCli(['schema'])).stdout);
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(schema);
    const all = JSON.parse((await runCli(['show', '--json', '--root', root])).stdout);
    expect(validate(all), JSON.stringify(validate.errors)).toBe(true);
    const one = JSON.parse((await runCli(['show', '001', '--json', '--root', root])).stdout);
    const validateFeature = ajv.compile({ ...(schema.$defs.Feature as object), $schema: undefined });
    expect(validateFeature(one), JSON.stringify(validateFeature.errors)).toBe(true);
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command or option', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['list', '--nope'])).code).toBe(2);
  });
  it('shows help with an example', async () => {
    const r = await runCli(['show', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Example:');
  });
});
