/** Keep bench/.corpus in step with the requested parameters: regenerate when missing or stale. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../generate.mjs';

const BENCH = fileURLToPath(new URL('..', import.meta.url));
const STAMP = '.params.json';

/** Hash of the generator's source: a change to any writer regenerates the corpus. */
function generatorHash() {
  const h = createHash('sha256');
  const files = ['generate.mjs', ...readdirSync(join(BENCH, 'corpus'), { recursive: true }).map((f) => join('corpus', String(f)))]
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  for (const f of files) h.update(f).update(readFileSync(join(BENCH, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * @param {{ dir: string, features: number, seed: string }} o
 * @returns {{ dir: string, features: number, seed: string, docs: number, bytes: number, byStyle: Record<string, number>, reused: boolean }}
 */
export function ensureCorpus({ dir, features, seed }) {
  const params = { features, seed: String(seed), generator: generatorHash() };
  const stampFile = join(dir, STAMP);
  if (existsSync(stampFile) && existsSync(join(dir, 'docs', 'features'))) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.features === params.features && stamp.seed === params.seed && stamp.generator === params.generator) {
      return { dir, features, seed: params.seed, ...stamp.stats, reused: true };
    }
  }
  const stats = generateCorpus({ dir, features, seed: params.seed });
  writeFileSync(stampFile, `${JSON.stringify({ ...params, stats }, null, 2)}\n`);
  return { dir, features, seed: params.seed, ...stats, reused: false };
}
