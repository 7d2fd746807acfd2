/**
 * A lint extracts only the model lists its enabled rules declare (`uses`) and the lists whose extractors
 * report problems (lint/lists.ts). Guard: on varied workspaces, every rule alone, and all rules together,
 * find exactly what they find on a full build. A rule that reads a list it does not declare fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.mjs';
import { lint } from '../../src/lint/engine.js';
import { fsAccess } from '../../src/lint/fs-access.js';
import { completePlanned, listsForLint, REPORTING_LISTS, scopedLists } from '../../src/lint/lists.js';
import { RULES } from '../../src/lint/rules/index.js';
import type { LintDiagnostic } from '../../src/lint/types.js';
import { MODEL_LISTS, type ModelList } from '../../src/model/constants.js';
import { discoverWorkspace, loadWorkspace } from '../../src/workspace/load.js';
import { corpusWorkspaces, hasCorpus } from '../corpus.js';
import { tempWorkspace } from '../helpers.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const LIGHT = RULES.filter((r) => !r.heavy).map((r) => r.id);
const HEAVY = RULES.filter((r) => r.heavy).map((r) => r.id);

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'featspec-lists-'));
  temps.push(d);
  return d;
};

async function lintWith(root: string, disable: string[], lists: ReadonlySet<ModelList> | undefined): Promise<LintDiagnostic[]> {
  const discovered = await discoverWorkspace(root);
  const loaded = await loadWorkspace(root, discovered, lists ? { lists } : {});
  return lint(loaded, { rules: loaded.config.rules, disable: new Set(disable), now: NOW, ...fsAccess(loaded.workspace.root) });
}

/** Every rule alone, then all light rules: the restricted build finds what the full build finds. */
async function expectSameFindings(root: string): Promise<number> {
  const { config } = await discoverWorkspace(root);
  let found = 0;
  for (const id of [...LIGHT, null]) {
    const disable = id === null ? HEAVY : RULES.map((r) => r.id).filter((x) => x !== id);
    const full = await lintWith(root, disable, undefined);
    const restricted = await lintWith(root, disable, listsForLint(config.rules, disable));
    expect(restricted, `rule ${id ?? '(all light rules)'} in ${root}`).toEqual(full);
    found += full.length;
  }
  return found;
}

describe('listsForLint', () => {
  it('always extracts the lists whose extractors report problems, and what enabled rules read', () => {
    const none = listsForLint(undefined, RULES.map((r) => r.id));
    expect([...none].sort()).toEqual([...REPORTING_LISTS].sort());
    const all = listsForLint(undefined);
    expect(all.has('dependencies') && all.has('components')).toBe(true);
    for (const skipped of ['config', 'diagrams', 'targets', 'decisions'] as const) expect(all.has(skipped)).toBe(false);
    const planned = listsForLint({ 'file-plan': 'off', 'reference-exists': 'off', 'dependency-cycle': 'off', 'dependency-exists': 'off' });
    expect(planned.has('components')).toBe(false);
    expect(planned.has('dependencies')).toBe(false);
  });

  it('names only model lists', () => {
    for (const r of RULES) for (const l of r.uses ?? []) expect(MODEL_LISTS).toContain(l);
  });
});

describe('a lint of the restricted model finds what a lint of the full model finds', () => {
  it('on the examples', async () => {
    expect(await expectSameFindings(new URL('../../examples/', import.meta.url).pathname)).toBeGreaterThanOrEqual(0);
  });

  it('on a generated corpus (every style, planted problems)', async () => {
    const dir = tempDir();
    generateCorpus({ dir, features: 30, seed: 11 });
    expect(await expectSameFindings(dir)).toBeGreaterThan(0);
  }, 60_000);

  it('on every rule example', async () => {
    for (const rule of RULES.filter((r) => !r.heavy)) {
      for (const ex of rule.examples) {
        for (const text of [ex.fail, ex.pass]) {
          const w = tempWorkspace({ ...(ex.files ?? {}), [ex.path ?? 'docs/features/001-example/design.md']: text });
          temps.push(w.root);
          const { config } = await discoverWorkspace(w.root);
          const disable = RULES.map((r) => r.id).filter((x) => x !== rule.id);
          expect(await lintWith(w.root, disable, listsForLint(config.rules, disable))).toEqual(await lintWith(w.root, disable, undefined));
        }
      }
    }
  });

  it.runIf(hasCorpus)('on the shared corpus of real documents', async () => {
    for (const root of corpusWorkspaces(tempDir())) await expectSameFindings(root);
  }, 120_000);
});

