/** Process edge: the only place that touches process.argv, stdout/stderr and the exit code. */
import { setFlagsFromString } from 'node:v8';
import { main } from './program.js';

// V8 settings for a command that runs for seconds, not hours (`serve` keeps V8's defaults):
// - WebAssembly (the SQL parser) is compiled by the baseline compiler only. The optimizing tier compiles
//   hot functions in background threads that the process waits for at exit (~0.1 s after a lint of one
//   document), and a run of a few seconds never wins that back (a 3,000-document lint runs as fast).
// - The optimizing JavaScript compiler does not inline. A lint or a show runs a lot of code a few
//   thousand times: inlining made the optimizing compiler's background work outgrow the run (~3.6 s of
//   compiling in a 4.4 s lint of 3,000 documents) and left the code unoptimized for longer. Without it:
//   3,000 documents ~5% faster (lint) and ~6% (show), one document in 50 features ~7%.
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (command !== 'serve') setFlagsFromString('--liftoff-only --no-turbo-inlining');

// A reader that goes away early (`featspec tasks | head`) ends a command quietly, as other command-line
// tools do, instead of failing on the next write with a stack trace. The server keeps serving: its log
// lines are lost, never its requests.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    if (command !== 'serve') process.exit(process.exitCode ?? 0);
  });
}

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
