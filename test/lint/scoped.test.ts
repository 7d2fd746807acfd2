/**
 * A lint of some documents builds the other features only as far as its findings can depend on them
 * (lint/scoped.ts). Guard: document by document, it finds exactly what a lint of the fully built
 * workspace finds on those documents, and it leaves unrelated features unbuilt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.mjs';
import { lint } from '../../src/lint/engine.js';
import { fsAccess } from '../../src/lint/fs-access.js';
import { listsForLint } from '../../src/lint/lists.js';
import fc from 'fast-check';
import { entityStem, foldedPattern, hasWord, loadScoped, wordsOf } from '../../src/lint/scoped.js';
import { RULES } from '../../src/lint/rules/index.js';
import type { LintDiagnostic } from '../../src/lint/types.js';
import { discoverWorkspace, loadWorkspace, type LoadedWorkspace } from '../../src/workspace/load.js';
import { corpusWorkspaces, hasCorpus } from '../corpus.js';
import { tempWorkspace } from '../helpers.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const HEAVY = RULES.filter((r) => r.heavy).map((r) => r.id);

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'featspec-scoped-'));
  temps.push(d);
  return d;
};
const workspace = (files: Record<string, string>) => {
  const w = tempWorkspace(files);
  temps.push(w.root);
  return w.root;
};

/** `featspec lint <paths>` as the CLI runs it: the features holding the paths in full, the others on demand. */
async function lintScoped(root: string, paths: string[], disable: string[] = HEAVY): Promise<{ diagnostics: LintDiagnostic[]; built: number; others: number }> {
  const discovered = await discoverWorkspace(root);
  const selected = new Set(paths);
  const linted = new Set(discovered.found.features.filter((f) => f.files.some((abs) => selected.has(relative(discovered.root, abs).split(sep).join('/')))).map((f) => f.id));
  const loaded = await loadScoped(discovered, linted, listsForLint(discovered.config.rules, disable));
  const diagnostics = await lint(loaded, { rules: loaded.config.rules, disable: new Set(disable), now: NOW, paths: selected, ...fsAccess(loaded.workspace.root) });
  return { diagnostics, built: loaded.built(), others: discovered.found.features.length - linted.size };
}

const fullLoads = new Map<string, Promise<LoadedWorkspace>>();
async function lintPathsFully(root: string, paths: string[], disable: string[] = HEAVY): Promise<LintDiagnostic[]> {
  if (!fullLoads.has(root)) fullLoads.set(root, loadWorkspace(root));
  const loaded = await fullLoads.get(root)!;
  return lint(loaded, { rules: loaded.config.rules, disable: new Set(disable), now: NOW, paths: new Set(paths), ...fsAccess(loaded.workspace.root) });
}

async function documentsOf(root: string): Promise<string[]> {
  const { found, root: abs } = await discoverWorkspace(root);
  return found.features.flatMap((f) => f.files.map((p) => relative(abs, p).split(sep).join('/')));
}

