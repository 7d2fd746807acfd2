/**
 * Scaling suite: `featspec lint` (mermaid-syntax off: no diagrams here) of one long document of each
 * shape in bench/lib/large-docs.mjs, at `n` and `4n` items (n = 2,000, or the shape's own `small`). A linear cost gives a ratio near 4 (a
 * little less, start-up being fixed); a ratio above 6 marks a cost that grows faster than the input,
 * the kind of bug that makes one long design take minutes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LARGE_DOC_PATH, LARGE_DOCS } from '../lib/large-docs.mjs';
import { describeMachine } from '../lib/machine.mjs';
import { measure } from '../lib/measure.mjs';
import { fmt, markdownTable, reproduce, textTable } from '../lib/report.mjs';

const SMALL = 2000;
const FACTOR = 4;
const SUPERLINEAR = 6;

export default {
  name: 'scale',
  title: 'Scaling: one long document at two sizes',
  corpus: false,
  async run(ctx) {
    const { repo, runs, workDir, log, machine } = ctx;
    const script = join(repo, 'bin', 'featspec.js');
    const rows = [];
    for (const [name, shape] of Object.entries(LARGE_DOCS)) {
      const result = [];
      const small = shape.small ?? SMALL;
      for (const n of [small, small * FACTOR]) {
        const root = join(workDir, 'scale', name);
        rmSync(root, { recursive: true, force: true });
        const file = join(root, LARGE_DOC_PATH);
        mkdirSync(dirname(file), { recursive: true });
        const text = shape.make(n);
        writeFileSync(file, text);
        const walls = [];
        for (let i = 0; i < runs; i++) {
          const r = await measure({ script, args: ['lint', '--root', root, '--format', 'json', '--disable', 'mermaid-syntax'], cwd: root, workDir });
          if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`featspec lint of ${name} (${n} ${shape.unit}) exited with ${r.exitCode}:\n${r.stderr.slice(-2000)}`);
          walls.push(r.wallMs);
        }
        result.push({ n, bytes: Buffer.byteLength(text), wall: Math.min(...walls) });
        log(`${name}: ${n} ${shape.unit}, ${fmt(Buffer.byteLength(text) / 1e6, 2)} MB, ${fmt(Math.min(...walls), 0)} ms`);
      }
      const [a, b] = result;
      const ratio = b.wall / a.wall;
      rows.push([`${name} (${shape.what})`, `${fmt(a.n, 0)} / ${fmt(b.n, 0)} ${shape.unit}`, `${fmt(a.bytes / 1e6, 2)} / ${fmt(b.bytes / 1e6, 2)}`,
        `${fmt(a.wall, 0)} / ${fmt(b.wall, 0)}`, `${fmt(ratio, 1)}×`, ratio > SUPERLINEAR ? `**faster than linear growth** (> ${SUPERLINEAR}×)` : 'linear']);
    }
    const head = ['Document', 'size', 'MB', 'wall ms (best of runs)', '4× input', 'verdict'];
    const align = ['l', 'r', 'r', 'r', 'r', 'l'];
    const markdown = [
      '## Scaling: one long document at two sizes',
      '',
      'One design document per shape, linted alone (`featspec lint --disable mermaid-syntax`), at a size',
      `and at ${FACTOR} times that size; best of ${runs} runs, spawn to exit. A cost linear in the input`,
      `takes about ${FACTOR} times as long (less: start-up is fixed); above ${SUPERLINEAR}× the cost grows faster than the input.`,
      '',
      `- Machine: ${describeMachine(machine)}`,
      '',
      markdownTable(head, rows, align),
      '',
      ...reproduce(`npm run bench -- --suite scale --runs ${runs}`),
    ].join('\n');
    return { console: textTable(head, rows.map((r) => r.map((x) => String(x).replace(/\*\*/g, ''))), align), markdown };
  },
};
