import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/program.js';

const NOW = new Date('2026-11-22T10:00:00Z');
let root: string;

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false, cwd, env: {}, now: () => NOW };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function run(...argv: string[]) {
  const f = fakeIo(root);
  const code = await main(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

async function feature(path: string, text = '# Something\n') {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

async function tree(dir = root, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = `${prefix}${e.name}`;
    if (e.isDirectory()) out.push(`${p}/`, ...(await tree(join(dir, e.name), `${p}/`)));
    else out.push(p);
  }
  return out;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'featspec-new-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('featspec new', () => {
  it('writes a design document numbered after the existing features, gaps included', async () => {
    await feature('docs/features/001-accounts/design.md');
    await feature('docs/features/004-sharing/plan.md');
    const r = await run('new', 'Team Invitations!');
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Created docs/features/005-team-invitations/design.md (design style)\nNext: replace the [bracketed] placeholders and TASK-XXX ids with the feature\'s details.\n',
    });
    const text = await readFile(join(root, 'docs/features/005-team-invitations/design.md'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('# FEAT-005 Design: Team Invitations!');
    expect(lines[2]).toBe('**Last Updated**: 2026-11-22');
    expect(text).toContain('## Dependencies\n- [NNN-other-feature]: [what this feature needs from it]\n');
    expect(text).toContain('### TASK-XXX: ');
  });

  it('numbers over every feature root and single-file features, and starts at 001', async () => {
    expect((await run('new', 'First', '--json')).stdout).toContain('"feature": "001-first"');
    await feature('specs/007-search/spec.md');
    await feature('docs/features/009-export.md');
    const r = await run('new', 'Café Menü', '--style', 'plan', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ feature: '010-cafe-menu', path: 'docs/features/010-cafe-menu/plan.md', style: 'plan' });
    const text = await readFile(join(root, 'docs/features/010-cafe-menu/plan.md'), 'utf8');
    expect(text.split('\n')[0]).toBe('# Café Menü - Implementation Plan');
  });

  it.each([
    ['implementation', 'implementation.md', '# Search Implementation'],
    ['design', 'design.md', '# FEAT-001 Design: Search'],
    ['plan', 'plan.md', '# Search - Implementation Plan'],
    ['technical-design', 'technical-design.md', '# Search Design'],
    ['feature-guide', 'feature-guide.md', '# Feature: Search'],
  ])('--style %s writes %s', async (style, file, title) => {
    const r = await run('new', 'Search', '--style', style);
    expect(r.code).toBe(0);
    expect(await tree()).toEqual(['docs/', 'docs/features/', 'docs/features/001-search/', `docs/features/001-search/${file}`]);
    const text = await readFile(join(root, 'docs/features/001-search', file), 'utf8');
    expect(text.split('\n')[0]).toBe(title);
    expect(text).toContain('**Last Updated**: 2026-11-22');
  });

  it('fills the dependency list from --depends and notes ids the workspace does not have', async () => {
    await feature('docs/features/001-accounts/design.md');
    await feature('docs/features/002-collections/plan.md');
    const r = await run('new', 'Bookmarks', '--depends', '001-accounts', '002', '009-search');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: dependency 009-search is not a feature of this workspace (yet)\n');
    const text = await readFile(join(root, 'docs/features/003-bookmarks/design.md'), 'utf8');
    expect(text).toContain([
      '## Dependencies',
      '- 001-accounts: [what this feature needs from it]',
      '- 002-collections: [what this feature needs from it]',
      '- 009-search: [what this feature needs from it]',
      '',
    ].join('\n'));
  });

  it('puts the dependencies under the plan label', async () => {
    await feature('docs/features/001-accounts/design.md');
    expect((await run('new', 'Sharing', '--style', 'plan', '--depends', '001-accounts')).code).toBe(0);
    const text = await readFile(join(root, 'docs/features/002-sharing/plan.md'), 'utf8');
    expect(text).toContain('**Dependencies on Other Features**:\n- 001-accounts: [what this feature needs from it]\n');
  });

  it('rejects a --depends value that is not a feature id, writing nothing', async () => {
    const r = await run('new', 'Bookmarks', '--depends', 'accounts');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('featspec: --depends "accounts" is not a feature id (expected a numbered id such as 001-accounts)\n');
    expect(await tree()).toEqual([]);
  });

  it('writes into the first feature root of the config', async () => {
    await writeFile(join(root, 'featspec.config.json'), JSON.stringify({ features: ['design/features', 'specs'] }));
    await feature('specs/003-old/spec.md');
    const r = await run('new', 'Export', '--json');
    expect(JSON.parse(r.stdout)).toEqual({ feature: '004-export', path: 'design/features/004-export/design.md', style: 'design' });
  });

  it('refuses when the feature folder already exists (exit 2, nothing written)', async () => {
    await feature('docs/features/001-accounts/design.md');
    // A plain file that is not a feature document still occupies the name.
    await feature('docs/features/002-notes', 'not markdown');
    const before = await tree();
    const r = await run('new', 'Notes');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('featspec: docs/features/002-notes already exists; nothing was written\n');
    expect(await tree()).toEqual(before);
  });

  it('reports a features folder that is a file as a usage error', async () => {
    await mkdir(join(root, 'docs'), { recursive: true });
    await writeFile(join(root, 'docs/features'), 'a file');
    const r = await run('new', 'Search');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('featspec: docs/features is a file, not a folder for features; nothing was written\n');
    expect(await tree()).toEqual(['docs/', 'docs/features']);
  });

  it('rejects an unknown style in the CLI with exit 2', async () => {
    const r = await run('new', 'Search', '--style', 'novel');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--style <style>' argument 'novel' is invalid");
    expect(await tree()).toEqual([]);
  });

  it('rejects an empty title and a missing root', async () => {
    expect(await run('new', '  ')).toMatchObject({ code: 2, stderr: 'featspec: the feature title is empty\n' });
    expect(await run('new', 'X', '--root', join(root, 'missing'))).toMatchObject({ code: 2, stderr: `featspec: workspace root ${join(root, 'missing')} is not a folder\n` });
  });
});
