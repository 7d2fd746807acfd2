// Vendor mermaid with a faster getConfig (run by scripts/build.mjs after tsc; see
// src/lint/heavy/mermaid-patch.ts for why and what). The ESM entry and its chunks are hard-linked
// (copied where links cannot be made) into DIST/vendor/mermaid/ with the same layout, so their relative
// imports stay inside the copy and their package imports (d3, dompurify, ...) resolve from the
// project's node_modules; the one file holding getConfig is written patched. When the installed
// mermaid has no such file, nothing is vendored and featspec loads mermaid as published.
//
// usage: node scripts/vendor-mermaid.mjs [DIST]
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIST = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const { patchGetConfig } = await import(pathToFileURL(join(DIST, 'lint/heavy/mermaid-patch.js')).href);

const pkgFile = createRequire(import.meta.url).resolve('mermaid/package.json');
const { version } = JSON.parse(readFileSync(pkgFile, 'utf8'));
const from = join(dirname(pkgFile), 'dist');
const to = join(DIST, 'vendor', 'mermaid');
rmSync(to, { recursive: true, force: true });

const files = ['mermaid.core.mjs', ...readdirSync(join(from, 'chunks', 'mermaid.core')).filter((f) => f.endsWith('.mjs')).map((f) => `chunks/mermaid.core/${f}`)];
let patched = null;
const texts = new Map();
for (const f of files) {
  const text = readFileSync(join(from, f), 'utf8');
  const p = text.includes('var getConfig = ') ? patchGetConfig(text) : null;
  if (p !== null) {
    if (patched !== null) {
      patched = null;
      break;
    }
    patched = f;
    texts.set(f, p);
  }
}
if (patched === null) {
  console.warn(`featspec build: mermaid ${version} does not define getConfig as featspec expects; mermaid is used unpatched (slower diagram checks)`);
  process.exit(0);
}
mkdirSync(join(to, 'chunks', 'mermaid.core'), { recursive: true });
for (const f of files) {
  const dest = join(to, f);
  if (texts.has(f)) {
    writeFileSync(`${dest}.tmp`, texts.get(f));
    renameSync(`${dest}.tmp`, dest);
    continue;
  }
  try {
    linkSync(join(from, f), dest);
  } catch {
    copyFileSync(join(from, f), dest);
  }
}
// Written last: mermaid-load.ts uses the copy only when this stamp names the installed version.
writeFileSync(join(to, 'vendor.json'), `${JSON.stringify({ mermaid: version, patched }, null, 2)}\n`);
