import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractTasks } from '../../../src/model/extract/tasks.js';
import { docContext, md, SHARED } from '../../helpers.js';

const FRAGMENTS = ['# T', '## Tasks', '## File Plan', '## Files to CREATE', '### TASK-001: X (files 1-9)', '## Dependencies',
  '## Core Components', '### Backend', '## Performance Targets', '## Design Decisions', '### Choice 1: X',
  '- [ ] T001 [P] x `a/b.ts`', '- [x] 1. A', '  - [-] 1.1 B', '- [ ]* 2.1', '- [x] 🟩 **Step 1: S**', '- [ ]', '-', '- [',
  '| # | File | Action |', '|---|---|---|', '| 1 | `a.py` | CREATE |', '| | | |', '|', '```mermaid', '```', '```text', 'a -> b',
  '├── x.ts', '- **Model**: `M` - d', '- **X**:', '1. **N** (`p.py`)', '   - Purpose: p', '- 001-a: r', '**Depends on**: FEAT-001',
  '- API: < 200ms p95', '- [N]: [V]', '**Decision**: d', '- a.ts → b.ts', 'Read: #x, y.md#z', '>', '    code', '***', '[x]: y'];
const markdown = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((l) => l.join('\n'));

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/tasks/${name}`, import.meta.url), 'utf8');
const seed = (prefix: string) => {
  const dir = new URL('seeds/', SHARED);
  return readFileSync(new URL(readdirSync(dir).find((f) => f.startsWith(prefix))!, dir), 'utf8');
};
const corpus = (dir: string, needle: string) => {
  const base = new URL(`corpus/${dir}/`, SHARED);
  const name = readdirSync(base).find((f) => f.includes(needle))!;
  return { path: `${dir}/${name}`, text: readFileSync(new URL(name, base), 'utf8') };
};
const brief = (t: { id: string; done: boolean | null; source: { line: number } }) => [t.id, t.done, t.source.line];

describe('TASK-NNN headings', () => {
  test('seed 001: four TASK-XXX tasks with files from the File Plan and reads', () => {
    const tasks = extractTasks(docContext(seed('001_')));
    expect(tasks.map((t) => [t.id, t.title, t.source.line])).toEqual([
      ['TASK-XXX', 'Models and Schemas', 79],
      ['TASK-XXX', 'Repository', 83],
      ['TASK-XXX', 'Service Layer', 87],
      ['TASK-XXX', 'API Endpoints', 91],
    ]);
    expect(tasks.map((t) => t.files)).toEqual([
      ['src/models/[resource].py', 'src/schemas/[resource].py'],
      ['src/repositories/[resource]_repo.py'],
      ['src/services/[resource]_service.py'],
      ['src/api/v1/routes/[resource].py', 'src/api/v1/router.py'],
    ]);
    expect(tasks.map((t) => t.reads)).toEqual([
      ['CONVENTIONS.md#python-models', 'CONVENTIONS.md#pydantic'],
      ['src/repositories/base.py'],
      [],
      ['src/api/v1/routes/'],
    ]);
    expect(tasks.every((t) => t.done === null)).toBe(true);
  });

  test('checkbox states, Files lists, mentioned paths and Read anchors', () => {
    const tasks = extractTasks(docContext(fixture('task-headings.md'), { path: 'specs/002-x/tasks.md' }));
    expect(tasks).toEqual([
      { id: 'TASK-001', title: 'Create diagram script', done: true,
        files: ['lectures/assets/generate_matrix.py', 'lectures/assets/diagrams/matrix.png'], reads: [],
        source: { path: 'specs/002-x/tasks.md', line: 5 } },
      { id: 'TASK-002', title: 'Add storytelling cell', done: false, files: ['lectures/lecture-01.ipynb'], reads: [],
        source: { path: 'specs/002-x/tasks.md', line: 18 } },
      { id: 'TASK-003', title: 'Review', done: null, files: [], reads: ['CONVENTIONS.md#style', 'CONVENTIONS.md#tone'],
        source: { path: 'specs/002-x/tasks.md', line: 27 } },
    ]);
  });

  test('a reference to a missing File Plan row is reported', () => {
    const ctx = docContext(md(
      '## File Plan', '', '| # | File | Action |', '|---|---|---|', '| 1 | `a.py` | CREATE |', '',
      '### TASK-001: One (files 1-2)', '- do it'));
    const [task] = extractTasks(ctx);
    expect(task!.files).toEqual(['a.py']);
    expect(task!.title).toBe('One');
    expect(ctx.diagnostics.map((d) => [d.rule, d.line])).toEqual([['task-file-ref', 7]]);
  });
});

describe('checkbox task lists', () => {
  test('spec-kit lines: id, markers dropped, paths as files, [X] done', () => {
    const tasks = extractTasks(docContext(md(
      '## Phase 1: Setup',
      '- [X] T001 [P] [US1] Create model in `src/models/x.py` and docs/guide/setup.md',
      '- [ ] T002 [US2] Implement `POST /api/items` in src/api/items.py',
      '- [-] T004 Wire `api_service/__init__.py`')));
    expect(tasks.map((t) => [t.id, t.title, t.done, t.files, t.source.line])).toEqual([
      ['T001', 'Create model in src/models/x.py and docs/guide/setup.md', true, ['src/models/x.py', 'docs/guide/setup.md'], 2],
      ['T002', 'Implement POST /api/items in src/api/items.py', false, ['src/api/items.py'], 3],
      ['T004', 'Wire api_service/__init__.py', false, ['api_service/__init__.py'], 4],
    ]);
  });

  test('Kiro nesting: a parent is done by its own box; sub-tasks are tasks of their own', () => {
    const tasks = extractTasks(docContext(fixture('kiro-tasks.md')));
    expect(tasks.map(brief)).toEqual([
      ['1', true, 3], ['2', true, 10], ['2.1', false, 12], ['2.2', true, 17], ['3', false, 20], ['3.1', false, 21], ['3.2', true, 22],
    ]);
    expect(tasks[2]!.title).toBe('Create domain entities');
    expect(tasks[2]!.files).toEqual(['src/domain/user.ts', 'src/domain/order.ts']);
    expect(tasks[0]!.files).toEqual([]);
    expect(tasks[5]!.title).toBe('Write property tests for the cart');
    expect(tasks[6]!.title).toBe('Checkpoint - Ensure all tests pass');
  });

  test('JFB steps: status emoji dropped, id-less sub-items are the step checklist', () => {
    const tasks = extractTasks(docContext(md(
      '## Tasks:', '',
      '- [x] 🟩 **Step 1: Establish DB Toolchain**',
      '  - [x] 🟩 Add dependencies.',
      '  - [x] 🟩 Initialize `migrations/` structure.',
      '- [x] 🟨 **Step 2: Create Schema**',
      '  - [ ] 🟥 Create `docs` table.')));
    expect(tasks.map((t) => [t.id, t.title, t.done, t.files, t.source.line])).toEqual([
      ['Step 1', 'Establish DB Toolchain', true, ['migrations/'], 3],
      ['Step 2', 'Create Schema', false, [], 6],
    ]);
  });

  test('id-less checkboxes get #n under a tasks heading only', () => {
    const tasks = extractTasks(docContext(md(
      '## Progress Tracking', '- [x] Phase 0: Research complete', '',
      '## Implementation Tasks', '- [x] Install Resend', '- [ ] T001 Configure key', '- [ ] **Verify domain** ← PENDING', '',
      '## Review Checklist', '- [ ] No implementation details')));
    expect(tasks.map((t) => [t.id, t.title, t.done, t.source.line])).toEqual([
      ['#1', 'Install Resend', true, 5],
      ['T001', 'Configure key', false, 6],
      ['#2', 'Verify domain ← PENDING', false, 7],
    ]);
  });
});

describe('corpus', () => {
  test('done states: [X], [x], [-] and [ ]', () => {
    const kiro = corpus('B', 'AutismCenter');
    const tasks = extractTasks(docContext(kiro.text, { path: kiro.path }));
    expect(tasks.length).toBe(74);
    const byId = new Map(tasks.map((t) => [t.id, t]));
    expect(brief(byId.get('2')!)).toEqual(['2', true, 14]);
    expect(brief(byId.get('2.1')!)).toEqual(['2.1', false, 16]);
    expect(brief(byId.get('16')!)).toEqual(['16', false, 396]);
    expect(brief(byId.get('21.1')!)).toEqual(['21.1', false, 522]);
    expect(byId.get('11')!.done).toBe(false);
    expect(tasks.filter((t) => t.done === false).length).toBe(7);

    const moon = corpus('A', 'MoonMind__specs__025-task-presets__tasks');
    const mt = extractTasks(docContext(moon.text, { path: moon.path }));
    expect(mt.length).toBe(37);
    expect(mt.every((t) => t.done === true)).toBe(true);
    expect(mt.map((t) => t.id)).not.toContain('T035');
    expect(mt.find((t) => t.id === 'T003')!.files).toEqual(['api_service/data/task_step_templates/', 'docs/TaskPresetsSystem.md']);

    const applied = corpus('C', 'applied_sw_dev');
    const at = extractTasks(docContext(applied.text, { path: applied.path }));
    expect(at.map((t) => t.id)).toEqual(Array.from({ length: 14 }, (_, i) => `TASK-${String(i + 1).padStart(3, '0')}`));
    expect(at.every((t) => t.done === true)).toBe(true);
    expect(at[0]!.files).toEqual(['lectures/01-python-intro/assets/generate_typing_matrix.py', 'lectures/01-python-intro/assets/diagrams/typing-matrix.png']);
    expect(at[2]!.files).toEqual(['lectures/01-python-intro/lecture-01.ipynb']);

    const jfb = corpus('D', 'JFB');
    expect(extractTasks(docContext(jfb.text, { path: jfb.path })).map(brief)).toEqual([
      ['Step 1', true, 17], ['Step 2', true, 22], ['Step 3', true, 28], ['Step 4', true, 33], ['Step 5', true, 38], ['Step 6', true, 43],
    ]);

    const dash = corpus('B', 'dashtact__.kiro__specs__customer-account-management__tasks');
    const dt = extractTasks(docContext(dash.text, { path: dash.path }));
    expect(dt.length).toBe(32);
    expect(dt.find((t) => t.id === '1.6')!.done).toBe(false);
    expect(dt.find((t) => t.id === '1.1')!.files).toContain('backend/src/customer-account/customer-account.module.ts');
  });

  test('plans with gate checkboxes give no tasks; no exception on any file', () => {
    const plan = corpus('A', 'AI-Knowledge__specs__001-react-native-migration__plan');
    expect(extractTasks(docContext(plan.text, { path: plan.path }))).toEqual([]);
    for (const dir of ['A', 'B', 'C', 'D', 'E']) {
      for (const f of readdirSync(new URL(`corpus/${dir}/`, SHARED))) {
        const ctx = docContext(readFileSync(new URL(`corpus/${dir}/${f}`, SHARED), 'utf8'), { path: `${dir}/${f}` });
        expect(() => extractTasks(ctx)).not.toThrow();
      }
    }
  });
});

test('never throws on arbitrary Markdown', () => {
  fc.assert(fc.property(markdown, (text) => {
    const ctx = docContext(text);
    expect(Array.isArray(extractTasks(ctx))).toBe(true);
  }), { numRuns: 300 });
});
