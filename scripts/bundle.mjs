// Bundle the CLI (run by scripts/build.mjs after tsc): one ESM entry plus lazily loaded chunks in
// dist/bundle/, so that `featspec` starts without resolving and reading hundreds of module files
// (a one-document lint went from ~0.7 s to ~0.4 s). Pure-JS libraries needed on every run (zod,
// markdown-it, commander) are bundled; packages that load WASM, data files or worker scripts by path,
// or that only `serve` uses, stay external and load from node_modules as usual. The library entry
// (dist/index.js) and its types are the unbundled tsc output.
//
// usage: node scripts/bundle.mjs [DIST]   (DIST: the tsc output folder, default dist/)
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { writeLicenses } from './licenses.mjs';

const DIST = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const dist = (p) => join(DIST, p);

const EXTERNAL = [
  /^node:/,
  'libpg-query', 'mermaid', 'yaml', '@electric-sql/pglite', 'pg',
  'fastify', /^@fastify\//, 'pino', 'prom-client', 'jose',
].map((e) => (typeof e === 'string' ? new RegExp(`^${e.replace(/[/.]/g, '\\$&')}(?:/|$)`) : e));

rmSync(dist('bundle'), { recursive: true, force: true });
const { output } = await build({
  input: {
    // The bundle sits two folders below the package root, like every tsc output file: paths such as
    // `new URL('../../templates/', import.meta.url)` resolve the same from both.
    featspec: dist('cli/main.js'),
    // Worker threads are started by path, from the chunk that holds their caller (the same folder).
    'mermaid-worker': dist('lint/heavy/mermaid-worker.js'),
    // Likewise the thread entry of a parallel lint.
    'lint-worker': dist('lint/shard/lint-worker.js'),
  },
  platform: 'node',
  external: EXTERNAL,
  logLevel: 'warn',
  output: {
    dir: dist('bundle'),
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  },
});
writeLicenses(output, dist('bundle/THIRD-PARTY-LICENSES.txt'));
