// The licenses of the npm packages a rolldown bundle holds, written next to the bundle
// (THIRD-PARTY-LICENSES.txt): bundled code no longer sits in node_modules with its own license file.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** The package folder (holding package.json) a module file of node_modules belongs to, or null. */
function packageDir(file) {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return null;
  for (let dir = dirname(file); dir.length > at; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name && pkg.version) return dir;
    }
  }
  return null;
}

/** Write `file` listing every package of the bundle's chunks (rolldown `build()` output), with its license text. */
export function writeLicenses(output, file) {
  const dirs = new Set();
  for (const chunk of output) for (const id of chunk.moduleIds ?? []) {
    const dir = packageDir(id.replace(/^\0/, ''));
    if (dir) dirs.add(dir);
  }
  const entries = [...dirs].map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f));
    const text = licenseFile ? readFileSync(join(dir, licenseFile), 'utf8').trim() : `License: ${pkg.license ?? 'not stated'}`;
    return { name: pkg.name, version: pkg.version, license: pkg.license ?? '', text };
  }).filter((e, i, all) => all.findIndex((o) => o.name === e.name && o.version === e.version) === i)
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const body = entries.map((e) => `${e.name} ${e.version}${e.license ? ` (${e.license})` : ''}\n\n${e.text}\n`).join(`\n${'-'.repeat(72)}\n\n`);
  writeFileSync(`${file}.tmp`, `Third-party software bundled in this folder:\n\n${body}`);
  renameSync(`${file}.tmp`, file);
  return entries.length;
}
