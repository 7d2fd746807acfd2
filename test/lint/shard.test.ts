/**
 * Parallel lint (src/lint/shard): the shards' findings together are exactly a one-thread run's. The
 * shards run here one after the other in this thread (the thread plumbing is tested through the built
 * CLI in heavy/cli-pool.test.ts), so every cross-shard case is checked without worker threads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { fsAccess } from '../../src/lint/fs-access.js';
import { listsForLint } from '../../src/lint/lists.js';
import { workerCount } from '../../src/lint/shard/run.js';
import { buildShard, dealFeatures, gatherFeatures, lintShard, type BuiltShard } from '../../src/lint/shard/shard.js';
import type { LintDiagnostic } from '../../src/lint/types.js';
import { discoverWorkspace, loadWorkspace } from '../../src/workspace/load.js';
import { CORPUS_DIR, corpusWorkspaces, hasCorpus } from '../corpus.js';
import { md, runCli, tempWorkspace } from '../helpers.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const HEAVY = ['mermaid-syntax', 'sql-syntax'];

async function whole(root: string, disable: string[] = [], paths?: string[]): Promise<LintDiagnostic[]> {
  const loaded = await loadWorkspace(root);
  return lint(loaded, { rules: loaded.config.rules, disable: new Set(disable), now: NOW, ...fsAccess(loaded.workspace.root), ...(paths ? { paths: new Set(paths) } : {}) });
}

async function sharded(root: string, count: number, disable: string[] = [], paths?: string[]): Promise<LintDiagnostic[]> {
  const ws = await discoverWorkspace(root);
  const deals = dealFeatures(ws.found.features, count);
  const built: BuiltShard[] = [];
  for (let index = 0; index < count; index++) {
    built.push(await buildShard({
      root: ws.root, config: ws.config, locations: deals[index]!, index, count, discovery: ws.found.diagnostics,
      rules: ws.config.rules, disable, lists: [...listsForLint(ws.config.rules, disable)], now: NOW.getTime(), ...(paths ? { paths } : {}),
    }));
  }
  // Each shard gets the others' features as copies, as the worker threads do.
  const copies = built.map((b) => structuredClone(b.features));
  const out: LintDiagnostic[] = [];
  for (const b of built) out.push(...(await lintShard(b, copies)));
  return out;
}

const key = (d: LintDiagnostic) => JSON.stringify([d.path, d.line, d.column, d.rule, d.message, d.severity, d.feature, d.fixable]);
const sorted = (ds: LintDiagnostic[]) => ds.map(key).sort();

const endpoint = (method: string, path: string) => [`### ${method} ${path}`, '| Aspect | Detail |', '|---|---|', '| Response 200 | Widget |', ''];

/** Features that find each other across shards: duplicates, a dependency cycle, cross-document anchors, directives. */
const CROSS: Record<string, string> = {
  'docs/features/001-alpha/design.md': md(
    '# FEAT-001 Design: Alpha', '', '## Data Models', '', '### Widget',
    '| Field | Type | Required | Default | Description |', '|---|---|---|---|---|', '| id | UUID | auto | uuid4() | Primary key |', '',
    '## API Endpoints', '', ...endpoint('GET', '/api/v1/widgets'),
    '## Implementation Tasks', '', '### TASK-001: Model', '- Create the model', '',
    '## Dependencies', '- 003-gamma: reports', '',
    '## References', '', 'See [beta data](../002-beta/design.md#data-models) and [a missing one](../002-beta/design.md#nowhere).',
  ),
  'docs/features/002-beta/design.md': md(
    '# FEAT-002 Design: Beta', '', '## Data Models', '', 'Beta reuses Widget.', '',
    '## API Endpoints', '', ...endpoint('GET', '/api/v1/widgets'),
    ...endpoint('GET', '/api/v1/widgets/{id}'),
    '## Implementation Tasks', '', '### TASK-001: Routes', '- Create the routes', '',
    '## Dependencies', '- 001-alpha: widgets', '- 009-missing: nothing',
  ),
  'docs/features/003-gamma/design.md': md(
    '# FEAT-003 Design: Gamma', '', '## API Endpoints', '', '<!-- featspec-disable-next-line endpoint-duplicate -->', ...endpoint('GET', '/api/v1/widgets/{id}'),
    '## Dependencies', '- 002-beta: more widgets', '',
    '## Overview', '', 'Last Updated: 2999-01-01', '', 'A [TBD] placeholder.',
  ),
  'docs/features/004-delta/design.md': md(
    '# FEAT-004 Design: Delta', '', '## API Endpoints', '', '### POST /api/v1/gadgets', '| Aspect | Detail |', '|---|---|', '| Request | GadgetCreate |', '| Response 201 | Gadget |', '',
    '## Implementation Tasks', '', '### TASK-002: Gadgets', '- Build them', '',
  ),
  'docs/features/005-epsilon/design.md': md('# FEAT-005 Design: Epsilon', '', '## Overview', '', 'Nothing to see.'),
  'docs/features/005-zeta/design.md': md('# FEAT-005 Design: Zeta', '', '## Overview', '', 'Numbered like epsilon.'),
};

