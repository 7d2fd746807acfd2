import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { watchLint, withDependents } from '../../src/cli/lint-watch.js';
import { resolveFeature } from '../../src/lint/model-utils.js';
import { adjacency, dependencyWorkspace, featureId } from '../graphs.js';
import type { Workspace } from '../../src/model/schema.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { md, tempWorkspace } from '../helpers.js';

const doc = (n: string, title: string, extra: string[] = []) => md(`# FEAT-${n} Design: ${title}`, '', '## Overview', `The ${title} feature of the watch test workspace.`, ...extra);
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

/** A `lint --watch` session on a workspace: its output so far, waiting for a pattern, stopping it. */
function watching(root: string) {
  let out = '';
  let err = '';
  let stop!: () => void;
  const until = new Promise<void>((r) => (stop = r));
  const done = watchLint({ root, color: false }, { paths: [], format: 'pretty', fix: false, maxWarnings: null, disable: [] }, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), until });
  return {
    out: () => out,
    err: () => err,
    clear: () => void (out = ''),
    waitFor: async (re: RegExp) => {
      for (let i = 0; i < 500 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 10));
      return re.test(out);
    },
    stop: () => {
      stop();
      return done;
    },
  };
}

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

  it('finds dependents as adding every feature that depends on one found, until none is added, did', () => {
    // The first implementation: a scan of every feature's dependencies until nothing changes.
    const byFixedPoint = (ws: Workspace, ids: string[]) => {
      const out = new Set(ids);
      for (let grew = true; grew;) {
        grew = false;
        for (const f of ws.features) {
          if (out.has(f.id) || !f.dependencies.some((d) => { const r = resolveFeature(ws, d.feature); return 'feature' in r && out.has(r.feature.id); })) continue;
          out.add(f.id);
          grew = true;
        }
      }
      return out;
    };
    fc.assert(fc.property(adjacency(), fc.array(fc.nat(9), { maxLength: 3 }), (adj, picks) => {
      const ws = dependencyWorkspace(adj.length, (i) => adj[i]!);
      const ids = [...picks.map((k) => featureId(k % adj.length)), 'not-a-feature'];
      expect([...withDependents(ws, ids)].sort()).toEqual([...byFixedPoint(ws, ids)].sort());
    }), { numRuns: 300, seed: 13 });
  });

  it('re-lints a saved document and its dependents, and only them', async () => {
    const w = tempWorkspace({
      'docs/features/001-a/design.md': doc('001', 'A'),
      'docs/features/002-b/design.md': doc('002', 'B', ['', '## Dependencies', '- 001-a: ids']),
      'docs/features/003-c/design.md': doc('003', 'C'),
    });
    cleanup = w.cleanup;
    const session = watching(w.root);
    expect(await session.waitFor(/linted 3 features/)).toBe(true);
    session.clear();
    writeFileSync(join(w.root, 'docs/features/001-a/design.md'), doc('001', 'A', ['', 'Owner: TBD']));
    expect(await session.waitFor(/TBD/)).toBe(true);
    expect(session.out()).toMatch(/re-linted 001-a, 002-b\b/);
    expect(session.out()).not.toContain('003-c');
    expect(await session.stop()).toBe(0);
  });

  it('reads files outside the features afresh on every re-lint', async () => {
    const w = tempWorkspace({
      'NOTES.md': md('# Notes', '', '## Intro', 'Nothing yet.'),
      'docs/features/001-a/design.md': doc('001', 'A', ['', 'See [setup](../../../NOTES.md#setup).']),
    });
    cleanup = w.cleanup;
    const session = watching(w.root);
    expect(await session.waitFor(/linted 1 feature/)).toBe(true);
    expect(session.out()).toMatch(/no heading with anchor #setup/);
    // The heading appears in NOTES.md, then the document is saved again.
    writeFileSync(join(w.root, 'NOTES.md'), md('# Notes', '', '## Setup', 'Install it.'));
    session.clear();
    writeFileSync(join(w.root, 'docs/features/001-a/design.md'), doc('001', 'A', ['', 'See [setup](../../../NOTES.md#setup) first.']));
    expect(await session.waitFor(/re-linted 001-a/)).toBe(true);
    expect(session.out()).not.toMatch(/anchor #setup/);
    expect(await session.stop()).toBe(0);
  });

  it('keeps watching through a broken configuration, a removed feature and a new one', async () => {
    const w = tempWorkspace({
      'docs/features/001-a/design.md': doc('001', 'A'),
      'docs/features/002-b/design.md': doc('002', 'B', ['', '## Dependencies', '- 001-a: ids']),
    });
    cleanup = w.cleanup;
    const session = watching(w.root);
    expect(await session.waitFor(/linted 2 features/)).toBe(true);
    writeFileSync(join(w.root, 'featspec.config.json'), '{ "rules": ');
    for (let i = 0; i < 500 && !/not valid JSON/.test(session.err()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(session.err()).toMatch(/^featspec: featspec\.config\.json:1:\d+: not valid JSON/m);
    session.clear();
    writeFileSync(join(w.root, 'featspec.config.json'), JSON.stringify({ rules: { 'empty-section': 'off' } }));
    expect(await session.waitFor(/configuration changed/)).toBe(true);
    session.clear();
    rmSync(join(w.root, 'docs/features/001-a'), { recursive: true, force: true });
    expect(await session.waitFor(/re-linted[^\n]*002-b/)).toBe(true);
    expect(await session.waitFor(/dependency 001-a: no feature/)).toBe(true);
    session.clear();
    w.write('docs/features/003-c/design.md', doc('003', 'C', ['', 'Storage: TBD.']));
    expect(await session.waitFor(/re-linted 003-c/)).toBe(true);
    expect(await session.waitFor(/template placeholder TBD/)).toBe(true);
    expect(await session.stop()).toBe(0);
  });

  it('watches a feature folder again after it was removed and made anew (a branch switch), and one made after the start', async () => {
    const w = tempWorkspace({ 'docs/features/001-a/design.md': doc('001', 'A'), 'featspec.config.json': JSON.stringify({ features: ['docs/features', 'specs'] }) });
    cleanup = w.cleanup;
    const session = watching(w.root);
    expect(await session.waitFor(/linted 1 feature/)).toBe(true);
    rmSync(join(w.root, 'docs'), { recursive: true, force: true });
    expect(await session.waitFor(/re-linted 001-a/)).toBe(true);
    session.clear();
    w.write('docs/features/002-b/design.md', doc('002', 'B', ['', 'Storage: TBD.']));
    expect(await session.waitFor(/re-linted 002-b/)).toBe(true);
    expect(await session.waitFor(/template placeholder TBD/)).toBe(true);
    session.clear();
    w.write('specs/003-c/spec.md', doc('003', 'C', ['', 'Queue: TBD.']));
    expect(await session.waitFor(/re-linted 003-c/)).toBe(true);
    session.clear();
    writeFileSync(join(w.root, 'specs/003-c/spec.md'), doc('003', 'C', ['', 'Queue: none.']));
    expect(await session.waitFor(/re-linted 003-c/)).toBe(true);
    expect(session.out()).not.toMatch(/TBD/);
    expect(await session.stop()).toBe(0);
  });
});
