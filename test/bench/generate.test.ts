import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, STYLES } from '../../bench/generate.mjs';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { codeBlocks } from '../../src/markdown/walk.js';
import { detectStyle } from '../../src/model/style.js';

const N = 25;
const temps: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'featspec-corpus-'));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Relative path -> sha256 of every file under docs/features. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const root = join(dir, 'docs', 'features');
  for (const folder of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, folder)).sort()) {
      out.set(`${folder}/${file}`, createHash('sha256').update(readFileSync(join(root, folder, file))).digest('hex'));
    }
  }
  return out;
}

const a = tempDir();
const statsA = generateCorpus({ dir: a, features: N, seed: 7 });
const filesA = hashes(a);

describe('generateCorpus', () => {
  it('writes byte-identical files for the same seed', () => {
    const b = tempDir();
    const statsB = generateCorpus({ dir: b, features: N, seed: 7 });
    expect(statsB).toEqual(statsA);
    expect([...hashes(b)]).toEqual([...filesA]);
  });

  it('writes different files for a different seed', () => {
    const c = tempDir();
    generateCorpus({ dir: c, features: N, seed: 8 });
    const filesC = hashes(c);
    expect(filesC.size).toBe(N);
    const shared = [...filesC.values()].filter((h) => [...filesA.values()].includes(h));
    expect(shared).toEqual([]);
  });

  it('replaces an earlier corpus in the same folder', () => {
    const d = tempDir();
    generateCorpus({ dir: d, features: 40, seed: 7 });
    generateCorpus({ dir: d, features: N, seed: 7 });
    expect([...hashes(d)]).toEqual([...filesA]);
  });

  it('spreads the features evenly over the five styles, one document per numbered folder', () => {
    expect(statsA.docs).toBe(N);
    expect(statsA.byStyle).toEqual({ implementation: 5, design: 5, plan: 5, 'technical-design': 5, 'feature-guide': 5 });
    const paths = [...filesA.keys()];
    expect(paths).toHaveLength(N);
    paths.forEach((p, i) => {
      expect(p).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}-[a-z0-9]+(?:-[a-z0-9]+)+/${STYLES[i % 5]}\\.md$`));
    });
    const total = [...filesA.keys()].reduce((sum, p) => sum + readFileSync(join(a, 'docs', 'features', p)).length, 0);
    expect(statsA.bytes).toBe(total);
  });

  it('writes documents of realistic size (about 4-12 KB)', () => {
    for (const p of filesA.keys()) {
      const size = readFileSync(join(a, 'docs', 'features', p)).length;
      expect(size, p).toBeGreaterThan(3500);
      expect(size, p).toBeLessThan(13_000);
    }
  });

  it('writes documents that parse cleanly and read as their intended style', () => {
    for (const p of filesA.keys()) {
      const path = `docs/features/${p}`;
      const { doc, diagnostics } = parseMarkdown(readFileSync(join(a, path), 'utf8'), path);
      expect(diagnostics, p).toEqual([]);
      expect(detectStyle(doc, path).style, p).toBe(p.split('/')[1]!.replace(/\.md$/, ''));
    }
  });

  it('gives every document its own flowchart and sequence diagram', () => {
    const seen = new Set<string>();
    for (const p of filesA.keys()) {
      const path = `docs/features/${p}`;
      const { doc } = parseMarkdown(readFileSync(join(a, path), 'utf8'), path);
      const mermaid = [...codeBlocks(doc.root)].map((x) => x.block).filter((b) => b.lang === 'mermaid');
      expect(mermaid.map((b) => b.code.split('\n')[0]!.split(' ')[0]).sort(), p).toEqual(['flowchart', 'sequenceDiagram']);
      for (const b of mermaid) {
        expect(seen.has(b.code), p).toBe(false);
        seen.add(b.code);
      }
    }
  });

  it('names only earlier features of the corpus as dependencies', () => {
    const ids = [...filesA.keys()].map((p) => p.split('/')[0]!);
    let count = 0;
    ids.forEach((id, i) => {
      const text = readFileSync(join(a, 'docs', 'features', id, `${STYLES[i % 5]}.md`), 'utf8');
      for (const m of text.matchAll(/^- `(\d{4}-[a-z0-9-]+)`: /gm)) {
        count++;
        expect(ids.indexOf(m[1]!), `${id} -> ${m[1]}`).toBeGreaterThanOrEqual(0);
        expect(ids.indexOf(m[1]!), `${id} -> ${m[1]}`).toBeLessThan(i);
      }
    });
    expect(count).toBeGreaterThan(10);
  });
});
