import { mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load.js';
import { readDocument } from '../../src/workspace/read.js';
import { md, tempWorkspace } from '../helpers.js';

const doc = (title: string) => md(`# FEAT-001 Design: ${title}`, '', '## Overview', 'A feature used by the workspace tests to check discovery.');
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
const ws = (files: Record<string, string | Uint8Array>) => {
  const w = tempWorkspace(files);
  cleanups.push(w.cleanup);
  return w;
};

describe('workspace discovery', () => {
  it('finds numbered folders, FEAT- folders and single-file features under docs/features', async () => {
    const w = ws({
      'docs/features/001-accounts/design.md': doc('Accounts'),
      'docs/features/001-accounts/notes/extra.md': '# Extra\n',
      'docs/features/FEAT-002-bookmarks/plan.md': '# Bookmarks - Implementation Plan\n',
      'docs/features/003-sharing.md': '# Feature: Sharing\n',
      'docs/features/README.md': '# Not a feature\n',
      'docs/features/001-accounts/diagram.png': 'binary-ish',
    });
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.features.map((f) => [f.id, f.number, f.slug, f.title])).toEqual([
      ['001-accounts', 1, 'accounts', 'Accounts'],
      ['003-sharing', 3, 'sharing', 'Sharing'],
      ['FEAT-002-bookmarks', 2, 'bookmarks', 'Bookmarks'],
    ]);
    expect(workspace.features[0]!.docs.map((d) => d.path)).toEqual([
      'docs/features/001-accounts/design.md',
      'docs/features/001-accounts/notes/extra.md',
    ]);
    expect(workspace.diagnostics).toEqual([]);
  });

  it('reads spec-kit (specs/NNN-slug) and Kiro (.kiro/specs/<name>, number null) layouts by default', async () => {
    const w = ws({
      'specs/004-task-presets/plan.md': '# Implementation Plan: Task Presets\n',
      'specs/004-task-presets/contracts/api.md': '# API Contracts\n',
      '.kiro/specs/audit-log/design.md': '# Design Document\n## Overview\nAn audit log of account activity for administrators.\n',
    });
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.features.map((f) => [f.id, f.number, f.title])).toEqual([
      ['004-task-presets', 4, 'Task Presets'],
      ['audit-log', null, 'Audit log'],
    ]);
    expect(workspace.features[0]!.docs.map((d) => d.style)).toEqual(['reference', 'plan']);
  });

  it('uses the configured feature roots only', async () => {
    const w = ws({
      'featspec.config.json': JSON.stringify({ features: ['design'] }),
      'design/010-x/design.md': doc('X'),
      'docs/features/001-y/design.md': doc('Y'),
    });
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.features.map((f) => f.id)).toEqual(['010-x']);
  });

  it('reports a feature root that is a file: a warning for a default root, an error for a configured one', async () => {
    const dflt = ws({ 'docs/features': 'a file', 'specs/001-a/spec.md': '# A\n' });
    expect((await loadWorkspace(dflt.root)).workspace.diagnostics).toEqual([
      expect.objectContaining({ rule: 'feature-root', severity: 'warning', path: 'docs/features', message: 'feature folder "docs/features" is a file, not a folder; no features are read from it' }),
    ]);
    const configured = ws({ 'featspec.config.json': JSON.stringify({ features: ['docs/features'] }), 'docs/features': 'a file' });
    expect((await loadWorkspace(configured.root)).workspace.diagnostics).toEqual([expect.objectContaining({ rule: 'feature-root', severity: 'error', path: 'featspec.config.json' })]);
  });

  it('reports a configured root that does not exist', async () => {
    const w = ws({ 'featspec.config.json': JSON.stringify({ features: ['nope'] }) });
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.diagnostics).toEqual([expect.objectContaining({ rule: 'feature-root', path: 'featspec.config.json' })]);
  });
});

describe('bad input never crashes and names the path', () => {
  it('reports two features with the same number, naming both', async () => {
    const w = ws({ 'docs/features/001-a/design.md': doc('A'), 'docs/features/001-b/design.md': doc('B') });
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.features).toHaveLength(2);
    const d = workspace.diagnostics.find((x) => x.rule === 'feature-duplicate-number');
    expect(d?.message).toContain('docs/features/001-a');
    expect(d?.message).toContain('docs/features/001-b');
  });

  it('reports a feature folder with no Markdown', async () => {
    const w = ws({ 'docs/features/002-empty/notes.txt': 'x' });
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.features[0]!.diagnostics).toEqual([expect.objectContaining({ rule: 'feature-empty', path: 'docs/features/002-empty' })]);
  });

  it('reports non-UTF-8 bytes with their line and still parses the rest', async () => {
    const bytes = Buffer.concat([Buffer.from('# FEAT-001 Design: Latin\n\n## Overview\ncaf'), Buffer.from([0xe9]), Buffer.from(' au lait and more text here\n')]);
    const w = ws({ 'docs/features/001-latin/design.md': bytes });
    const { workspace } = await loadWorkspace(w.root);
    const f = workspace.features[0]!;
    expect(f.title).toBe('Latin');
    expect(f.diagnostics).toEqual([expect.objectContaining({ rule: 'file-encoding', path: 'docs/features/001-latin/design.md', line: 4, column: 4 })]);
  });

  it('skips a binary file with a diagnostic', async () => {
    const w = ws({ 'docs/features/001-bin/design.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) });
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.features[0]!.docs).toEqual([]);
    expect(workspace.features[0]!.diagnostics).toEqual([expect.objectContaining({ rule: 'file-binary', path: 'docs/features/001-bin/design.md' })]);
  });

  it('skips a 20 MB file with a diagnostic, without reading it', async () => {
    const w = ws({ 'docs/features/001-big/design.md': '' });
    truncateSync(join(w.root, 'docs/features/001-big/design.md'), 20 * 1024 * 1024);
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.features[0]!.diagnostics).toEqual([expect.objectContaining({ rule: 'file-too-large', path: 'docs/features/001-big/design.md' })]);
  });

  it('survives a symlink loop and reports it', async () => {
    const w = ws({ 'docs/features/001-loop/design.md': doc('Loop') });
    symlinkSync(join(w.root, 'docs/features/001-loop'), join(w.root, 'docs/features/001-loop/again'));
    const { workspace } = await loadWorkspace(w.root);
    const f = workspace.features[0]!;
    expect(f.docs.map((d) => d.path)).toEqual(['docs/features/001-loop/design.md']);
    expect(f.diagnostics).toEqual([expect.objectContaining({ rule: 'symlink-loop', path: 'docs/features/001-loop/again' })]);
  });

  it('reports a dangling symbolic link', async () => {
    const w = ws({ 'docs/features/001-x/design.md': doc('X') });
    symlinkSync(join(w.root, 'missing.md'), join(w.root, 'docs/features/001-x/gone.md'));
    const { workspace } = await loadWorkspace(w.root);
    expect(workspace.features[0]!.diagnostics).toEqual([expect.objectContaining({ rule: 'file-unreadable', path: 'docs/features/001-x/gone.md' })]);
  });

  it('reports an unreadable document', async () => {
    const w = ws({});
    mkdirSync(join(w.root, 'dir.md'));
    const r = await readDocument(join(w.root, 'dir.md'), 'dir.md', 1e6);
    expect(r.text).toBeNull();
    expect(r.diagnostics).toEqual([expect.objectContaining({ rule: 'file-unreadable', path: 'dir.md', line: 1 })]);
  });
});
