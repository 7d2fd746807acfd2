/**
 * buildFeatures runs each extractor over every document before the next extractor: the features must
 * be exactly those that buildFeature gives feature by feature.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.mjs';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { buildFeature, buildFeatures, buildFeaturesWhileSqlLoads, type FeatureSource } from '../../src/model/feature.js';
import { loadSqlParser } from '../../src/sql/load.js';
import { discoverWorkspace } from '../../src/workspace/load.js';
import { rel } from '../../src/workspace/discover.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

async function sources(root: string): Promise<FeatureSource[]> {
  const ws = await discoverWorkspace(root);
  return ws.found.features.map((f) => ({
    identity: { id: f.id, number: f.number, slug: f.slug },
    parsed: f.files.map((abs) => {
      const path = rel(ws.root, abs);
      return { path, ...parseMarkdown(readFileSync(abs, 'utf8'), path) };
    }),
    extra: f.diagnostics,
  }));
}

/** The examples and a generated corpus of 20 features (seeded). */
function roots(seed: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'featspec-build-'));
  temps.push(dir);
  generateCorpus({ dir, features: 20, seed });
  return [new URL('../../examples/', import.meta.url).pathname, dir];
}

describe('buildFeatures', () => {
  it('gives what buildFeature gives one feature at a time (examples and a generated corpus)', async () => {
    const sql = await loadSqlParser();
    for (const root of roots(5)) {
      const src = await sources(root);
      expect(src.length).toBeGreaterThan(0);
      const together = buildFeatures(src, sql);
      const alone = src.map((s) => buildFeature(s.identity, s.parsed, sql, s.extra));
      expect(together).toEqual(alone);
    }
  }, 60_000);

  it('gives the same features while the SQL parser loads: SQL-free extractors first, tables once it is there', async () => {
    const sql = await loadSqlParser();
    for (const root of roots(9)) {
      const src = await sources(root);
      const order: string[] = [];
      let resolveSql!: (p: typeof sql) => void;
      const loading = new Promise<typeof sql>((r) => (resolveSql = r));
      // The parser arrives only after every other extractor has run (`between` counts them).
      const built = buildFeaturesWhileSqlLoads(src, loading, undefined, async () => {
        order.push('extractor');
        if (order.length === 10) resolveSql(sql);
      });
      const features = await built;
      expect(order).toHaveLength(10);
      expect(features).toEqual(buildFeatures(src, sql));
      expect(features.some((f) => f.tables.length > 0)).toBe(true);
      // Without a parser, SQL tables are skipped just as buildFeatures skips them.
      expect(await buildFeaturesWhileSqlLoads(src, Promise.resolve(null))).toEqual(buildFeatures(src, null));
    }
  }, 60_000);
});