/** A lint of `paths` as `featspec lint <paths>` runs it: the other features with fewer lists, then completed. */
async function lintScoped(root: string, paths: string[], disable: string[] = HEAVY): Promise<{ diagnostics: LintDiagnostic[]; completed: number }> {
  const discovered = await discoverWorkspace(root);
  const lists = listsForLint(discovered.config.rules, disable);
  const selected = new Set(paths);
  const linted = new Set(discovered.found.features.filter((f) => f.files.some((abs) => selected.has(relative(discovered.root, abs).split(sep).join('/')))).map((f) => f.id));
  const loaded = await loadWorkspace(root, discovered, { lists, listsOf: scopedLists(lists, linted) });
  const completed = completePlanned(loaded.workspace, loaded.docs, linted, lists);
  const diagnostics = await lint(loaded, { rules: loaded.config.rules, disable: new Set(disable), now: NOW, paths: selected, ...fsAccess(loaded.workspace.root) });
  return { diagnostics, completed };
}

async function lintPathsFully(root: string, paths: string[], disable: string[] = HEAVY): Promise<LintDiagnostic[]> {
  const loaded = await loadWorkspace(root);
  return lint(loaded, { rules: loaded.config.rules, disable: new Set(disable), now: NOW, paths: new Set(paths), ...fsAccess(loaded.workspace.root) });
}

describe('a lint of some documents (the other features without file plans and components)', () => {
  it('finds what a lint of the full model finds, on documents of a generated corpus and of the examples', async () => {
    const dir = tempDir();
    generateCorpus({ dir, features: 24, seed: 17 });
    let completed = 0;
    for (const root of [dir, new URL('../../examples/', import.meta.url).pathname]) {
      const { found, root: abs } = await discoverWorkspace(root);
      const docs = found.features.flatMap((f) => f.files.map((p) => relative(abs, p).split(sep).join('/')));
      // Every third document alone, and two documents of different features together.
      const picks = [...docs.filter((_d, i) => i % 3 === 0).map((d) => [d]), [docs[0]!, docs[docs.length - 1]!]];
      for (const paths of picks) {
        const scoped = await lintScoped(root, paths);
        completed += scoped.completed;
        expect(scoped.diagnostics, paths.join(', ')).toEqual(await lintPathsFully(root, paths));
      }
    }
    expect(completed).toBeGreaterThan(0); // some linted features depend on others
  }, 120_000);

  it.runIf(hasCorpus)('finds what a lint of the full model finds, on documents of the shared corpus', async () => {
    for (const root of corpusWorkspaces(tempDir())) {
      const { found, root: abs } = await discoverWorkspace(root);
      const docs = found.features.flatMap((f) => f.files.map((p) => relative(abs, p).split(sep).join('/')));
      for (const paths of docs.filter((_d, i) => i % 2 === 0).map((d) => [d])) {
        expect((await lintScoped(root, paths)).diagnostics, paths.join(', ')).toEqual(await lintPathsFully(root, paths));
      }
    }
  }, 120_000);

  it('sees the files that the features a linted one depends on plan to create', async () => {
    const w = tempWorkspace({
      'docs/features/001-accounts/design.md': '# FEAT-001 Design: Accounts\n\n## File Plan\n\n| Action | File |\n|---|---|\n| CREATE | src/accounts.ts |\n',
      'docs/features/002-bookmarks/design.md': '# FEAT-002 Design: Bookmarks\n\n## Dependencies\n- 001-accounts: user ids\n\n## Overview\nSee [accounts](../../../src/accounts.ts) and [missing](../../../src/missing.ts).\n',
      'docs/features/003-tags/design.md': '# FEAT-003 Design: Tags\n\n## File Plan\n\n| Action | File |\n|---|---|\n| CREATE | src/missing.ts |\n',
    });
    temps.push(w.root);
    const paths = ['docs/features/002-bookmarks/design.md'];
    const scoped = await lintScoped(w.root, paths);
    expect(scoped.completed).toBe(1); // 001, not 003
    const refs = scoped.diagnostics.filter((d) => d.rule === 'reference-exists').map((d) => d.message);
    expect(refs.some((m) => m.includes('src/missing.ts'))).toBe(true);
    expect(refs.some((m) => m.includes('src/accounts.ts'))).toBe(false);
    expect(scoped.diagnostics).toEqual(await lintPathsFully(w.root, paths));
  });
});
