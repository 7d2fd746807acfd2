import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { md, runCli, tempWorkspace } from '../helpers.js';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

const PATH = 'docs/features/001-notes/design.md';

describe('lint --fix', () => {
  it('aligns and pads tables and turns :param into {param}, atomically and idempotently', async () => {
    const w = tempWorkspace({
      [PATH]: md(
        '# FEAT-001 Design: Notes',
        '',
        '## Data Models',
        '',
        '### Note',
        '| Field | Type | Required |',
        '|:--|---|--:|',
        '| id | uuid |',
        '| body | string | yes |',
        '',
        '## API Endpoints',
        '',
        '### GET /api/v1/notes/:noteId/tags/:tag',
        'Lists a note.',
      ),
    });
    cleanup = w.cleanup;
    const first = await runCli(['lint', '--fix', '--root', w.root, '--format', 'json']);
    expect(first.stderr).toMatch(/fixed docs\/features\/001-notes\/design\.md: 2 changes \(format:param, table-shape\)/);
    const fixed = readFileSync(join(w.root, PATH), 'utf8');
    expect(fixed).toBe(md(
      '# FEAT-001 Design: Notes',
      '',
      '## Data Models',
      '',
      '### Note',
      '| Field | Type   | Required |',
      '| :---- | ------ | -------: |',
      '| id    | uuid   |          |',
      '| body  | string |      yes |',
      '',
      '## API Endpoints',
      '',
      '### GET /api/v1/notes/{noteId}/tags/{tag}',
      'Lists a note.',
    ));
    expect(JSON.parse(first.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'table-shape')).toEqual([]);
    const second = await runCli(['lint', '--fix', '--root', w.root]);
    expect(second.stderr).toContain('nothing to fix');
    expect(readFileSync(join(w.root, PATH), 'utf8')).toBe(fixed);
  });

  it('leaves a row wider than its header to the author', async () => {
    const text = md('# FEAT-001 Design: Notes', '', '| a | b |', '|---|---|', '| 1 | 2 | 3 |');
    const w = tempWorkspace({ [PATH]: text });
    cleanup = w.cleanup;
    const r = await runCli(['lint', '--fix', '--root', w.root, '--format', 'json']);
    expect(readFileSync(join(w.root, PATH), 'utf8')).toBe(text);
    expect(JSON.parse(r.stdout).diagnostics).toContainEqual(expect.objectContaining({ rule: 'table-shape', line: 5, fixable: false }));
  });
});
