import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchLint, withDependents } from '../../src/cli/lint-watch.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { md, tempWorkspace } from '../helpers.js';

const doc = (n: string, title: string, extra: string[] = []) => md(`# FEAT-${n} Design: ${title}`, '', '## Overview', `The ${title} feature of the watch test workspace.`, ...extra);
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe('lint --watch', () => {
  it('finds the features depending on a changed one, transitively', async () => {
    const w = tempWorkspace({
      'docs/features/001-a/design.md': doc('001', 'A'),
      'docs/features/002-b/design.md': doc('002', 'B', ['', '## Dependencies', '- 001-a: ids']),
      'docs/features/003-c/design.md': doc('003', 'C', ['', '## Dependencies', '- 002-b: lists']),
      'docs/features/004-d/design.md': doc('004', 'D'),
    });
    cleanup = w.cleanup;
    const { workspace } = await loadWorkspace(w.root);
    expect([...withDependents(workspace, ['001-a'])].sort()).toEqual(['001-a', '002-b', '003-c']);
  });

  it('re-lints a saved document and its dependents, and only them', async () => {
    const w = tempWorkspace({
      'docs/features/001-a/design.md': doc('001', 'A'),
      'docs/features/002-b/design.md': doc('002', 'B', ['', '## Dependencies', '- 001-a: ids']),
      'docs/features/003-c/design.md': doc('003', 'C'),
    });
    cleanup = w.cleanup;
    let out = '';
    let stop!: () => void;
    const until = new Promise<void>((r) => (stop = r));
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 200 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 10));
      return re.test(out);
    };
    const done = watchLint({ root: w.root, color: false }, { paths: [], format: 'pretty', fix: false, maxWarnings: null, disable: [] }, { stdout: (s) => void (out += s), stderr: () => {}, until });
    expect(await waitFor(/linted 3 features/)).toBe(true);
    out = '';
    writeFileSync(join(w.root, 'docs/features/001-a/design.md'), doc('001', 'A', ['', 'Owner: TBD']));
    expect(await waitFor(/TBD/)).toBe(true);
    expect(out).toMatch(/re-linted 001-a, 002-b\b/);
    expect(out).not.toContain('003-c');
    stop();
    expect(await done).toBe(0);
  });

  it('reads files outside the features afresh on every re-lint', async () => {
    const w = tempWorkspace({
      'NOTES.md': md('# Notes', '', '## Intro', 'Nothing yet.'),
      'docs/features/001-a/design.md': doc('001', 'A', ['', 'See [setup](../../../NOTES.md#setup).']),
    });
    cleanup = w.cleanup;
    let out = '';
    let stop!: () => void;
    const until = new Promise<void>((r) => (stop = r));
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 200 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 10));
      return re.test(out);
    };
    const done = watchLint({ root: w.root, color: false }, { paths: [], format: 'pretty', fix: false, maxWarnings: null, disable: [] }, { stdout: (s) => void (out += s), stderr: () => {}, until });
    expect(await waitFor(/linted 1 feature/)).toBe(true);
    expect(out).toMatch(/no heading with anchor #setup/);
    // The heading appears in NOTES.md, then the document is saved again.
    writeFileSync(join(w.root, 'NOTES.md'), md('# Notes', '', '## Setup', 'Install it.'));
    out = '';
    writeFileSync(join(w.root, 'docs/features/001-a/design.md'), doc('001', 'A', ['', 'See [setup](../../../NOTES.md#setup) first.']));
    expect(await waitFor(/re-linted 001-a/)).toBe(true);
    expect(out).not.toMatch(/anchor #setup/);
    stop();
    expect(await done).toBe(0);
  });
});
