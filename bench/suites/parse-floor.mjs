/**
 * The floor of the parse suite, run as a child process: read every .md file under
 * <root>/docs/features and parse it with a bare markdown-it 14 (default preset, everything on).
 * Prints { docs, bytes, tokens } as JSON.
 *
 *   node bench/suites/parse-floor.mjs <root>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { markdownFiles } from '../lib/markdown-files.mjs';


const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/suites/parse-floor.mjs <root>\n');
  process.exit(2);
}
const md = new MarkdownIt();
let bytes = 0;
let tokens = 0;
const files = markdownFiles(join(root, 'docs', 'features'));
for (const file of files) {
  const buf = readFileSync(file);
  bytes += buf.length;
  tokens += md.parse(buf.toString('utf8'), {}).length;
}
process.stdout.write(`${JSON.stringify({ docs: files.length, bytes, tokens })}\n`);
