/** `lint --cache`: the second run gives the same findings from the cached model and diagram results. */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';
import { decodeCache, encodeCache, type CacheData } from '../../src/lint/cache.js';
import { md, runCli, tempWorkspace } from '../helpers.js';

const CACHE = '.featspec/cache/lint';

const api = (title: string, path: string) => md(
  `# FEAT-001 Design: ${title}`, '', '## API Endpoints', '', `### GET ${path}`, '| Aspect | Detail |', '|---|---|', '| Response 200 | Widget |', '',
  '```mermaid', 'flowchart LR', '    A[Client] --> B[API]', '```',
);
const FILES = {
  'docs/features/001-alpha/design.md': api('Alpha', '/api/v1/widgets'),
  'docs/features/002-beta/design.md': api('Beta', '/api/v1/gadgets'),
};

const readCache = (root: string, file = CACHE) => decodeCache(readFileSync(join(root, file)))!;
/** Sets the cache file's mtime an hour back and returns it: a later write shows even when the
 * filesystem clock's tick is coarser than a quick in-process run. */
const backdate = (root: string) => {
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(join(root, CACHE), past, past);
  return statSync(join(root, CACHE)).mtimeMs;
};
const writeCache = (root: string, data: CacheData) => writeFileSync(join(root, CACHE), encodeCache(data));

async function lintJson(root: string, ...args: string[]) {
  const r = await runCli(['lint', '--root', root, '--format', 'json', ...args], { cwd: root });
  return { ...r, out: JSON.parse(r.stdout) as { diagnostics: { rule: string; path: string; message: string }[] } };
}

