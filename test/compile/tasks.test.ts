/** Task rows and the next task: status per checkbox, readiness by the direct dependencies' tasks. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blockers, nextTask, taskRows, taskStatus } from '../../src/compile/tasks.js';
import type { Feature, Task, Workspace } from '../../src/model/schema.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { PROGRESS_FILES } from '../cli/progress-workspace.js';
import { tempWorkspace } from '../helpers.js';

const at = (feature: string, line: number) => ({ path: `docs/features/${feature}/design.md`, line });

describe('the progress workspace', () => {
  const ws = tempWorkspace(PROGRESS_FILES);
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = (await loadWorkspace(ws.root)).workspace;
  });
  afterAll(() => ws.cleanup());

  test('every task with its feature, status, files and line', () => {
    expect(taskRows(workspace.features)).toEqual([
      { feature: '001-accounts', id: 'TASK-001', title: 'Schema', status: 'done', files: [], source: at('001-accounts', 8) },
      { feature: '001-accounts', id: 'TASK-002', title: 'Routes', status: 'open', files: [], source: at('001-accounts', 11) },
      { feature: '002-boards', id: 'T001', title: 'Make boards', status: 'open', files: [], source: at('002-boards', 8) },
      { feature: '002-boards', id: 'T002', title: 'Done thing', status: 'done', files: [], source: at('002-boards', 9) },
      { feature: '003-cards', id: 'T001', title: 'Card table in src/db/cards.sql', status: 'open', files: ['src/db/cards.sql'], source: at('003-cards', 7) },
      { feature: '003-cards', id: 'TASK-003', title: 'Card routes', status: 'none', files: [], source: at('003-cards', 9) },
      { feature: '004-tags', id: 'T001', title: 'Tag table', status: 'done', files: [], source: at('004-tags', 6) },
    ]);
  });

  test('next: the first open task whose feature\'s dependencies are done (001 and 002 wait for each other)', () => {
    const r = nextTask(workspace);
    expect(r.next).toMatchObject({ feature: '003-cards', id: 'T001' });
    expect(r.waiting.map((w) => [w.task.feature, w.task.id, w.blockers])).toEqual([
      ['001-accounts', 'TASK-002', [{ feature: '002-boards', notDone: 1 }]],
      ['002-boards', 'T001', [{ feature: '001-accounts', notDone: 1 }]],
    ]);
  });

  test('next within one feature; none ready', () => {
    const f = workspace.features.find((x) => x.id === '001-accounts')!;
    expect(nextTask(workspace, [f]).next).toBeNull();
    expect(blockers(workspace, f)).toEqual([{ feature: '002-boards', notDone: 1 }]);
  });
});

function feature(id: string, deps: string[], tasks: (boolean | null)[]): Feature {
  const [num, ...slug] = id.split('-');
  return {
    id, number: Number(num), slug: slug.join('-'), title: id, docs: [], summary: null, lastUpdated: null, entities: [], endpoints: [], tables: [], filePlan: [],
    tasks: tasks.map((done, i): Task => ({ id: `T${i + 1}`, title: `task ${i + 1}`, done, files: [], reads: [], source: at(id, 10 + i) })),
    dependencies: deps.map((d) => ({ feature: d, reason: null, source: at(id, 3) })), config: [], components: [], diagrams: [], targets: [], decisions: [], diagnostics: [],
  };
}
const workspace = (...features: Feature[]): Workspace => ({ version: 1, root: '/w', features, diagnostics: [] });

describe('readiness', () => {
  test('status of a task: done, open, none', () => {
    expect([true, false, null].map((done) => taskStatus({ done }))).toEqual(['done', 'open', 'none']);
  });

  test('a dependency without tasks counts as done; an untracked task of a dependency blocks; a missing dependency does not', () => {
    const ws = workspace(
      feature('001-a', [], []),
      feature('002-b', ['001-a', '404-gone'], [true, false, false]),
      feature('003-c', ['002-b'], [false]),
      feature('004-d', ['005-e'], [false]),
      feature('005-e', [], [true, null]),
    );
    expect(nextTask(ws).next).toMatchObject({ feature: '002-b', id: 'T2', status: 'open' });
    expect(nextTask(ws, [ws.features[2]!, ws.features[3]!])).toMatchObject({
      next: null,
      waiting: [
        { task: { feature: '003-c', id: 'T1' }, blockers: [{ feature: '002-b', notDone: 2 }] },
        { task: { feature: '004-d', id: 'T1' }, blockers: [{ feature: '005-e', notDone: 1 }] },
      ],
    });
  });

  test('feature order is by id, whatever the workspace order; a task of the same feature never blocks', () => {
    const ws = workspace(feature('010-z', [], [false]), feature('002-b', ['002-b'], [true, false]));
    expect(nextTask(ws).next).toMatchObject({ feature: '002-b', id: 'T2' });
  });
});
