import { parseMarkdown } from '../src/markdown/parse.js';
import type { DocContext } from '../src/model/extract/context.js';
import { detectStyle } from '../src/model/style.js';
import type { Style } from '../src/model/schema.js';
import type { SqlParser } from '../src/sql/parser.js';

/** Build an extractor context from Markdown text (style detected unless given). */
export function docContext(markdown: string, opts: { path?: string; style?: Style; sql?: SqlParser | null } = {}): DocContext {
  const path = opts.path ?? 'docs/features/001-test/design.md';
  const { doc, diagnostics } = parseMarkdown(markdown, path);
  return { path, doc, style: opts.style ?? detectStyle(doc, path).style, featureId: '001-test', sql: opts.sql ?? null, diagnostics: [...diagnostics] };
}

/** Join lines: keeps fixtures readable and their line numbers obvious. */
export const md = (...lines: string[]) => lines.join('\n') + '\n';

export const SHARED = new URL('../../shared/', import.meta.url);

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Create a temporary workspace with the given files (relative path -> content). */
export function tempWorkspace(files: Record<string, string | Uint8Array> = {}): { root: string; write: (p: string, c: string | Uint8Array) => string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'featspec-test-'));
  const write = (p: string, c: string | Uint8Array) => {
    const abs = join(root, p);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, c);
    return abs;
  };
  for (const [p, c] of Object.entries(files)) write(p, c);
  return { root, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Run the CLI in-process with a captured io. */
export async function runCli(argv: string[], opts: { cwd?: string; now?: Date } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../src/cli/program.js');
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    cwd: opts.cwd ?? process.cwd(),
    env: {},
    now: () => opts.now ?? new Date('2026-11-22T10:00:00Z'),
  });
  return { code, stdout, stderr };
}
