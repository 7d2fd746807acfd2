/** `featspec tasks`: the run function (wired into the program separately). */
import { afterAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../src/cli/result.js';
import { runTasks } from '../../src/cli/tasks.js';
import { tempWorkspace } from '../helpers.js';
import { PROGRESS_FILES } from './progress-workspace.js';

const ws = tempWorkspace(PROGRESS_FILES);
afterAll(() => ws.cleanup());
const opts = { root: ws.root, color: false };

describe('featspec tasks', () => {
  test('every task, grouped by feature, with its status and files', async () => {
    const r = await runTasks(opts);
    expect(r.exitCode).toBe(0);
    expect(r.text).toBe([
      '001-accounts  Accounts  1/2 done',
      '  [x] TASK-001  Schema',
      '  [ ] TASK-002  Routes',
      '002-boards  Boards | "quoted" #1  1/2 done',
      '  [ ] T001  Make boards',
      '  [x] T002  Done thing',
      '003-cards  Cards  0/2 done',
      '  [ ] T001  Card table in src/db/cards.sql  (src/db/cards.sql)',
      '   -  TASK-003  Card routes',
      '004-tags  Tags  1/1 done',
      '  [x] T001  Tag table',
    ].join('\n'));
    expect(r.notes).toEqual([]);
    const json = r.json as { tasks: { feature: string; id: string; status: string }[] };
    expect(json.tasks.map((t) => `${t.feature} ${t.id} ${t.status}`)).toEqual([
      '001-accounts TASK-001 done', '001-accounts TASK-002 open', '002-boards T001 open', '002-boards T002 done', '003-cards T001 open', '003-cards TASK-003 none', '004-tags T001 done',
    ]);
  });

  test('one feature, by number', async () => {
    const r = await runTasks(opts, { feature: '4' });
    expect(r.text).toBe('004-tags  Tags  1/1 done\n  [x] T001  Tag table');
    expect(r.json).toEqual({ tasks: [{ feature: '004-tags', id: 'T001', title: 'Tag table', status: 'done', files: [], source: { path: 'docs/features/004-tags/design.md', line: 6 } }] });
  });

  test('--next: the first open task whose feature\'s dependencies are done', async () => {
    const r = await runTasks(opts, { next: true });
    expect(r.exitCode).toBe(0);
    expect(r.text).toBe('003-cards  [ ] T001  Card table in src/db/cards.sql  (src/db/cards.sql)');
    expect(r.json).toEqual({
      next: { feature: '003-cards', id: 'T001', title: 'Card table in src/db/cards.sql', status: 'open', files: ['src/db/cards.sql'], source: { path: 'docs/features/003-cards/design.md', line: 7 } },
    });
    expect(r.notes).toEqual([]);
  });

  test('--next with nothing ready: exit 0, nothing on stdout, { next: null }, the reason on stderr', async () => {
    const r = await runTasks(opts, { feature: '001-accounts', next: true });
    expect(r).toEqual({
      exitCode: 0,
      text: '',
      json: { next: null },
      notes: ["no open task is ready: every one waits for its feature's dependencies", '  001-accounts TASK-002 waits for 002-boards (1 task not done)'],
    });
    expect((await runTasks(opts, { feature: 'tags', next: true })).notes).toEqual(['no open task']);
  });

  test('a feature without tasks, and an unknown feature', async () => {
    const extra = tempWorkspace({ 'docs/features/001-empty/design.md': '# FEAT-001 Design: Empty\n' });
    try {
      const r = await runTasks({ root: extra.root, color: false }, { feature: '001' });
      expect([r.text, r.json, r.notes]).toEqual(['', { tasks: [] }, ['001-empty has no tasks']]);
      expect((await runTasks({ root: extra.root, color: false })).notes).toEqual(['no tasks found']);
    } finally {
      extra.cleanup();
    }
    await expect(runTasks(opts, { feature: '042' })).rejects.toThrow(UsageError);
  });

  test('colors on a terminal', async () => {
    const r = await runTasks({ ...opts, color: true }, { feature: '004' });
    expect(r.text).toBe('\u001b[1m004-tags\u001b[22m  Tags  \u001b[2m1/1 done\u001b[22m\n  \u001b[32m[x]\u001b[39m T001  Tag table');
  });
});
