// `npm start`: the main job on the bundled examples/ workspace: list the features, lint them,
// build the artifacts, then serve the API they describe on embedded Postgres (Ctrl-C stops it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = `${repo}bin/featspec.js`;
if (!existsSync(`${repo}dist/cli/main.js`)) {
  console.error('featspec is not built yet: run `npm ci` (or `npm run build`) first.');
  process.exit(2);
}
const root = process.argv[2] ?? `${repo}examples`;
const show = (args) => console.error(`\n$ featspec ${args.join(' ').replaceAll(repo, '')}`);
for (const args of [['list', '--root', root], ['lint', '--root', root], ['build', '--root', root]]) {
  show(args);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const token = spawnSync(process.execPath, [cli, 'token', '--sub', 'dev-user', '--ttl', '8h', '--root', root], { encoding: 'utf8' });
if (token.status !== 0) process.exit(token.status ?? 1);
const serveArgs = ['serve', '--root', root, '--port', process.env.PORT ?? '4010'];
show(serveArgs);
const server = spawn(process.execPath, [cli, ...serveArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
server.stdout.setEncoding('utf8');
server.stdout.once('data', (url) => {
  console.error(`\nServing the examples at ${url.trim()}  (Ctrl-C to stop)`);
  console.error(`Dev token (8h): ${token.stdout.trim()}`);
  console.error(`Try: curl -H "Authorization: Bearer <token>" ${url.trim()}/api/v1/bookmarks`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
