import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, writeFileAtomic } from '../../src/util/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'featspec-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates parent folders and writes the data, leaving no temp file', async () => {
    const target = join(dir, 'a', 'b', 'file.md');
    await writeFileAtomic(target, 'hello\n', { overwrite: false });
    expect(await readFile(target, 'utf8')).toBe('hello\n');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['file.md']);
  });

  it('refuses an existing target by default, keeps it unchanged and removes the temp file', async () => {
    const target = join(dir, 'file.md');
    await writeFile(target, 'original');
    const err = await writeFileAtomic(target, 'new').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileExistsError);
    expect((err as FileExistsError).path).toBe(target);
    expect((err as Error).message).toBe(`${target} already exists (not overwritten)`);
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['file.md']);
  });

  it('refuses when the target is a folder', async () => {
    await expect(writeFileAtomic(dir, 'x', { overwrite: false })).rejects.toBeInstanceOf(FileExistsError);
  });

  it('replaces the target when overwrite is true', async () => {
    const target = join(dir, 'file.md');
    await writeFile(target, 'original');
    await writeFileAtomic(target, new TextEncoder().encode('replaced'), { overwrite: true });
    expect(await readFile(target, 'utf8')).toBe('replaced');
    expect(await readdir(dir)).toEqual(['file.md']);
  });

  it('lets exactly one of two concurrent writers win', async () => {
    const target = join(dir, 'race.md');
    const results = await Promise.allSettled([writeFileAtomic(target, 'one'), writeFileAtomic(target, 'two')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(['one', 'two']).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['race.md']);
  });
});
