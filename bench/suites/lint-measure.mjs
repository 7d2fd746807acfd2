/**
 * One measured run of a linter, its output checked. A linter exits 1 on findings, so the exit code
 * alone cannot tell a crash: the output must parse too. A run that failed because dist/ was being
 * rebuilt (a module not found) is waited out and measured again, up to three times.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { measure } from '../lib/measure.mjs';

const REBUILDING = /ERR_MODULE_NOT_FOUND|Cannot find module/;
const tail = (s) => s.trim().split('\n').slice(-20).join('\n');

/**
 * @param {{ what: string, script: string, args: string[], cwd: string, workDir: string, okCodes: number[] }} o
 * @param {(stdout: string) => unknown} parse the checked counts; throws on bad output
 * @param {(s: string) => void} log
 */
export async function measureChecked(o, parse, log) {
  for (let attempt = 1; ; attempt++) {
    const r = await measure({ script: o.script, args: o.args, cwd: o.cwd, workDir: o.workDir, collect: true });
    const out = r.stdout.toString('utf8');
    r.stdout = null;
    let counts = null;
    let problem = null;
    if (!o.okCodes.includes(r.exitCode)) problem = `exited with ${r.exitCode}`;
    else {
      try {
        counts = parse(out);
      } catch (e) {
        problem = `(exit ${r.exitCode}): ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if (!problem) return { ...r, counts };
    if (attempt < 3 && REBUILDING.test(r.stderr)) {
      log(`${o.what}: a module was missing (dist/ being rebuilt?); measuring again in 30 s`);
      await sleep(30_000);
      continue;
    }
    throw new Error(`${o.what} ${problem}:\n${tail(r.stderr)}`);
  }
}
