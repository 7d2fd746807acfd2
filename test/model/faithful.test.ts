/**
 * Faithfulness: every extracted item points at a line that really holds it, and the examples fill every
 * list their documents write. Runs over the examples, the seeds and the shared corpus.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Feature, Workspace } from '../../src/model/schema.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { corpusWorkspaces, hasCorpus, seedFiles } from '../corpus.js';
import { tempWorkspace } from '../helpers.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

/** For each item: the text that must appear on its source line (case-insensitive, markup ignored). */
function claims(f: Feature): { list: string; text: string; path: string; line: number }[] {
  const out: { list: string; text: string; path: string; line: number }[] = [];
  const add = (list: string, text: string, s: { path: string; line: number }) => out.push({ list, text, ...s });
  for (const e of f.endpoints) add('endpoints', e.path.split('/').filter((x) => x && !x.startsWith('{')).pop() ?? '/', e.source);
  for (const t of f.tasks) if (!t.id.startsWith('#')) add('tasks', t.id.replace(/^Step /, ''), t.source);
  for (const p of f.filePlan) add('filePlan', p.path.split('/').pop()!, p.source);
  for (const d of f.dependencies) add('dependencies', d.feature.replace(/^\[|\]$/g, ''), d.source);
  for (const c of f.config) add('config', c.name, c.source);
  for (const e of f.entities) for (const x of e.fields) if (x.source) add('fields', x.name, x.source);
  for (const t of f.tables) add('tables', t.name.split('.').pop()!, t.source);
  return out;
}

function checkLines(ws: Workspace, docs: Map<string, { doc: { sourceLines: string[] } }>) {
  const bad: string[] = [];
  for (const f of ws.features) {
    for (const c of claims(f)) {
      const lines = docs.get(c.path)?.doc.sourceLines ?? [];
      const line = lines[c.line - 1] ?? '';
      const has = (l: string) => l.replace(/[`*_\\]/g, '').toLowerCase().includes(c.text.toLowerCase().replace(/[`*_\\]/g, ''));
      // A method bullet under a path heading (`### /people/{uuid}` then `- GET - ...`) names its path in the heading.
      let heading = '';
      for (let i = c.line - 2; i >= 0 && c.list === 'endpoints'; i--) if (/^#{1,6}\s/.test(lines[i]!)) {
        heading = lines[i]!;
        break;
      }
      if (!has(line) && !(heading && has(heading))) bad.push(`${c.list} "${c.text}" at ${c.path}:${c.line}: ${line.trim().slice(0, 100)}`);
    }
  }
  return bad;
}

describe('the examples workspace', () => {
  it('fills every list its documents write, with lines that hold the items', async () => {
    const { workspace, docs } = await loadWorkspace(EXAMPLES);
    expect(workspace.features.map((f) => f.id)).toEqual(['001-accounts', '002-collections', '003-bookmarks', '004-sharing', '005-notifications']);
    expect(new Set(workspace.features.flatMap((f) => f.docs.map((d) => d.style)))).toEqual(new Set(['implementation', 'plan', 'design', 'technical-design', 'feature-guide']));
    const total = (k: keyof Feature) => workspace.features.reduce((n, f) => n + (f[k] as unknown[]).length, 0);
    for (const k of ['entities', 'endpoints', 'tables', 'filePlan', 'tasks', 'dependencies', 'config', 'components', 'diagrams', 'targets', 'decisions'] as const) {
      expect(total(k), k).toBeGreaterThan(0);
    }
    expect(checkLines(workspace, docs)).toEqual([]);
    for (const f of workspace.features) expect(f.diagnostics, f.id).toEqual([]);
  });
});

describe('the seed templates', () => {
  it('give items on the lines that hold them', async () => {
    const files: Record<string, string> = {};
    seedFiles().forEach((s, i) => (files[`docs/features/00${i + 1}-${s.style}/${s.style}.md`] = s.text));
    const w = tempWorkspace(files);
    try {
      const { workspace, docs } = await loadWorkspace(w.root);
      expect(workspace.features).toHaveLength(5);
      expect(checkLines(workspace, docs)).toEqual([]);
    } finally {
      w.cleanup();
    }
  });
});

describe.runIf(hasCorpus)('the shared corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'featspec-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const roots = corpusWorkspaces(dir);
  it.each(roots.map((r) => [r.split('/').pop()!, r]))('%s: every item sits on its line', async (_name, root) => {
    const { workspace, docs } = await loadWorkspace(root);
    expect(workspace.features.length).toBeGreaterThan(0);
    expect(checkLines(workspace, docs)).toEqual([]);
    for (const f of workspace.features) for (const d of f.docs) expect(d.style, d.path).not.toBe('unknown');
  });
});
