import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.mjs';
import { dropFences, featspecCounts, fenceLanguages, markdownlintCounts, verdict } from '../../bench/lib/lint-outputs.mjs';
import { pickDocs } from '../../bench/suites/lint-single.mjs';
import { md } from '../helpers.js';

describe('featspecCounts', () => {
  it('counts the diagnostics by rule and keeps the summary', () => {
    const json = JSON.stringify({
      diagnostics: [
        { rule: 'mermaid-syntax', severity: 'error' },
        { rule: 'max-lines', severity: 'error' },
        { rule: 'mermaid-syntax', severity: 'error' },
      ],
      summary: { errors: 3, warnings: 0, files: 2, features: 1 },
    });
    expect(featspecCounts(json)).toEqual({
      diagnostics: 3, errors: 3, warnings: 0, files: 2, features: 1, byRule: { 'mermaid-syntax': 2, 'max-lines': 1 },
    });
  });

  it('rejects output that is not the lint JSON', () => {
    expect(() => featspecCounts('{"diagnostics": [')).toThrow(/invalid JSON/);
    expect(() => featspecCounts('{"features": []}')).toThrow(/no diagnostics array or summary/);
  });
});

describe('markdownlintCounts', () => {
  it('reads the file and error counts from the stdout lines', () => {
    const out = md('markdownlint-cli2 v0.22.1 (markdownlint v0.40.0)', 'Finding: docs/features/**/*.md', 'Linting: 3000 file(s)', 'Summary: 152344 error(s)', '');
    expect(markdownlintCounts(out)).toEqual({ files: 3000, errors: 152344 });
  });

  it('fails when the summary is missing', () => {
    expect(() => markdownlintCounts('Linting: 3 file(s)\n')).toThrow(/no "Linting:"\/"Summary:" lines/);
  });
});

describe('fenceLanguages and dropFences', () => {
  const doc = md(
    '# Title',
    '```mermaid',
    'graph TD',
    '```',
    'text',
    '````sql',
    'SELECT 1;',
    '```',
    '````',
    '~~~',
    'plain',
    '~~~',
    '```Mermaid',
    'erDiagram',
    '```',
    'end',
  );

  it('lists the info word of each fenced block, a longer fence closing only on its own length', () => {
    expect(fenceLanguages(doc)).toEqual(['mermaid', 'sql', '', 'mermaid']);
  });

  it('removes the blocks of one language with their fences and keeps every other line', () => {
    expect(dropFences(doc, 'mermaid')).toBe(md('# Title', 'text', '````sql', 'SELECT 1;', '```', '````', '~~~', 'plain', '~~~', 'end'));
    expect(fenceLanguages(dropFences(doc, 'mermaid'))).toEqual(['sql', '']);
  });
});

describe('verdict', () => {
  it('meets a target at or under the bound', () => {
    expect(verdict(0.5, 0.5)).toEqual({ met: true, over: 1, text: 'met (0.50× ≤ 0.5×)' });
  });

  it('says by how much a target is missed', () => {
    expect(verdict(2.77, 0.5)).toEqual({ met: false, over: 5.54, text: 'not met: 2.77× against at most 0.5×, 5.5 times the target' });
  });
});

describe('pickDocs', () => {
  it('picks a document with a diagram and no SQL, and one with both, from a generated corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'featspec-pick-'));
    try {
      generateCorpus({ dir, features: 12, seed: 3 });
      const picked = pickDocs(dir);
      const langs = (f: string) => fenceLanguages(readFileSync(f, 'utf8'));
      expect(langs(picked.withMermaid)).toContain('mermaid');
      expect(langs(picked.withMermaid)).not.toContain('sql');
      expect(langs(picked.withSql)).toEqual(expect.arrayContaining(['mermaid', 'sql']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lint-bound.mjs (the one-pass minimum)', () => {
  const script = new URL('../../bench/suites/lint-bound.mjs', import.meta.url).pathname;
  const run = (root: string) => JSON.parse(execFileSync(process.execPath, [script, root], { encoding: 'utf8' })) as { docs: number; bytes: number; hits: number };

  it('reads every document and scans the text of headings, paragraphs, list items, table cells, quotes and code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'featspec-bound-'));
    try {
      mkdirSync(join(dir, 'docs', 'features', '001-a'), { recursive: true });
      const text = md(
        '# Token service',
        '',
        'Call GET /api/items first.',
        '',
        '- TASK-001 writes src/app/main.ts',
        '',
        '| Task | File |',
        '| --- | --- |',
        '| TASK-002 | [Feature Name] |',
        '',
        '> the password rotates',
        '',
        '```sh',
        'curl -X POST /api/items',
        '```',
        '',
      );
      writeFileSync(join(dir, 'docs', 'features', '001-a', 'design.md'), text);
      writeFileSync(join(dir, 'docs', 'features', '001-a', 'notes.txt'), 'GET /api/ignored');
      // token (heading), GET (paragraph), TASK-001 and a path (list item), TASK-002 and a placeholder (cells),
      // password (quote), POST (code): 8.
      expect(run(dir)).toEqual({ docs: 1, bytes: Buffer.byteLength(text), hits: 8 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('goes through a generated corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'featspec-bound-'));
    try {
      const corpus = generateCorpus({ dir, features: 10, seed: 2 });
      const out = run(dir);
      expect(out.docs).toBe(corpus.docs);
      expect(out.bytes).toBe(corpus.bytes);
      expect(out.hits).toBeGreaterThan(corpus.docs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
