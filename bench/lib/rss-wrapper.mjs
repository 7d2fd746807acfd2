/**
 * Fallback when GNU time is missing: `node rss-wrapper.mjs <script> ...args` runs the script in this
 * process (argv as if started directly) and writes the process's peak RSS in KB and its user and system CPU seconds to
 * $BENCH_RSS_FILE on exit.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${(u.userCPUTime / 1e6).toFixed(3)} ${(u.systemCPUTime / 1e6).toFixed(3)}\n`);
});
await import(pathToFileURL(resolve(script)).href);
