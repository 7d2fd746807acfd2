/**
 * A lint extracts only the model lists its enabled rules declare (`uses`) and the lists whose extractors
 * report problems (lint/lists.ts). Guard: on varied workspaces, every rule alone, and all rules together,
 * find exactly what they find on a full build. A rule that reads a list it does not declare fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.mjs';
import { lint } from '../../src/lint/engine.js';
import { fsAccess } from '../../src/lint/fs-access.js';
import { listsForLint, REPORTING_LISTS } from '../../src/lint/lists.js';
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
