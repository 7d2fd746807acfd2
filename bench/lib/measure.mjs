/**
 * Run a Node script as a child process and measure it: wall time (spawn to exit, Node startup
 * included), peak RSS and CPU time (user + system) of the child, stdout bytes. RSS and CPU come from
 * GNU time (`/usr/bin/time -f '%M %U %S'`) when the machine has it, else from a wrapper that reports
 * `process.resourceUsage()` on exit (BENCH_RSS_METHOD=wrapper forces the wrapper).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WRAPPER = fileURLToPath(new URL('./rss-wrapper.mjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';
const FORMAT = '%M %U %S';
const LINE = /^\d+ \d+(?:\.\d+)? \d+(?:\.\d+)?$/m;
let method = null;
let counter = 0;

/** `gnu-time` or `wrapper`: how peak RSS is measured on this machine. */
export function rssMethod(workDir) {
  if (method) return method;
  method = 'wrapper';
  if (process.env.BENCH_RSS_METHOD !== 'wrapper' && existsSync(GNU_TIME)) {
    mkdirSync(workDir, { recursive: true });
    const probe = join(workDir, 'rss-probe.txt');
    const r = spawnSync(GNU_TIME, ['-f', FORMAT, '-o', probe, process.execPath, '-e', '0'], { stdio: 'ignore' });
    if (r.status === 0 && existsSync(probe) && LINE.test(readFileSync(probe, 'utf8'))) method = 'gnu-time';
    rmSync(probe, { force: true });
  }
  return method;
}

/** `maxRssKb userS systemS` from the side file (GNU time may print an exit-status line first). */
function readUsage(file) {
  if (!existsSync(file)) return { maxRssKb: null, cpuS: null };
  const m = readFileSync(file, 'utf8').match(new RegExp(LINE.source, 'gm'));
  rmSync(file, { force: true });
  if (!m) return { maxRssKb: null, cpuS: null };
  const [rss, user, sys] = m[m.length - 1].trim().split(/\s+/).map(Number);
  return { maxRssKb: rss, cpuS: user + sys };
}

/**
 * @param {{ script: string, args: string[], cwd: string, workDir: string, collect?: boolean }} o
 * @returns {Promise<{ wallMs: number, maxRssKb: number | null, cpuS: number | null, exitCode: number | null, stdoutBytes: number, stdout: Buffer | null, stderr: string }>}
 */
export function measure({ script, args, cwd, workDir, collect = false }) {
  mkdirSync(workDir, { recursive: true });
  const rssFile = join(workDir, `rss-${process.pid}-${counter++}.txt`);
  const how = rssMethod(workDir);
  const [cmd, cmdArgs, env] = how === 'gnu-time'
    ? [GNU_TIME, ['-f', FORMAT, '-o', rssFile, process.execPath, script, ...args], process.env]
    : [process.execPath, [WRAPPER, script, ...args], { ...process.env, BENCH_RSS_FILE: rssFile }];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    const chunks = [];
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdoutBytes += c.length;
      if (collect) chunks.push(c);
    });
    child.stderr.on('data', (c) => {
      if (stderr.length < 64 * 1024) stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({ wallMs, ...readUsage(rssFile), exitCode, stdoutBytes, stdout: collect ? Buffer.concat(chunks) : null, stderr });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
