import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/program.js';

const NOW = new Date('2026-11-22T10:00:00Z');
let root: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false, cwd: root, env: {}, now: () => NOW };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
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
  root = await mkdtemp(join(tmpdir(), 'featspec-init-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('featspec init', () => {
  it('writes the config and one filled example feature', async () => {
    const r = await run('init');
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Created featspec.config.json and docs/features/001-notes/design.md\nNext: featspec list, then featspec new "<title>" to add a feature.\n',
    });
    expect(await tree()).toEqual(['docs/', 'docs/features/', 'docs/features/001-notes/', 'docs/features/001-notes/design.md', 'featspec.config.json']);
    expect(await readFile(join(root, 'featspec.config.json'), 'utf8')).toBe('{\n  "features": [\n    "docs/features"\n  ]\n}\n');
    const doc = await readFile(join(root, 'docs/features/001-notes/design.md'), 'utf8');
    expect(doc.split('\n').slice(0, 3)).toEqual(['# FEAT-001 Design: Notes', '', '**Last Updated**: 2026-11-22']);
    expect(doc).not.toMatch(/\{\{|TASK-XXX/);
  });

  it('creates a missing root folder and reports JSON', async () => {
    const target = join(root, 'project');
    const r = await run('init', '--root', target, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ root: target, files: ['featspec.config.json', 'docs/features/001-notes/design.md'], feature: '001-notes' });
  });

  it('lets new continue the numbering after init', async () => {
    await run('init');
    const r = await run('new', 'Tags', '--depends', '001', '--json');
    expect(JSON.parse(r.stdout)).toEqual({ feature: '002-tags', path: 'docs/features/002-tags/design.md', style: 'design' });
    expect(await readFile(join(root, 'docs/features/002-tags/design.md'), 'utf8')).toContain('- 001-notes: [what this feature needs from it]\n');
  });

  it('refuses when featspec.config.json exists, writing nothing', async () => {
    await writeFile(join(root, 'featspec.config.json'), '{}\n');
    const r = await run('init');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`featspec: featspec.config.json already exists in ${root}; init writes nothing into an existing workspace (use featspec new to add a feature)\n`);
    expect(await tree()).toEqual(['featspec.config.json']);
    expect(await readFile(join(root, 'featspec.config.json'), 'utf8')).toBe('{}\n');
  });

  it('refuses when docs/features/ exists, without writing the config first', async () => {
    await mkdir(join(root, 'docs/features/003-old'), { recursive: true });
    const r = await run('init');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`featspec: docs/features/ already exists in ${root}; init writes nothing into an existing workspace (use featspec new to add a feature)\n`);
    expect(await tree()).toEqual(['docs/', 'docs/features/', 'docs/features/003-old/']);
  });

  it('names both paths when both exist, and refuses a second init', async () => {
    expect((await run('init')).code).toBe(0);
    const before = await tree();
    const r = await run('init');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('featspec.config.json and docs/features/ already exist in');
    expect(await tree()).toEqual(before);
  });

  it('refuses a root that is a file', async () => {
    await writeFile(join(root, 'file'), 'x');
    const r = await run('init', '--root', join(root, 'file'));
    expect(r).toMatchObject({ code: 2, stderr: `featspec: workspace root ${join(root, 'file')} is not a folder\n` });
  });
});
