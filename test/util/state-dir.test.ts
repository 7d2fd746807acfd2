import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareStateDir } from '../../src/util/state-dir.js';
import { md, runCli, tempWorkspace } from '../helpers.js';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

const DOC = { 'docs/features/001-notes/design.md': md('# FEAT-001 Design: Notes', '', '## Overview', 'Notes.') };

describe('prepareStateDir', () => {
  it('makes .featspec/ ignore itself in git before featspec writes inside it', async () => {
    const w = tempWorkspace();
    cleanup = w.cleanup;
    await prepareStateDir(w.root, join(w.root, '.featspec', 'cache', 'lint'));
    const ignore = readFileSync(join(w.root, '.featspec', '.gitignore'), 'utf8');
    expect(ignore.split('\n')).toContain('*');
    expect(ignore).toMatch(/^# /);
  });

  it('leaves a .gitignore the user wrote alone, and folders outside .featspec/ untouched', async () => {
    const w = tempWorkspace();
    cleanup = w.cleanup;
    mkdirSync(join(w.root, '.featspec'));
    writeFileSync(join(w.root, '.featspec', '.gitignore'), 'data/\n');
    await prepareStateDir(w.root, join(w.root, '.featspec', 'build'));
    expect(readFileSync(join(w.root, '.featspec', '.gitignore'), 'utf8')).toBe('data/\n');
    const other = tempWorkspace();
    await prepareStateDir(other.root, join(other.root, 'out'));
    await prepareStateDir(other.root, join(other.root, '.featspec-not'));
    expect(existsSync(join(other.root, '.featspec'))).toBe(false);
    other.cleanup();
  });

  it('build, token and lint --cache write under an ignored .featspec/; build --out elsewhere creates none', async () => {
    const w = tempWorkspace(DOC);
    cleanup = w.cleanup;
    expect((await runCli(['build', '--root', w.root, '--out', join(w.root, 'api')])).code).toBe(0);
    expect(existsSync(join(w.root, '.featspec'))).toBe(false);
    for (const argv of [['build'], ['token', '--sub', 'alice'], ['lint', '--cache']]) {
      const r = await runCli([...argv, '--root', w.root]);
      expect(r.code, r.stderr).toBe(argv[0] === 'lint' ? 1 : 0); // the lint finds the sections this design lacks
    }
    expect(readFileSync(join(w.root, '.featspec', '.gitignore'), 'utf8')).toContain('\n*\n');
    expect(existsSync(join(w.root, '.featspec', 'build', 'openapi.json'))).toBe(true);
    expect(existsSync(join(w.root, '.featspec', 'cache', 'lint'))).toBe(true);
    expect(existsSync(join(w.root, '.featspec', 'data'))).toBe(true);
  });
});
