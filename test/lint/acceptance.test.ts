/**
 * The lint's acceptance bar: the bundled examples lint clean, each seed template gives no-placeholder
 * errors, and the errors on the shared corpus of real documents are the reviewed ones in
 * test/fixtures/lint/corpus-errors.txt (a change there is a change in what authors are told is wrong:
 * review each line before accepting it with `vitest -u`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusWorkspaces, hasCorpus, seedFiles } from '../corpus.js';
import { lintRoot, lintText } from './lint-helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'featspec-acceptance-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('lint acceptance', () => {
  it('the examples lint clean: no error and no warning', async () => {
    expect(await lintRoot(EXAMPLES)).toEqual([]);
  }, 60_000);

  it.each(seedFiles().map((s) => [s.style, s] as const))('the %s seed template gives no-placeholder errors', async (style, seed) => {
    const diags = await lintText(seed.text, { path: `docs/features/001-seed/${style}.md` });
    expect(diags.filter((d) => d.rule === 'no-placeholder' && d.severity === 'error').length).toBeGreaterThan(0);
  }, 60_000);

  it.runIf(hasCorpus)('the shared corpus gives the reviewed errors, no others', async () => {
    const lines: string[] = [];
    for (const root of corpusWorkspaces(temp)) {
      for (const d of await lintRoot(root)) {
        if (d.severity === 'error') lines.push(`${basename(root)} ${d.path}:${d.line} ${d.rule}: ${d.message}`);
      }
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('../fixtures/lint/corpus-errors.txt');
  }, 120_000);
});
