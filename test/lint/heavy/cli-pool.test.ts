/**
 * The worker pool only runs from compiled JavaScript, so this test compiles and bundles the project into a
 * temporary folder (the same layout as the package: bin/, dist/, package.json) and runs the CLI there.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md, tempWorkspace } from '../../helpers.js';
import { lintRoot } from '../lint-helpers.js';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
const COUNT_WORKERS = fileURLToPath(new URL('../../fixtures/lint-heavy/count-workers.mjs', import.meta.url));

/** Diagram i of the generated workspace; every 9th one is broken in one of three ways. */
function diagram(i: number): string[] {
  const kind = i % 5;
  if (i % 9 === 0) {
    if (i % 27 === 0) return ['dataflow', `    A${i} --> B${i}`];
    if (i % 2 === 0) return ['flowchart TD', `    A${i} --> B${i}{Ask (user ${i})}`];
    return ['erDiagram', `    USER${i} { uuid id PK, text name }`];
  }
  if (kind === 0) return ['flowchart LR', `    A${i}[Start ${i}] --> B${i}{"Valid (${i})?"}`, `    B${i} -->|yes| C${i}`];
  if (kind === 1) return ['sequenceDiagram', `    participant U${i}`, `    U${i}->>API: GET /widgets/${i}`, `    API-->>U${i}: 200`];
  if (kind === 2) return ['erDiagram', `    USER${i} ||--o{ WIDGET${i} : owns`, `    WIDGET${i} {`, '        uuid id PK', '    }'];
  if (kind === 3) return ['classDiagram', `    class Widget${i} {`, '        +uuid id', '    }', `    Widget${i} <|-- Gadget${i}`];
  return ['stateDiagram-v2', `    [*] --> S${i}`, `    S${i} --> [*]`];
}

function workspaceFiles(features: number, perDoc: number): Record<string, string> {
  const files: Record<string, string> = {};
  let i = 1;
  for (let f = 1; f <= features; f++) {
    const lines = [`# Feature ${f} Design`, '', '## Architecture', ''];
    for (let d = 0; d < perDoc; d++, i++) lines.push('```mermaid', ...diagram(i), '```', '');
    files[`docs/features/${String(f).padStart(3, '0')}-feature-${f}/design.md`] = md(...lines);
  }
  return files;
}

