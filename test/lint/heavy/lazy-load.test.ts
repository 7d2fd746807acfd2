/** The heavy parsers load only when a document has such a block: the built CLI, its module loads logged by a hook. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { md, tempWorkspace } from '../../helpers.js';

const BIN = fileURLToPath(new URL('../../../bin/featspec.js', import.meta.url));
const REGISTER = fileURLToPath(new URL('../../fixtures/lazy-load/register.mjs', import.meta.url));

/** What the CLI loaded of mermaid's bundle and of libpg-query while linting `body`. */
function loadsFor(body: string[]): { mermaid: boolean; sql: boolean } {
  const w = tempWorkspace({ 'docs/features/001-a/design.md': md('# FEAT-001 Design: A', '', '## Overview', '', 'Text.', '', ...body) });
  const log = join(w.root, 'loads.log');
  try {
    const r = spawnSync(process.execPath, ['--import', REGISTER, BIN, 'lint', '--root', w.root, '--format', 'json'], { env: { ...process.env, FEATSPEC_LOAD_LOG: log }, encoding: 'utf8' });
    expect(r.status, r.stderr).not.toBe(2);
    const loaded = existsSync(log) ? readFileSync(log, 'utf8') : '';
    return { mermaid: loaded.includes('/vendor/mermaid/'), sql: loaded.includes('libpg-query') };
  } finally {
    rmSync(log, { force: true });
    w.cleanup();
  }
}

describe('heavy parsers', () => {
  it('load only for a document with a mermaid or SQL block', () => {
    expect(loadsFor([])).toEqual({ mermaid: false, sql: false });
    expect(loadsFor(['```mermaid', 'flowchart LR', '  A --> B', '```'])).toEqual({ mermaid: true, sql: false });
    expect(loadsFor(['```sql', 'CREATE TABLE t (id int PRIMARY KEY);', '```'])).toEqual({ mermaid: false, sql: true });
  }, 60_000);
});