describe('wordsOf, hasWord and entityStem', () => {
  it('finds whole words only', () => {
    expect(hasWord('see task-021 first', '021')).toBe(true);
    expect(hasWord('task-29021 and task-0210', '021')).toBe(false);
    expect(hasWord('task-29021, then 021', '021')).toBe(true);
    expect(hasWord('021', '021')).toBe(true);
    expect(hasWord('/api/user_profiles', 'user')).toBe(true);
  });

  it('reads the distinct words of a text, lower-cased, rarest first', () => {
    expect(wordsOf('/api/v1/User_Profiles/tags/api')).toEqual(['profiles', 'user', 'tags', 'api', 'v1']);
    expect(wordsOf('TASK-012')).toEqual(['012', 'task']);
    expect(wordsOf('/')).toEqual([]);
  });

  it('finds a folded name in a text as the folded text would hold it', () => {
    const fold = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const text = fc.stringMatching(/^[A-Za-z0-9 _*`é.-]{0,30}$/);
    const name = fc.stringMatching(/^[a-z0-9]{0,4}$/);
    fc.assert(fc.property(text, name, (t, k) => foldedPattern(k).test(t.toLowerCase()) === fold(t).includes(k)), { numRuns: 5000 });
    expect(foldedPattern('bookmarktag').test('### `bookmark_tags` table')).toBe(true);
  });

  it('looks for the stem of a name a plural table gives', () => {
    expect(entityStem('category')).toBe('categor');
    expect(entityStem('bookmarktag')).toBe('bookmarktag');
  });
});

describe('a lint of some documents finds what a lint of the fully built workspace finds', () => {
  it('on every document of a generated corpus and of the examples, building only some other features', async () => {
    const dir = tempDir();
    generateCorpus({ dir, features: 24, seed: 17 });
    let built = 0;
    let others = 0;
    for (const root of [dir, new URL('../../examples/', import.meta.url).pathname]) {
      const docs = await documentsOf(root);
      for (const paths of [...docs.map((d) => [d]), [docs[0]!, docs[docs.length - 1]!]]) {
        const scoped = await lintScoped(root, paths);
        built += scoped.built;
        others += scoped.others;
        expect(scoped.diagnostics, paths.join(', ')).toEqual(await lintPathsFully(root, paths));
      }
    }
    expect(built).toBeGreaterThan(0);
    expect(built).toBeLessThan(others / 2);
  }, 120_000);

  it('with all rules, heavy ones included, on a generated corpus', async () => {
    const dir = tempDir();
    generateCorpus({ dir, features: 8, seed: 5 });
    const docs = await documentsOf(dir);
    for (const paths of docs.filter((_d, i) => i % 3 === 0).map((d) => [d])) {
      expect((await lintScoped(dir, paths, [])).diagnostics, paths.join(', ')).toEqual(await lintPathsFully(dir, paths, []));
    }
  }, 120_000);

  it.runIf(hasCorpus)('on every document of the shared corpus', async () => {
    for (const root of corpusWorkspaces(tempDir())) {
      for (const d of await documentsOf(root)) {
        expect((await lintScoped(root, [d])).diagnostics, d).toEqual(await lintPathsFully(root, [d]));
      }
    }
  }, 120_000);
});

/** A workspace of features that often meet: the same nouns, plural tables, path and id spellings, links and dependencies. */
function meetingWorkspace(seed: number, total: number): string {
  let state = seed;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const nouns = ['category', 'categories', 'person', 'box', 'boxes', 'user', 'user_profile', 'user_profiles', 'tag', 'tags', 'status', 'statuses'] as const;
  const pascal = (w: string) => w.split('_').map((x) => x[0]!.toUpperCase() + x.slice(1)).join('');
  const ref = () => `${String(1 + Math.floor(rnd() * total)).padStart(3, '0')}-f`;
  const files: Record<string, string> = {};
  for (let n = 1; n <= total; n++) {
    const [noun, other] = [pick(nouns), pick(nouns)];
    const path = pick([`/api/${noun}`, `/api/v1/${noun}/{id}`, `https://x.io/api/${noun}/:id`, `/api/${noun}/<key>`, `/${noun}s/{id}/${other}`]);
    const schema = pick([pascal(noun), `${pascal(other)}Create`, `PaginatedResponse[${pascal(noun)}]`, 'ErrorResponse', `${pascal(other)}s`]);
    const model = rnd() < 0.5
      ? `## Data Models\n\n### ${pick([pascal(noun), noun, `\`${noun}\``])}\n| Field | Type | Description |\n|---|---|---|\n| id | uuid | Key |\n| ref | ${pick([pascal(other), 'string', other])} | Ref |\n`
      : `## Database Schema\n\n\`\`\`sql\nCREATE TABLE ${noun} (\n  id uuid PRIMARY KEY,\n  name text NOT NULL\n);\n\`\`\`\n`;
    files[`docs/features/${String(n).padStart(3, '0')}-f/design.md`] = [
      `# FEAT-${String(n).padStart(3, '0')} Design: F${n}`, '', '## Overview', `Feature ${n}.`,
      rnd() < 0.3 ? `See [it](../${ref()}/design.md#${pick(['data-models', 'api-endpoints', 'nothing'])}).` : '', '', model,
      '## API Endpoints', '', `### ${pick(['GET', 'POST'])} ${path}`, '| Aspect | Detail |', '|---|---|', '| Auth | Required |', `| Request | ${schema} |`, `| Response 200 | ${schema} |`, '',
      '## Implementation Tasks', '', `### ${pick(['TASK-001', 'Task-001', '**TASK**-002', 'TASK-010', 'T001', `TASK-${n}`])}: Build`, '- [ ] do it', '',
      rnd() < 0.8 ? `## Dependencies\n- ${ref()}: uses it\n` : '',
      '## File Plan', '', '| Action | File |', '|---|---|', `| ${pick(['CREATE', 'MODIFY'])} | src/${pick(nouns)}.ts |`, '',
    ].join('\n');
  }
  return workspace(files);
}

describe('on workspaces whose features often meet', () => {
  it('a lint of each document finds what a whole lint finds', async () => {
    const met: Record<string, number> = {};
    for (const seed of [1, 2, 3, 4, 5]) {
      const root = meetingWorkspace(seed, 12);
      for (const d of await documentsOf(root)) {
        const full = await lintPathsFully(root, [d]);
        for (const x of full) met[x.rule] = (met[x.rule] ?? 0) + 1;
        expect((await lintScoped(root, [d])).diagnostics, `seed ${seed}, ${d}`).toEqual(full);
      }
    }
    // The workspaces do meet: findings that compare features are there to be missed.
    for (const rule of ['endpoint-duplicate', 'task-id-unique', 'schema-ref', 'field-type', 'reference-exists', 'dependency-cycle']) {
      expect(met[rule] ?? 0, rule).toBeGreaterThan(0);
    }
  }, 120_000);
});

const LINTED = 'docs/features/003-linted/design.md';

/** Lint LINTED in a workspace of `others` and it: the findings of a full lint, and how many others were built. */
async function expectFull(files: Record<string, string>): Promise<{ diagnostics: LintDiagnostic[]; built: number }> {
  const root = workspace(files);
  const scoped = await lintScoped(root, [LINTED]);
  expect(scoped.diagnostics).toEqual(await lintPathsFully(root, [LINTED]));
  return scoped;
}

const design = (n: string, title: string, body: string) => `# FEAT-${n} Design: ${title}\n\n${body}\n`;
const unrelated = design('009', 'Weather', '## Overview\nShows the forecast.\n\n## API Endpoints\n\n### GET /api/forecast\n| Aspect | Detail |\n|---|---|\n| Auth | None |\n| Response 200 | Forecast |\n');

describe('the other features it builds', () => {
  it('none when nothing links them to the linted one', async () => {
    const r = await expectFull({
      'docs/features/001-weather/design.md': unrelated,
      [LINTED]: design('003', 'Notes', '## Overview\nNotes for users.\n'),
    });
    expect(r.built).toBe(0);
  });

  it('one that specifies the same endpoint first (written with a host and another parameter form)', async () => {
    const endpoint = (path: string) => `## API Endpoints\n\n### GET ${path}\n| Aspect | Detail |\n|---|---|\n| Auth | None |\n| Response 200 | Profile |\n`;
    const r = await expectFull({
      'docs/features/001-profiles/design.md': design('001', 'Profiles', endpoint('https://api.example.com/api/user_profiles/:id')),
      'docs/features/002-weather/design.md': unrelated,
      [LINTED]: design('003', 'Linted', endpoint('/api/user_profiles/{profileId}')),
    });
    expect(r.diagnostics.filter((d) => d.rule === 'endpoint-duplicate')).toHaveLength(1);
    expect(r.built).toBe(1);
  });

  it('one that uses the same TASK id', async () => {
    const tasks = (id: string) => `## Implementation Tasks\n\n### ${id}: Model\n- Create the model\n`;
    const r = await expectFull({
      'docs/features/001-other/design.md': design('001', 'Other', tasks('**Task**-120')),
      'docs/features/002-weather/design.md': design('002', 'Weather', tasks('TASK-1120')),
      [LINTED]: design('003', 'Linted', tasks('TASK-120')),
    });
    expect(r.diagnostics.filter((d) => d.rule === 'task-id-unique')).toHaveLength(1);
    expect(r.built).toBe(1);
  });

  it('one whose table (a plural in -ies) defines the entity a linted schema names', async () => {
    const r = await expectFull({
      'docs/features/001-catalog/plan.md': '# Implementation Plan: Catalog\n\n## Database Schema\n\n```sql\nCREATE TABLE product_categories (\n  id uuid PRIMARY KEY,\n  name text NOT NULL\n);\n```\n',
      'docs/features/002-weather/design.md': unrelated,
      [LINTED]: design('003', 'Linted', '## API Endpoints\n\n### GET /api/things\n| Aspect | Detail |\n|---|---|\n| Auth | None |\n| Response 200 | ProductCategory |\n| Response 404 | Unknown |\n'),
    });
    const refs = r.diagnostics.filter((d) => d.rule === 'schema-ref').map((d) => d.message);
    expect(refs.some((m) => m.includes('"ProductCategory"'))).toBe(false);
    expect(refs.some((m) => m.includes('"Unknown"'))).toBe(true);
    expect(r.built).toBe(1);
  });

  it('one defining a name searched after a longer name that holds it (OrderItem, then Order)', async () => {
    // field-type asks for OrderItem first; no feature holds it. schema-ref then asks for Order, which the
    // search for OrderItem did not cover: 001 must still be built.
    const r = await expectFull({
      'docs/features/001-orders/design.md': design('001', 'Orders', '## Data Models\n\n### Order\n| Field | Type |\n|---|---|\n| id | uuid |\n'),
      'docs/features/002-weather/design.md': unrelated,
      [LINTED]: design('003', 'Carts', '## Data Models\n\n### Cart\n| Field | Type |\n|---|---|\n| id | uuid |\n| items | OrderItem |\n\n## API Endpoints\n\n### GET /api/carts/{id}\n| Aspect | Detail |\n|---|---|\n| Response 200 | Order |\n'),
    });
    expect(r.diagnostics.filter((d) => d.rule === 'field-type').map((d) => d.message)).toEqual([expect.stringContaining('"OrderItem"')]);
    expect(r.diagnostics.filter((d) => d.rule === 'schema-ref')).toEqual([]);
    expect(r.built).toBe(1);
  });

  it('one whose entity a linted field has as its type', async () => {
    const model = (name: string, ...types: string[]) => `## Data Models\n\n### ${name}\n| Field | Type | Description |\n|---|---|---|\n| id | uuid | Key |\n${types.map((t, i) => `| f${i} | ${t} | Field |\n`).join('')}`;
    const r = await expectFull({
      'docs/features/001-people/design.md': design('001', 'People', model('Person', 'string')),
      'docs/features/002-weather/design.md': unrelated,
      [LINTED]: design('003', 'Linted', model('Note', 'Person', 'Stranger')),
    });
    const types = r.diagnostics.filter((d) => d.rule === 'field-type').map((d) => d.message);
    expect(types.some((m) => m.includes('"Person"'))).toBe(false);
    expect(types.some((m) => m.includes('"Stranger"'))).toBe(true);
  });

  it('the documents it links to with an anchor (parsed, not built)', async () => {
    const r = await expectFull({
      'docs/features/001-other/design.md': design('001', 'Other', '## Data Model\nA model.\n'),
      [LINTED]: design('003', 'Linted', '## Overview\nSee [the model](../001-other/design.md#data-model) and [nothing](../001-other/design.md#nothing).\n'),
    });
    const refs = r.diagnostics.filter((d) => d.rule === 'reference-exists').map((d) => d.message);
    expect(refs).toHaveLength(1);
    expect(refs[0]).toContain('#nothing');
    expect(r.built).toBe(0);
  });

  it('those it depends on, transitively: a cycle through them, and the files they plan', async () => {
    const r = await expectFull({
      'docs/features/001-tags/design.md': design('001', 'Tags', '## File Plan\n\n| Action | File |\n|---|---|\n| CREATE | src/missing.ts |\n'),
      'docs/features/004-accounts/design.md': design('004', 'Accounts', '## Dependencies\n- 005-sessions: tokens\n\n## File Plan\n\n| Action | File |\n|---|---|\n| CREATE | src/accounts.ts |\n'),
      'docs/features/005-sessions/design.md': design('005', 'Sessions', '## Dependencies\n- 003-linted: ids\n'),
      [LINTED]: design('003', 'Linted', '## Dependencies\n- 004-accounts: users\n\n## Overview\nSee [accounts](../../../src/accounts.ts) and [missing](../../../src/missing.ts).\n'),
    });
    // The cycle 003 -> 004 -> 005 -> 003 is reported at its first feature's dependency: the linted one.
    expect(r.diagnostics.filter((d) => d.rule === 'dependency-cycle')).toHaveLength(1);
    const refs = r.diagnostics.filter((d) => d.rule === 'reference-exists').map((d) => d.message);
    expect(refs.some((m) => m.includes('src/missing.ts'))).toBe(true);
    expect(refs.some((m) => m.includes('src/accounts.ts'))).toBe(false);
    expect(r.built).toBe(2); // 004 and 005, not 001
  });

  it('a dependency chain longer than the call stack is deep, closed into a cycle', async () => {
    const n = 15_000;
    const id = (i: number) => `${String(i).padStart(5, '0')}-f${i}`;
    const files: Record<string, string> = {};
    // Feature i depends on i - 1, and the first on the last.
    for (let i = 1; i <= n; i++) files[`docs/features/${id(i)}/design.md`] = `# FEAT-${String(i).padStart(5, '0')} Design: F${i}\n\n**Dependencies**: FEAT-${String(i > 1 ? i - 1 : n).padStart(5, '0')}\n`;
    const r = await lintScoped(workspace(files), [`docs/features/${id(1)}/design.md`], [...HEAVY, 'required-section']);
    const cycles = r.diagnostics.filter((d) => d.rule === 'dependency-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message.split(' → ')).toHaveLength(n + 1);
    expect(r.built).toBe(n - 1);
  }, 60_000);
});