describe('parallel lint: the shards together find what one thread finds', () => {
  it('cross-feature findings (duplicates, a cycle through three shards, anchors, directives) on 1 to 4 shards', async () => {
    const w = tempWorkspace(CROSS);
    try {
      const expected = sorted(await whole(w.root));
      console.log(expected.filter((k) => k.includes('endpoint-duplicate')).join('\n'));
      const rules = new Set((await whole(w.root)).map((d) => d.rule));
      // The workspace is worth the comparison only if it has findings of every cross-feature kind.
      for (const r of ['endpoint-duplicate', 'task-id-unique', 'dependency-cycle', 'dependency-exists', 'reference-exists', 'schema-ref', 'no-placeholder', 'date-format']) {
        expect(rules, r).toContain(r);
      }
      // The directive silences a workspace-rule finding on a document the first shard does not hold.
      expect(expected.filter((k) => k.includes('endpoint-duplicate'))).toEqual([expect.stringContaining('002-beta')]);
      for (const count of [1, 2, 3, 4]) expect(sorted(await sharded(w.root, count)), `${count} shards`).toEqual(expected);
      // Linting some documents only: their findings against the whole workspace, nothing else.
      const some = ['docs/features/003-gamma/design.md', 'docs/features/002-beta/design.md'];
      const expectedSome = sorted(await whole(w.root, [], some));
      expect(expectedSome.length).toBeGreaterThan(0);
      // (Workspace problems, such as a feature number used twice, are about folders and stay.)
      expect(expectedSome.filter((k) => k.includes('.md"') && !some.some((p) => k.includes(p)))).toEqual([]);
      for (const count of [2, 3]) expect(sorted(await sharded(w.root, count, [], some)), `${count} shards, two paths`).toEqual(expectedSome);
    } finally {
      w.cleanup();
    }
  });

  it('the examples and every corpus workspace, all rules, on 2 and 3 shards', async () => {
    const roots = [new URL('../../examples', import.meta.url).pathname, ...(hasCorpus ? corpusWorkspaces(CORPUS_DIR) : [])];
    for (const root of roots) {
      const expected = sorted(await whole(root, HEAVY));
      for (const count of [2, 3]) expect(sorted(await sharded(root, count, HEAVY)), `${root} on ${count} shards`).toEqual(expected);
    }
  }, 120_000);

  it('heavy rules check each shard\'s own documents', async () => {
    const w = tempWorkspace({
      'docs/features/001-a/design.md': md('# A', '', '## Schema', '', '```sql', 'CREATE TABLE a (id uuid PRIMARY KEY,);', '```'),
      'docs/features/002-b/design.md': md('# B', '', '## Schema', '', '```sql', 'CREATE TABLE b (id uuid PRIMARY KEY);', 'SELEC 1;', '```'),
    });
    try {
      const expected = sorted((await whole(w.root)).filter((d) => d.rule === 'sql-syntax'));
      expect(expected).toHaveLength(2);
      expect(sorted((await sharded(w.root, 2)).filter((d) => d.rule === 'sql-syntax'))).toEqual(expected);
    } finally {
      w.cleanup();
    }
  });
});

describe('dealing features into shards', () => {
  it('gatherFeatures undoes dealFeatures for any list and shard count', () => {
    fc.assert(fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 9 }), (items, count) => {
      const shards = dealFeatures(items, count);
      expect(shards).toHaveLength(count);
      expect(Math.max(...shards.map((s) => s.length)) - Math.min(...shards.map((s) => s.length))).toBeLessThanOrEqual(1);
      expect(gatherFeatures(shards)).toEqual(items);
    }));
  });

  it('workerCount: none for small workspaces or under three cores; by size, cores and a cap otherwise; explicit counts win', () => {
    expect(workerCount(50, 'auto', 8)).toBe(0);
    expect(workerCount(199, 'auto', 8)).toBe(0);
    expect(workerCount(250, 'auto', 8)).toBe(2);
    expect(workerCount(3000, 'auto', 2)).toBe(0);
    expect(workerCount(3000, 'auto', 3)).toBe(3);
    expect(workerCount(3000, 'auto', 1)).toBe(0);
    expect(workerCount(3000, 'auto', 16)).toBe(4);
    expect(workerCount(10, 3, 1)).toBe(3);
    expect(workerCount(2, 3, 8)).toBe(2);
    expect(workerCount(3000, 1, 8)).toBe(0);
    expect(workerCount(3000, 0, 8)).toBe(0);
  });
});

describe('lint --concurrency', () => {
  it('takes auto or a whole number; anything else is a usage error', async () => {
    const bad = await runCli(['lint', '--root', 'examples', '--concurrency', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--concurrency: expected auto or a number from 0 to 64, got "many"');
    const ok = await runCli(['lint', '--root', 'examples', '--concurrency', '2', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).summary).toEqual({ errors: 0, warnings: 0, files: 5, features: 5 });
  });
});