describe('lint --cache', () => {
  it('gives the same output as a run without it, and takes unchanged features from the cache', async () => {
    const w = tempWorkspace(FILES);
    try {
      const plain = await lintJson(w.root);
      const first = await lintJson(w.root, '--cache');
      expect(first.stdout).toBe(plain.stdout);
      const data = readCache(w.root);
      expect(data.features.map(([, f]) => f.id).sort()).toEqual(['001-alpha', '002-beta']);
      expect(data.diagrams).toHaveLength(1); // the two documents share one diagram text
      const mtime = backdate(w.root);
      const second = await lintJson(w.root, '--cache');
      expect(second.stdout).toBe(plain.stdout);
      expect(statSync(join(w.root, CACHE)).mtimeMs, 'an unchanged run does not rewrite the cache').toBe(mtime);

      // Proof of reuse: a model edited inside the cache is what the next run lints (beta now duplicates alpha's endpoint).
      for (const [, f] of data.features) if (f.id === '002-beta') f.endpoints[0]!.path = '/api/v1/widgets';
      writeCache(w.root, data);
      const tampered = await lintJson(w.root, '--cache');
      expect(tampered.out.diagnostics.filter((d) => d.rule === 'endpoint-duplicate').map((d) => d.path)).toEqual(['docs/features/002-beta/design.md']);
      // Editing the document changes its key: the feature is built again from the text.
      w.write('docs/features/002-beta/design.md', api('Beta', '/api/v1/gizmos'));
      const rebuilt = await lintJson(w.root, '--cache');
      expect(rebuilt.out.diagnostics.filter((d) => d.rule === 'endpoint-duplicate')).toEqual([]);
      expect(readCache(w.root).features.find(([, f]) => f.id === '002-beta')![1].endpoints[0]!.path).toBe('/api/v1/gizmos');
    } finally {
      w.cleanup();
    }
  });

  it('reuses mermaid results and keeps them through a run with mermaid-syntax off', async () => {
    const w = tempWorkspace(FILES);
    try {
      await lintJson(w.root, '--cache');
      const data = readCache(w.root);
      data.diagrams = data.diagrams.map(([code]) => [code, { ok: false, message: 'mermaid: from the cache', offset: null }]);
      writeCache(w.root, data);
      const cached = await lintJson(w.root, '--cache');
      expect(cached.out.diagnostics.filter((d) => d.rule === 'mermaid-syntax').map((d) => d.message)).toEqual(['mermaid: from the cache', 'mermaid: from the cache']);
      // A run with mermaid-syntax off that rewrites the cache (a document changed) keeps the diagrams.
      w.write('docs/features/001-alpha/design.md', api('Alpha renamed', '/api/v1/widgets'));
      const before = backdate(w.root);
      await lintJson(w.root, '--cache', '--disable', 'mermaid-syntax');
      expect(statSync(join(w.root, CACHE)).mtimeMs).not.toBe(before);
      const rewritten = readCache(w.root);
      expect(rewritten.features.find(([, f]) => f.id === '001-alpha')![1].title).toBe('Alpha renamed');
      expect(rewritten.diagrams).toHaveLength(1);
    } finally {
      w.cleanup();
    }
  });

  it('uses a cache only when featspec and V8 versions match the ones that wrote it', async () => {
    // Diagram texts this test process has not seen, so that only the file can say they fail.
    const diagram = (n: string) => md(`# FEAT-00${n} Design: D`, '', '## Flow', '', '```mermaid', 'flowchart TD', `    Stamp${n}${Date.now()} --> Done`, '```');
    const w = tempWorkspace({ 'docs/features/001-a/design.md': diagram('1'), 'docs/features/002-b/design.md': diagram('2') });
    try {
      const codes = ['1', '2'].map((n) => readFileSync(join(w.root, `docs/features/00${n}-${n === '1' ? 'a' : 'b'}/design.md`), 'utf8').split('```mermaid\n')[1]!.split('```')[0]!);
      const failing = { ok: false, message: 'mermaid: from the cache', offset: null };
      const stamp = `featspec ${VERSION}; v8 ${process.versions.v8}; format 2`;
      w.write(CACHE, '');
      writeCache(w.root, { format: 2, stamp: 'featspec 0.0.0; v8 0; format 2', features: [], diagrams: [[codes[0]!, failing]] });
      expect((await lintJson(w.root, '--cache')).out.diagnostics.filter((d) => d.rule === 'mermaid-syntax')).toEqual([]);
      writeCache(w.root, { format: 2, stamp, features: [], diagrams: [[codes[1]!, failing]] });
      const used = (await lintJson(w.root, '--cache')).out.diagnostics.filter((d) => d.rule === 'mermaid-syntax');
      expect(used.map((d) => [d.path, d.message])).toEqual([['docs/features/002-b/design.md', 'mermaid: from the cache']]);
    } finally {
      w.cleanup();
    }
  });

  it('a lint of one document takes its feature from the cache and keeps the entries it did not look at', async () => {
    const w = tempWorkspace({ ...FILES, 'docs/features/003-gamma/design.md': api('Gamma', '/api/v1/gizmos') });
    const beta = 'docs/features/002-beta/design.md';
    try {
      await lintJson(w.root, '--cache');
      const full = readCache(w.root);
      expect(full.features.map(([, f]) => f.id).sort()).toEqual(['001-alpha', '002-beta', '003-gamma']);
      const plain = await lintJson(w.root, beta);
      expect((await lintJson(w.root, '--cache', beta)).stdout).toBe(plain.stdout);
      // Proof of reuse, as above: beta's cached model now duplicates alpha's endpoint.
      for (const [, f] of full.features) if (f.id === '002-beta') f.endpoints[0]!.path = '/api/v1/widgets';
      writeCache(w.root, full);
      const tampered = await lintJson(w.root, '--cache', beta);
      expect(tampered.out.diagnostics.filter((d) => d.rule === 'endpoint-duplicate').map((d) => d.path)).toEqual([beta]);
      // An edit of beta builds it again; the file then holds its new entry (not the old one) and the others.
      w.write(beta, api('Beta', '/api/v1/sprockets'));
      expect((await lintJson(w.root, '--cache', beta)).stdout).toBe((await lintJson(w.root, beta)).stdout);
      const after = readCache(w.root).features;
      expect(after.map(([, f]) => f.id).sort()).toEqual(['001-alpha', '002-beta', '003-gamma']);
      expect(after.find(([, f]) => f.id === '002-beta')![1].endpoints[0]!.path).toBe('/api/v1/sprockets');
    } finally {
      w.cleanup();
    }
  });

  it('reads back what it writes, and decodes only its own format', () => {
    const data: CacheData = { format: 2, stamp: 's', features: [['k1', { id: 'a' } as never], ['k2', { id: 'b' } as never]], diagrams: [['graph TD', { ok: true }]] };
    expect(decodeCache(encodeCache(data))).toEqual(data);
    expect(decodeCache(Buffer.from('not a cache'))).toBeNull();
    expect(decodeCache(encodeCache({ ...data, format: 1 }))).toBeNull();
  });

  it('a corrupt cache file is ignored and replaced; --cache-location picks the file; paths lint from the cache too', async () => {
    const w = tempWorkspace(FILES);
    try {
      const plain = await lintJson(w.root, 'docs/features/002-beta/design.md');
      w.write(CACHE, 'not a cache');
      const r = await lintJson(w.root, '--cache', 'docs/features/002-beta/design.md');
      expect(r.code).toBe(plain.code);
      expect(r.stdout).toBe(plain.stdout);
      expect(readCache(w.root).features).toHaveLength(2);
      const again = await lintJson(w.root, '--cache', 'docs/features/002-beta/design.md');
      expect(again.stdout).toBe(plain.stdout);
      await lintJson(w.root, '--cache-location', 'elsewhere.bin');
      expect(readCache(w.root, 'elsewhere.bin').features).toHaveLength(2);
    } finally {
      w.cleanup();
    }
  });
});
