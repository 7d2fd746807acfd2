/**
 * `show <feature>` and `tasks <feature>` build that feature alone: what they print is what they printed
 * from the whole workspace (the feature's part of `show --json`, of `tasks --json`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.mjs';
import { runShow } from '../../src/cli/show.js';
import { paint } from '../../src/cli/color.js';
import { problemNotes } from '../../src/cli/result.js';
import { nextOf, runTasks } from '../../src/cli/tasks.js';
import type { Feature, Workspace } from '../../src/model/schema.js';
import { corpusWorkspaces, hasCorpus } from '../corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'featspec-one-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Features whose next task waits for a dependency (so that the tests see dependencies resolved). */
let waiting = 0;

async function expectSameAsWhole(root: string): Promise<number> {
  const opts = { root, color: false };
  const whole = (await runShow(opts, undefined)).json as Workspace;
  const allTasks = ((await runTasks(opts)).json as { tasks: { feature: string }[] }).tasks;
  for (const f of whole.features) {
    for (const ref of [f.id]) {
      const one = await runShow(opts, ref);
      expect(one.json as Feature, `show ${ref} in ${root}`).toEqual(f);
      const tasks = (await runTasks(opts, { feature: ref })).json as { tasks: { feature: string }[] };
      expect(tasks.tasks, `tasks ${ref} in ${root}`).toEqual(allTasks.filter((t) => t.feature === f.id));
      // --next from the whole workspace, as the command ran before.
      const fromWhole = nextOf(whole, [f], paint(false), problemNotes(whole.diagnostics));
      expect(await runTasks(opts, { feature: ref, next: true }), `tasks ${ref} --next in ${root}`).toEqual(fromWhole);
      if ((fromWhole.notes ?? []).some((n) => n.includes('waits for'))) waiting++;
    }
  }
  return whole.features.length;
}

describe('show <feature> and tasks <feature>', () => {
  it('print what the whole workspace gives for that feature, on a generated corpus and the examples', async () => {
    generateCorpus({ dir, features: 15, seed: 23 });
    expect(await expectSameAsWhole(dir)).toBe(15);
    expect(await expectSameAsWhole(new URL('../../examples/', import.meta.url).pathname)).toBeGreaterThan(1);
    expect(waiting).toBeGreaterThan(0);
  }, 60_000);

  it.runIf(hasCorpus)('on the shared corpus', async () => {
    for (const root of corpusWorkspaces(join(dir, 'corpus'))) await expectSameAsWhole(root);
  }, 60_000);
});
