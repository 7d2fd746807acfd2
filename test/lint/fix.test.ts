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

  it('with a path, fixes that document only, and the re-lint reports what a whole lint reports on it', async () => {
    const ragged = (n: string) => md(`# FEAT-00${n} Design: Notes ${n}`, '', '## Data Models', '', '### Note', '| Field | Type |', '|---|---|', '| id |');
    const other = 'docs/features/002-tags/design.md';
    const w = tempWorkspace({ [PATH]: ragged('1'), [other]: ragged('2') });
    cleanup = w.cleanup;
    const r = await runCli(['lint', '--fix', '--root', w.root, '--format', 'json', join(w.root, PATH)], { cwd: w.root });
    expect(r.stderr).toMatch(/fixed docs\/features\/001-notes\/design\.md: 1 change \(table-shape\)/);
    expect(readFileSync(join(w.root, PATH), 'utf8')).not.toBe(ragged('1'));
    expect(readFileSync(join(w.root, other), 'utf8')).toBe(ragged('2'));
    const whole = JSON.parse((await runCli(['lint', '--root', w.root, '--format', 'json'])).stdout).diagnostics as { path: string }[];
    expect(JSON.parse(r.stdout).diagnostics).toEqual(whole.filter((d) => d.path === PATH));
  });

  it('keeps a table inside a block quote or a list item in its container', async () => {
    const w = tempWorkspace({
      [PATH]: md(
        '# FEAT-001 Design: Notes',
        '',
        '> | Field | Type |',
        '> |---|---|',
        '> | id | uuid |',
        '>| body |',
        '',
        '> > | a | b |',
        '> > |-|-|',
        '> > | 1 | 22 |',
        '',
        '- item',
        '',
        '  | k | v |',
        '  |---|---|',
        '  | x | yy |',
      ),
    });
    cleanup = w.cleanup;
    await runCli(['lint', '--fix', '--root', w.root]);
    const fixed = readFileSync(join(w.root, PATH), 'utf8');
    expect(fixed).toBe(md(
      '# FEAT-001 Design: Notes',
      '',
      '> | Field | Type |',
      '> | ----- | ---- |',
      '> | id    | uuid |',
      '> | body  |      |',
      '',
      '> > | a   | b   |',
      '> > | --- | --- |',
      '> > | 1   | 22  |',
      '',
      '- item',
      '',
      '  | k   | v   |',
      '  | --- | --- |',
      '  | x   | yy  |',
    ));
    const second = await runCli(['lint', '--fix', '--root', w.root]);
    expect(second.stderr).toContain('nothing to fix');
  });

  it('pads by display width: wide characters count two columns, combining marks none', async () => {
    const w = tempWorkspace({ [PATH]: md('# FEAT-001 Design: Notes', '', '| Name | Note |', '|---|---|', '| 名前 | e\u0301t\u00e9 |', '| ab | x |') });
    cleanup = w.cleanup;
    await runCli(['lint', '--fix', '--root', w.root]);
    expect(readFileSync(join(w.root, PATH), 'utf8')).toBe(md('# FEAT-001 Design: Notes', '', '| Name | Note |', '| ---- | ---- |', '| 名前 | e\u0301t\u00e9  |', '| ab   | x    |'));
    expect((await runCli(['lint', '--fix', '--root', w.root])).stderr).toContain('nothing to fix');
  });

  it('leaves a row wider than its header to the author', async () => {
    const text = md('# FEAT-001 Design: Notes', '', '| a | b |', '|---|---|', '| 1 | 2 | 3 |');
    const w = tempWorkspace({ [PATH]: text });
    cleanup = w.cleanup;
    const r = await runCli(['lint', '--fix', '--root', w.root, '--format', 'json']);
    expect(readFileSync(join(w.root, PATH), 'utf8')).toBe(text);
    expect(JSON.parse(r.stdout).diagnostics).toContainEqual(expect.objectContaining({ rule: 'table-shape', line: 5, fixable: false }));
  });

  it('keeps the file\'s layout: byte order mark, CRLF line endings, no final newline', async () => {
    const crlf = (...lines: string[]) => lines.join('\r\n');
    const w = tempWorkspace({ [PATH]: `\uFEFF${crlf('# FEAT-001 Design: Notes', '', '## API Endpoints', '', '### GET /api/v1/notes/:id', 'Text.')}` });
    cleanup = w.cleanup;
    const r = await runCli(['lint', '--fix', '--root', w.root]);
    expect(r.stderr).toContain('fixed docs/features/001-notes/design.md: 1 change (format:param)');
    expect(readFileSync(join(w.root, PATH), 'utf8')).toBe(`\uFEFF${crlf('# FEAT-001 Design: Notes', '', '## API Endpoints', '', '### GET /api/v1/notes/{id}', 'Text.')}`);
  });

  it('leaves a file that is not valid UTF-8 as it is, and says so', async () => {
    const text = md('# FEAT-001 Design: Notes', '', '## API Endpoints', '', '### GET /api/v1/notes/:id', 'Caf\u00e9.');
    const bytes = Buffer.from(text.replace('\u00e9', 'E'), 'utf8');
    bytes[bytes.indexOf('E'.charCodeAt(0), bytes.length - 5)] = 0xe9; // latin-1 é: invalid UTF-8
    const w = tempWorkspace({ [PATH]: bytes });
    cleanup = w.cleanup;
    const r = await runCli(['lint', '--fix', '--root', w.root]);
    expect(r.stderr).toContain('not fixed docs/features/001-notes/design.md: it is not valid UTF-8');
    expect(readFileSync(join(w.root, PATH))).toEqual(bytes);
  });

  it('leaves a file that changed on disk since it was linted', async () => {
    const { applyFixes } = await import('../../src/lint/fix.js');
    const { loadWorkspace } = await import('../../src/workspace/load.js');
    const { lint } = await import('../../src/lint/engine.js');
    const { fsAccess } = await import('../../src/lint/fs-access.js');
    const w = tempWorkspace({ [PATH]: md('# FEAT-001 Design: Notes', '', '### GET /api/v1/notes/:id', 'Text.') });
    cleanup = w.cleanup;
    const loaded = await loadWorkspace(w.root);
    const diags = await lint(loaded, { rules: loaded.config.rules, ...fsAccess(loaded.workspace.root) });
    const edited = md('# FEAT-001 Design: Notes', '', '### GET /api/v1/notes/:id', 'Text written meanwhile.');
    w.write(PATH, edited);
    const result = await applyFixes(loaded.workspace.root, diags, loaded.docs);
    expect(result).toEqual([{ path: PATH, fixes: 0, rules: ['format:param'], skipped: 'it changed on disk since it was read; lint again' }]);
    expect(readFileSync(join(w.root, PATH), 'utf8')).toBe(edited);
  });
});
