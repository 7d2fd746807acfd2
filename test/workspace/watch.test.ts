/** watchWorkspace: feature folders watched while they exist, and quiet while nothing changes. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchWorkspace } from '../../src/workspace/watch.js';
import { tempWorkspace } from '../helpers.js';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function watching(root: string, roots: string[]) {
  const batches: string[][] = [];
  const errors: string[] = [];
  const stop = watchWorkspace({ root, roots: () => roots, debounceMs: 10, onChanges: async (c) => void batches.push(c), onWatchError: (r) => void errors.push(r) });
  const until = async (test: () => boolean) => {
    for (let i = 0; i < 300 && !test(); i++) await sleep(10);
    return test();
  };
  return { batches, errors, stop, until };
}

describe('watchWorkspace', () => {
  it('says nothing while nothing changes, though a configured folder is missing', async () => {
    const w = tempWorkspace({ 'docs/features/001-a/design.md': '# A\n' });
    cleanup = w.cleanup;
    const s = watching(w.root, ['docs/features', 'specs']);
    await sleep(1300);
    expect(s.batches).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.stop();
  });

  it('reports a folder made after the start, then what changes in it', async () => {
    const w = tempWorkspace({ 'docs/features/001-a/design.md': '# A\n' });
    cleanup = w.cleanup;
    const s = watching(w.root, ['docs/features', 'specs']);
    mkdirSync(join(w.root, 'specs/002-b'), { recursive: true });
    expect(await s.until(() => s.batches.flat().includes('specs'))).toBe(true);
    s.batches.length = 0;
    writeFileSync(join(w.root, 'specs/002-b/spec.md'), '# B\n');
    expect(await s.until(() => s.batches.flat().includes('specs/002-b/spec.md'))).toBe(true);
    rmSync(join(w.root, 'specs'), { recursive: true, force: true });
    expect(await s.until(() => s.batches.flat().filter((p) => p === 'specs').length > 0)).toBe(true);
    await s.stop();
  });
});
