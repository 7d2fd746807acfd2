// Build: type-check and emit dist/ with the TypeScript compiler, vendor mermaid with a faster
// getConfig into dist/vendor/mermaid/, then bundle the CLI into dist/bundle/ (run by `npm ci` through
// `prepare`).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const run = (script, args = []) => spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' }).status ?? 1;
const tsc = run('../node_modules/typescript/bin/tsc', ['-p', 'tsconfig.json']);
if (tsc !== 0) process.exit(tsc);
const vendor = run('./vendor-mermaid.mjs');
if (vendor !== 0) process.exit(vendor);
process.exit(run('./bundle.mjs'));
