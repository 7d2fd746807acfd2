#!/usr/bin/env node
/**
 * Deterministic corpus of feature documents for benchmarks:
 *   DIR/docs/features/NNNN-slug/<style>.md, N features spread evenly over the five styles.
 * Same seed and N give byte-identical files (seeded mulberry32; no clock, no Math.random).
 *
 *   node bench/generate.mjs --out DIR --features N --seed S
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { STYLES } from './corpus/feature.mjs';
import { renderFeature } from './corpus/render.mjs';

export { renderFeature, STYLES };

/**
 * Write the corpus under `dir` (its docs/features folder is replaced).
 * @param {{ dir: string, features: number, seed: string | number }} options
 * @returns {{ docs: number, bytes: number, byStyle: Record<string, number> }}
 */
export function generateCorpus({ dir, features, seed }) {
  if (!Number.isInteger(features) || features < 1) throw new RangeError(`features must be a positive integer, got ${features}`);
  const root = join(dir, 'docs', 'features');
  rmSync(root, { recursive: true, force: true });
  const byStyle = Object.fromEntries(STYLES.map((s) => [s, 0]));
  let bytes = 0;
  for (let n = 1; n <= features; n++) {
    const doc = renderFeature(seed, n, features);
    const file = join(dir, doc.path);
    mkdirSync(dirname(file), { recursive: true });
    const data = Buffer.from(doc.text, 'utf8');
    writeFileSync(file, data);
    bytes += data.length;
    byStyle[doc.style] += 1;
  }
  return { docs: features, bytes, byStyle };
}

function cli() {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, features: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' } },
  });
  if (!values.out) {
    process.stderr.write('usage: node bench/generate.mjs --out DIR [--features N] [--seed S]\n');
    process.exit(2);
  }
  const stats = generateCorpus({ dir: resolve(values.out), features: Number(values.features), seed: values.seed });
  process.stdout.write(`${stats.docs} documents, ${(stats.bytes / 1e6).toFixed(1)} MB in ${join(values.out, 'docs', 'features')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) cli();
