/** The scaling suite's documents have the shape they claim (checked on small sizes; no timing here). */
import { describe, expect, it } from 'vitest';
import { LARGE_DOC_PATH, LARGE_DOCS } from '../../bench/lib/large-docs.mjs';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { buildFeature } from '../../src/model/feature.js';
import { loadSqlParser } from '../../src/sql/load.js';

async function model(text: string) {
  const sql = await loadSqlParser();
  return buildFeature({ id: '001-big', number: 1, slug: 'big' }, [{ path: LARGE_DOC_PATH, ...parseMarkdown(text, LARGE_DOC_PATH) }], sql);
}

describe('large documents of the scaling suite', () => {
  it('hold n items of their kind', async () => {
    const n = 12;
    const m = async (name: keyof typeof LARGE_DOCS) => model(LARGE_DOCS[name].make(n));
    expect((await m('endpoints')).endpoints).toHaveLength(n);
    expect((await m('fields')).entities[0]!.fields).toHaveLength(n);
    expect((await m('tasks')).tasks).toHaveLength(n);
    expect((await m('sql')).tables).toHaveLength(n);
    expect((await m('mentions')).endpoints.length).toBeGreaterThanOrEqual(3);
    expect((await m('lists')).endpoints).toHaveLength(n);
    const sections = parseMarkdown(LARGE_DOCS.sections.make(n), LARGE_DOC_PATH).doc.root.children[0]!.children;
    expect(sections).toHaveLength(n);
    const json = (await m('json')).endpoints[0]!.requestExample;
    expect(json).not.toBeNull();
    expect((await m('longpath')).endpoints.map((e) => e.path.split('/').length)).toEqual([n + 2, n + 2]);
    for (const chain of ['linkchain', 'imagechain'] as const) expect(LARGE_DOCS[chain].make(n).split('\n').filter((l) => l.length >= 4 * n)).toHaveLength(4);
    expect(LARGE_DOCS.wordchain.make(n).split('\n').filter((l) => l.length >= 6 * n && l.includes('://'))).toHaveLength(4);
    expect(Object.keys(LARGE_DOCS).sort()).toEqual(['endpoints', 'fields', 'imagechain', 'json', 'linkchain', 'lists', 'longpath', 'mentions', 'sections', 'sql', 'tasks', 'wordchain']);
  });
});