describe('worker threads through the built CLI: the mermaid pool and parallel lint', () => {
  let build = '';
  beforeAll(() => {
    build = mkdtempSync(join(tmpdir(), 'featspec-build-'));
    const tsc = join(PROJECT, 'node_modules/typescript/bin/tsc');
    // Type errors elsewhere in a work-in-progress tree still emit JavaScript; the files checked below are what matter.
    spawnSync(process.execPath, [tsc, '-p', join(PROJECT, 'tsconfig.json'), '--outDir', join(build, 'dist')], { encoding: 'utf8' });
    symlinkSync(join(PROJECT, 'node_modules'), join(build, 'node_modules'), 'dir');
    const bundled = spawnSync(process.execPath, [join(PROJECT, 'scripts/bundle.mjs'), join(build, 'dist')], { encoding: 'utf8' });
    expect(bundled.status, bundled.stderr).toBe(0);
    copyFileSync(join(PROJECT, 'package.json'), join(build, 'package.json'));
    mkdirSync(join(build, 'bin'));
    copyFileSync(join(PROJECT, 'bin/featspec.js'), join(build, 'bin/featspec.js'));
    expect(existsSync(join(build, 'dist/bundle/mermaid-worker.js'))).toBe(true);
  }, 180_000);
  afterAll(() => {
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('gives the same diagnostics as in-process linting, and the process exits by itself', async () => {
    const w = tempWorkspace(workspaceFiles(6, 20)); // 120 distinct diagrams, 13 broken
    try {
      const started = Date.now();
      const run = spawnSync(process.execPath, ['--import', COUNT_WORKERS, join(build, 'bin/featspec.js'), 'lint', '--format', 'json'], {
        cwd: w.root, encoding: 'utf8', timeout: 150_000,
      });
      expect(run.signal, `the CLI did not exit by itself within ${Date.now() - started} ms`).toBeNull();
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`worker threads started: ${Math.min(availableParallelism(), 4)}`);
      const cli = (JSON.parse(run.stdout) as { diagnostics: { rule: string; path: string; line: number; column: number; message: string }[] }).diagnostics
        .filter((d) => d.rule === 'mermaid-syntax')
        .map(({ path, line, column, message }) => ({ path, line, column, message }));
      const inProcess = (await lintRoot(w.root))
        .filter((d) => d.rule === 'mermaid-syntax')
        .map(({ path, line, column, message }) => ({ path, line, column, message }));
      expect(cli).toHaveLength(13);
      expect(cli).toEqual(inProcess);
      expect(cli[0]).toEqual({
        path: 'docs/features/001-feature-1/design.md', line: 65, column: 25,
        message: "mermaid: Parse error: Expecting 'ATTRIBUTE_KEY', got 'ATTRIBUTE_WORD' (found \"text\")",
      });
    } finally {
      w.cleanup();
    }
  }, 300_000);

  it('--concurrency 2 lints in two worker threads, with the same output as one thread, heavy rules included', () => {
    const files = workspaceFiles(6, 4);
    // Findings across the two shards: the same endpoint in features 1 and 2, a directive in feature 4.
    const api = (f: number, directive = false) => md(
      `# FEAT-00${f} Design: F${f}`, '', '## API Endpoints', '', ...(directive ? ['<!-- featspec-disable-next-line endpoint-duplicate -->'] : []),
      '### GET /api/v1/widgets', '| Aspect | Detail |', '|---|---|', '| Response 200 | Widget |', '', '```sql', `CREATE TABLE t${f} (id uuid PRIMARY KEY${f === 2 ? ',' : ''});`, '```',
    );
    for (const f of [1, 2, 4]) files[`docs/features/00${f}-feature-${f}/api.md`] = api(f, f === 4);
    const w = tempWorkspace(files);
    try {
      const run = (concurrency: string) => spawnSync(process.execPath, ['--import', COUNT_WORKERS, join(build, 'bin/featspec.js'), 'lint', '--format', 'json', '--concurrency', concurrency], {
        cwd: w.root, encoding: 'utf8', timeout: 150_000,
      });
      const one = run('0');
      const two = run('2');
      expect(two.signal).toBeNull();
      expect(two.stderr).toContain('worker threads started: 2');
      expect(one.stderr).toContain(`worker threads started: 0`);
      expect(two.status).toBe(1);
      const out = JSON.parse(two.stdout) as { diagnostics: { rule: string; path: string }[]; summary: unknown };
      expect(out).toEqual(JSON.parse(one.stdout));
      expect(out.summary).toEqual({ errors: expect.any(Number), warnings: expect.any(Number), files: 9, features: 6 });
      const rules = new Set(out.diagnostics.map((d) => d.rule));
      for (const r of ['mermaid-syntax', 'sql-syntax', 'endpoint-duplicate']) expect(rules).toContain(r);
      expect(out.diagnostics.filter((d) => d.rule === 'endpoint-duplicate').map((d) => d.path)).toEqual(['docs/features/002-feature-2/api.md']);
      // One document (its findings against the rest of the workspace included), in workers and in one thread.
      const onePath = (concurrency: string) => spawnSync(process.execPath, [join(build, 'bin/featspec.js'), 'lint', 'docs/features/002-feature-2/api.md', '--format', 'json', '--concurrency', concurrency], {
        cwd: w.root, encoding: 'utf8', timeout: 150_000,
      });
      const single = JSON.parse(onePath('2').stdout) as { diagnostics: { rule: string; path: string }[]; summary: unknown };
      expect(single).toEqual(JSON.parse(onePath('0').stdout));
      expect(single.summary).toEqual({ errors: expect.any(Number), warnings: expect.any(Number), files: 1, features: 1 });
      expect(new Set(single.diagnostics.map((d) => d.path))).toEqual(new Set(['docs/features/002-feature-2/api.md']));
      expect(single.diagnostics.map((d) => d.rule)).toContain('endpoint-duplicate');
    } finally {
      w.cleanup();
    }
  }, 300_000);

  it('a small workspace is checked in-process (no worker threads) and exits', () => {
    const w = tempWorkspace(workspaceFiles(1, 3));
    try {
      const run = spawnSync(process.execPath, ['--import', COUNT_WORKERS, join(build, 'bin/featspec.js'), 'lint', '--format', 'json'], {
        cwd: w.root, encoding: 'utf8', timeout: 120_000,
      });
      expect(run.signal).toBeNull();
      expect(run.stderr).toContain('worker threads started: 0');
      expect(JSON.parse(run.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'mermaid-syntax')).toEqual([]);
    } finally {
      w.cleanup();
    }
  }, 150_000);
});
