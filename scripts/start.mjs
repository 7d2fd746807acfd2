// `npm start`: the main job on the bundled examples/ workspace: list the features, lint them.
// Build and serve join as they land.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = `${repo}bin/featspec.js`;
if (!existsSync(`${repo}dist/cli/main.js`)) {
  console.error('featspec is not built yet: run `npm ci` (or `npm run build`) first.');
  process.exit(2);
}
const root = process.argv[2] ?? `${repo}examples`;
const steps = [
  ['list', '--root', root],
  ['lint', '--root', root],
];
for (const args of steps) {
  console.error(`\n$ featspec ${args.join(' ').replace(repo, '')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
