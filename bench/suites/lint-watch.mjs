/**
 * `featspec lint --watch` on a copy of the bundled examples: the time from a save to the updated
 * diagnostics on stdout. Each save alternately adds a placeholder to one document and takes it away, and
 * the output is checked to report it (an error) or not (no problems).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../lib/measure.mjs';

const DOC = 'docs/features/003-bookmarks/design.md';
const SETTLE_MS = 150;
const TIMEOUT_MS = 10_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ repo: string, workDir: string, log: (s: string) => void }} ctx
 * @param {{ saves: number }} o
 * @returns {Promise<{ saves: number, medianMs: number, minMs: number, maxMs: number, initialMs: number }>}
 */
export async function watchSaves(ctx, { saves }) {
  const { repo, workDir, log } = ctx;
  const root = join(workDir, 'lint-watch');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(repo, 'examples'), root, { recursive: true });
  const file = join(root, DOC);
  const original = readFileSync(file, 'utf8');
  const started = performance.now();
  const child = spawn(process.execPath, [join(repo, 'bin', 'featspec.js'), 'lint', '--watch', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = [];
  child.stdout.on('data', (b) => {
    out += b;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.on('data', (b) => void (err += b));
  /** Resolves when a complete report (its summary line) follows `from` in the output. */
  const report = (from) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lint --watch printed no report within ${TIMEOUT_MS} ms:\n${out.slice(from)}\n${err}`)), TIMEOUT_MS);
    const check = () => {
      const text = out.slice(from);
      if (/^(?:✓|✖|\d+ errors?,)/m.test(text)) {
        clearTimeout(timer);
        resolve(text);
      } else waiters.push(check);
    };
    check();
  });
  try {
    const first = await report(0);
    const initialMs = performance.now() - started;
    if (!first.includes('no problems')) throw new Error(`the examples do not lint clean under --watch:\n${first}`);
    await sleep(SETTLE_MS);
    const times = [];
    for (let i = 0; i < saves; i++) {
      const broken = i % 2 === 0;
      const from = out.length;
      const t = performance.now();
      writeFileSync(file, broken ? `${original}\nStorage: TBD (save ${i}).\n` : original);
      const text = await report(from);
      times.push(performance.now() - t);
      if (broken !== text.includes('no-placeholder')) throw new Error(`save ${i}: the report ${broken ? 'misses' : 'still has'} the placeholder:\n${text}`);
      await sleep(SETTLE_MS);
    }
    log(`lint --watch: ${saves} saves, ${times.map((x) => Math.round(x)).join(', ')} ms`);
    return { saves, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), initialMs };
  } finally {
    child.kill();
    rmSync(root, { recursive: true, force: true });
  }
}
