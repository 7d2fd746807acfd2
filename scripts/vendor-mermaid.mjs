// Vendor mermaid (run by scripts/build.mjs after tsc): mermaid's ESM build and the packages it imports
// bundled and minified by rolldown into DIST/vendor/mermaid/ (an entry plus chunks for the lazily loaded diagram
// types), with the cheaper configuration copies of src/lint/heavy/mermaid-patch.ts. Importing the bundle takes
// ~0.1 s where mermaid's ~130 files and their dependencies take ~0.7 s (minified: 3.6 MB instead of 6.4 MB,
// about as fast to import), and every lint that checks a
// diagram pays that import before its first check (once per thread). mermaid-load.ts uses the bundle
// when vendor.json names the installed mermaid version, else mermaid as published.
//
// usage: node scripts/vendor-mermaid.mjs [DIST]
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { writeLicenses } from './licenses.mjs';

const DIST = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const { patchMermaidConfig } = await import(pathToFileURL(join(DIST, 'lint/heavy/mermaid-patch.js')).href);

const pkgFile = createRequire(import.meta.url).resolve('mermaid/package.json');
const { version } = JSON.parse(readFileSync(pkgFile, 'utf8'));
const out = join(DIST, 'vendor', 'mermaid');
rmSync(out, { recursive: true, force: true });

const patched = [];
const { output } = await build({
  input: { mermaid: join(dirname(pkgFile), 'dist', 'mermaid.core.mjs') },
  platform: 'node',
  logLevel: 'warn',
  plugins: [{
    name: 'featspec-mermaid-config',
    transform(code, id) {
      if (!id.includes(join('mermaid', 'dist')) || !code.includes('var getConfig = ')) return null;
      const text = patchMermaidConfig(code);
      if (text === null) return null;
      patched.push(id);
      return text;
    },
  }],
  output: { dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', minify: true },
});
if (patched.length !== 1) {
  console.warn(`featspec build: mermaid ${version} does not define its configuration functions as featspec expects; the bundle keeps mermaid's own (slower diagram checks)`);
}
writeLicenses(output, join(out, 'THIRD-PARTY-LICENSES.txt'));
// Written last: mermaid-load.ts uses the bundle only when this stamp names the installed version.
writeFileSync(join(out, 'vendor.json'), `${JSON.stringify({ mermaid: version, entry: 'mermaid.js', configPatched: patched.length === 1 }, null, 2)}\n`);
