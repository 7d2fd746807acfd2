/**
 * The golden-file cases of the compile stage: the examples workspace and every fixture workspace under
 * test/fixtures/compile/<case>/input/; and the corpus (38 real documents) as one workspace.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileModel } from '../../src/compile/model.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { SHARED } from '../helpers.js';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const FIXTURES = new URL('../fixtures/compile/', import.meta.url);
export const fixture = (name: string) => fileURLToPath(new URL(`${name}/input/`, FIXTURES));

export const CASES: [string, string][] = [
  ['examples', EXAMPLES],
  ...readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(fixture(d.name)))
    .map((d) => d.name)
    .sort()
    .map((name): [string, string] => [name, fixture(name)]),
];

export async function caseModel(root: string) {
  const { workspace } = await loadWorkspace(root);
  return compileModel(workspace);
}

/** The corpus documents as one workspace: one feature folder per document (files for tempWorkspace). */
export function corpusFiles(): Record<string, string> {
  const corpus = new URL('corpus/', SHARED);
  const files: Record<string, string> = {};
  let n = 100;
  for (const group of ['A', 'B', 'C', 'D', 'E']) {
    for (const f of readdirSync(new URL(`${group}/`, corpus)).filter((x) => x.endsWith('.md')).sort()) {
      const slug = f.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
      files[`docs/features/${n++}-${slug}/doc.md`] = readFileSync(new URL(`${group}/${f}`, corpus), 'utf8');
    }
  }
  return files;
}
