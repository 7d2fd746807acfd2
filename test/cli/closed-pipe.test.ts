/** The built CLI, its output read by a reader that stops early (`featspec tasks | head -1`). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { md, tempWorkspace } from '../helpers.js';

const BIN = fileURLToPath(new URL('../../bin/featspec.js', import.meta.url));

describe('a closed output pipe', () => {
  it('ends the command quietly, with no stack trace', async () => {
    // About 200 KB of task lines: more than a pipe holds, so the CLI is still writing when the reader goes.
    const tasks = Array.from({ length: 8000 }, (_, i) => `### TASK-${String(i + 1).padStart(4, '0')}: step ${i}\n\n- [ ] do step ${i}\n`);
    const w = tempWorkspace({ 'docs/features/001-a/design.md': md('# FEAT-001 Design: A', '', '## Implementation Tasks', '', ...tasks) });
    try {
      // The shell reports the CLI's exit code on stderr; `head` closes the pipe after 100 bytes.
      const script = `{ "${process.execPath}" "${BIN}" tasks --root "${w.root}"; echo "exit $?" >&2; } | head -c 100`;
      const child = spawn('/bin/sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => void (stdout += b.toString()));
      child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
      await new Promise((resolve) => child.on('close', resolve));
      expect(stdout).toContain('001-a');
      expect(stderr).toBe('exit 0\n');
    } finally {
      w.cleanup();
    }
  }, 30_000);
});
