/** Golden files for openapi.json, each checked by @readme/openapi-parser and Spectral's oas ruleset. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/compile/model.js';
import { compileOpenApi } from '../../src/compile/openapi.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runCli, SHARED, tempWorkspace } from '../helpers.js';
import { parserErrors, spectral } from './openapi-check.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/compile/${name}/input/`, import.meta.url));

const CASES: [string, string][] = [
  ['examples', EXAMPLES],
  ['design', fixture('design')],
  ['plan', fixture('plan')],
  ['technical-design', fixture('technical-design')],
  ['feature-guide', fixture('feature-guide')],
  ['implementation', fixture('implementation')],
  ['openapi-edge', fixture('openapi-edge')],
];

/** Rules of the `all` set that a generated document cannot satisfy without inventing facts (see openapi.ts). */
const EXPECTED_ALL = ['contact-properties', 'info-license', 'license-url'];

async function compile(root: string) {
  const { workspace } = await loadWorkspace(root);
  return compileOpenApi(compileModel(workspace));
}

describe.each(CASES)('openapi.json: %s', (name, root) => {
  test('matches the golden file and is byte-identical on re-run', async () => {
    const first = await compile(root);
    await expect(first.text).toMatchFileSnapshot(`../fixtures/compile/${name}/openapi.json`);
    expect((await compile(root)).text).toBe(first.text);
  });

  test('is valid for @readme/openapi-parser', async () => {
    expect(await parserErrors((await compile(root)).text)).toEqual([]);
  });

  test('is lint-clean under Spectral oas (recommended: no findings; all: only license and contact details)', async () => {
    const { text } = await compile(root);
    expect(await spectral(text, 'recommended')).toEqual([]);
    const all = await spectral(text, 'all');
    expect(all.filter((f) => f.severity === 'error')).toEqual([]);
    expect(all.map((f) => f.code).sort()).toEqual(EXPECTED_ALL);
  });
});

describe('the corpus (38 real documents) as one workspace', () => {
  test('compiles to a valid document: no Spectral errors, only unused resource schemas as warnings', async () => {
    const corpus = new URL('corpus/', SHARED);
    const files: Record<string, string> = {};
    let n = 100;
    for (const group of ['A', 'B', 'C', 'D', 'E']) {
      for (const f of readdirSync(new URL(`${group}/`, corpus)).filter((x) => x.endsWith('.md')).sort()) {
        files[`docs/features/${n++}-${f.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}/doc.md`] = readFileSync(new URL(`${group}/${f}`, corpus), 'utf8');
      }
    }
    const ws = tempWorkspace(files);
    try {
      const { text } = await compile(ws.root);
      expect(Object.keys((JSON.parse(text) as { paths: object }).paths).length).toBeGreaterThan(50);
      expect(await parserErrors(text)).toEqual([]);
      const findings = await spectral(text);
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect([...new Set(findings.map((f) => f.code))]).toEqual(['oas3-unused-component']);
    } finally {
      ws.cleanup();
    }
  });
});

describe('the third-party checks can fail', () => {
  test('an example that breaks its schema and an undeclared path parameter are errors', async () => {
    const doc = JSON.parse((await compile(EXAMPLES)).text) as { paths: Record<string, Record<string, { parameters?: unknown[]; responses: Record<string, { content: Record<string, { examples: { design: { value: Record<string, unknown> } } }> }> }>> };
    doc.paths['/api/v1/bookmarks']!.post!.responses['201']!.content['application/json']!.examples.design.value.id = 'nope';
    doc.paths['/api/v1/bookmarks/{id}']!.get!.parameters = [];
    const text = JSON.stringify(doc);
    const errors = (await spectral(text)).filter((f) => f.severity === 'error').map((f) => f.code);
    expect(errors).toEqual(['oas3-valid-media-example', 'path-params']);
    expect((await parserErrors(text)).length).toBeGreaterThan(0);
  });
});

describe('openapi.json diagnostics', () => {
  test('examples: none', async () => {
    expect((await compile(EXAMPLES)).diagnostics).toEqual([]);
  });

  test('design: an example that does not match its schema is left out, with a warning at its line', async () => {
    expect((await compile(fixture('design'))).diagnostics).toEqual([
      {
        rule: 'compile-example', severity: 'warning', path: 'docs/features/010-widgets/design.md', line: 72, column: 1,
        message: 'GET /api/v1/widgets/{id} response 200: the example does not match its schema (/: missing required property owner_id); it is left out of openapi.json',
      },
    ]);
  });

  test('plan: a lookup by slug is not CRUD on the resource, so its own example shape is kept', async () => {
    const { diagnostics, text } = await compile(fixture('plan'));
    expect(diagnostics).toEqual([]);
    const op = JSON.parse(text).paths['/api/v1/public/boards/{slug}'].get;
    expect(op.operationId).toBe('getPublicBoardsBySlug');
    expect(op.responses['200'].content['application/json'].examples).toBeDefined();
  });

  test.each(['technical-design', 'feature-guide', 'implementation'])('%s: none', async (name) => {
    expect((await compile(fixture(name))).diagnostics).toEqual([]);
  });

  test('a feature made by featspec new and not filled in: its placeholder paths are reported and skipped', async () => {
    const w = tempWorkspace({ 'docs/features/.keep': '' });
    try {
      expect((await runCli(['new', 'Tags', '--root', w.root], { cwd: w.root })).code).toBe(0);
      const { diagnostics, text } = await compile(w.root);
      const skipped = diagnostics.filter((d) => d.rule === 'compile-placeholder');
      expect(skipped.length).toBeGreaterThan(0);
      expect(skipped[0]!.message).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/\S*\[\S*\] is not compiled: its path holds a template placeholder$/);
      expect(text).not.toMatch(/\[[A-Za-z]/);
    } finally {
      w.cleanup();
    }
  });

  test('openapi-edge: a second definition of a method and path is reported and skipped', async () => {
    expect((await compile(fixture('openapi-edge'))).diagnostics).toEqual([
      {
        rule: 'compile-duplicate', severity: 'warning', path: 'docs/features/061-reports/design.md', line: 17, column: 1,
        message: 'GET /api/v1/items/{id} is also defined at docs/features/060-items/design.md:17; the first one is compiled',
      },
    ]);
  });
});
