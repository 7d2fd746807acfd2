/** The .md files under a folder, recursively, in name order (the corpus's documents as the suites read them). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function markdownFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) markdownFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out;
}
