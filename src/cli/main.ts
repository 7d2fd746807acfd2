/** Process edge: the only place that touches process.argv, stdout/stderr and the exit code. */
import { setFlagsFromString } from 'node:v8';
import { main } from './program.js';

// A short command compiles WebAssembly (the SQL parser) with V8's baseline compiler only. The optimizing
// tier compiles hot functions in background threads that the process waits for at exit (~0.1 s after
// a lint of one document), and a run of a few seconds never wins that back (a 3,000-document lint runs
// as fast either way). `serve` runs PGlite's WebAssembly for as long as it is up: it keeps both tiers.
if (process.argv[2] !== 'serve') setFlagsFromString('--liftoff-only');

const io = {
  stdout: (s: string) => void process.stdout.write(s),
  stderr: (s: string) => void process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`featspec: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
