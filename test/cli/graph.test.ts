/** `featspec graph`: the run function (wired into the program separately). */
import { afterAll, describe, expect, test } from 'vitest';
import { runGraph } from '../../src/cli/graph.js';
import { UsageError } from '../../src/cli/result.js';
import { tempWorkspace } from '../helpers.js';
import { PROGRESS_FILES } from './progress-workspace.js';

const ws = tempWorkspace(PROGRESS_FILES);
afterAll(() => ws.cleanup());
const opts = { root: ws.root, color: false };

const NOTES = [
  'dependency cycle: 001-accounts -> 002-boards -> 001-accounts',
  'docs/features/002-boards/design.md:5: 002-boards depends on "999-ghost": no feature numbered 999 in the workspace',
];

describe('featspec graph', () => {
  test('mermaid by default; cycles and missing dependencies also noted on stderr; exit 0', async () => {
    const r = await runGraph(opts);
    expect(r.exitCode).toBe(0);
    expect(r.notes).toEqual(NOTES);
    expect(r.text!.split('\n').slice(1, 3)).toEqual(['flowchart LR', '  f001_accounts["001-accounts: Accounts"]']);
    expect(r.text).toContain('  linkStyle 0,1 stroke:#d32f2f,stroke-width:2px');
    expect(r.text!.endsWith('\n')).toBe(false);
  });

  test('--format dot', async () => {
    const r = await runGraph(opts, { format: 'dot' });
    expect(r.text).toContain('\n  "002-boards" -> "001-accounts" [color=red, penwidth=2];\n');
    expect(r.text).toContain('\n  "002-boards" -> "missing:999-ghost" [style=dashed, color=gray];\n');
  });

  test('--format json and --json print the graph with its cycles', async () => {
    for (const r of [await runGraph(opts, { format: 'json' }), await runGraph({ ...opts, json: true }, { format: 'dot' })]) {
      expect(r.json).toMatchObject({ cycles: [['001-accounts', '002-boards']], missing: [{ from: '002-boards', ref: '999-ghost' }] });
      expect(JSON.parse(r.text!)).toEqual(r.json);
    }
  });

  test('an unknown format is a usage error', async () => {
    await expect(runGraph(opts, { format: 'svg' })).rejects.toThrow(new UsageError('--format: expected one of mermaid, dot, json, got "svg"'));
  });

  test('an empty workspace', async () => {
    const empty = tempWorkspace({ 'docs/features/.keep': '' });
    try {
      const r = await runGraph({ root: empty.root, color: false });
      expect(r.notes).toEqual(['no features found']);
      expect(r.json).toEqual({ nodes: [], edges: [], missing: [], cycles: [] });
    } finally {
      empty.cleanup();
    }
  });
});
