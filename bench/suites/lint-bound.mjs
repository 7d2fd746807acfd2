/**
 * The lint suite's bound, run as a child process: the least work any featspec lint does on these files.
 * It reads every .md file under <root>/docs/features, parses it with featspec's own parser (the built
 * dist/markdown/parse.js: markdown-it's block pass, then blocks and sections) and looks at every text
 * once: the plain text of each heading, paragraph, list item and table cell, and each code block, each
 * scanned with five regular expressions of the kind the extractors and rules use (an endpoint, a task
 * id, a file path, a bracketed placeholder, a secret keyword). No model is built and no rule runs, so
 * a lint can be no faster than this; the gap between the two is what extraction and rules cost.
 * Prints { docs, bytes, hits } as JSON.
 *
 *   node bench/suites/lint-bound.mjs <root>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownFiles } from '../lib/markdown-files.mjs';

const dist = new URL('../../dist/', import.meta.url);
const { parseMarkdown } = await import(new URL('markdown/parse.js', dist).href);
const { plainText } = await import(new URL('markdown/inline.js', dist).href);


const SCANS = [
  /(?<![\w/.$-])(?:GET|POST|PUT|PATCH|DELETE)[ \t]+`?\/[^\s`'"|*\\]+/g,
  /\bTASK-\d+\b/g,
  /[\w.-]+\/[\w./-]+\.\w+/g,
  /\[[A-Z][^\]\n]{0,40}\]/g,
  /\b(?:password|secret|token|api[_-]?key)\b/gi,
];

let hits = 0;
function scan(text) {
  for (const re of SCANS) {
    re.lastIndex = 0;
    while (re.exec(text)) hits++;
  }
}

function blocks(list) {
  for (const b of list) {
    if (b.kind === 'paragraph' || b.kind === 'heading') scan(plainText(b.text));
    else if (b.kind === 'code') scan(b.code);
    else if (b.kind === 'quote') blocks(b.children);
    else if (b.kind === 'list') {
      for (const item of b.items) {
        scan(plainText(item.text));
        blocks(item.children);
      }
    } else if (b.kind === 'table') {
      for (const row of [b.header, ...b.rows]) for (const cell of row.cells) scan(plainText(cell.text));
    }
  }
}

function section(s) {
  scan(s.title);
  blocks(s.blocks);
  for (const c of s.children) section(c);
}

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/suites/lint-bound.mjs <root>\n');
  process.exit(2);
}
let bytes = 0;
const files = markdownFiles(join(root, 'docs', 'features'));
for (const file of files) {
  const buf = readFileSync(file);
  bytes += buf.length;
  section(parseMarkdown(buf.toString('utf8'), file).doc.root);
}
process.stdout.write(`${JSON.stringify({ docs: files.length, bytes, hits })}\n`);
