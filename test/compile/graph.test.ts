/** The dependency graph and its three formats: edges, missing dependencies and cycles, exactly. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatGraph, graphDot, graphJson, graphMermaid } from '../../src/compile/graph-format.js';
import { dependencyGraph, type DependencyGraph } from '../../src/compile/graph.js';
import { loadMermaid } from '../../src/lint/heavy/mermaid-load.js';
import type { Feature, Workspace } from '../../src/model/schema.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { PROGRESS_FILES } from '../cli/progress-workspace.js';
import { tempWorkspace } from '../helpers.js';
import { EXAMPLES } from './compile-cases.js';

const at = (feature: string, line: number) => ({ path: `docs/features/${feature}/design.md`, line });

describe('a workspace with a cycle and a missing dependency', () => {
  const ws = tempWorkspace(PROGRESS_FILES);
  let g: DependencyGraph;
  beforeAll(async () => {
    g = dependencyGraph((await loadWorkspace(ws.root)).workspace);
  });
  afterAll(() => ws.cleanup());

  test('nodes, edges (cycle edges marked), missing dependencies and cycles', () => {
    expect(g).toEqual({
      nodes: [
        { id: '001-accounts', title: 'Accounts' },
        { id: '002-boards', title: 'Boards | "quoted" #1' },
        { id: '003-cards', title: 'Cards' },
        { id: '004-tags', title: 'Tags' },
      ],
      edges: [
        { from: '001-accounts', to: '002-boards', cycle: true, source: at('001-accounts', 4) },
        { from: '002-boards', to: '001-accounts', cycle: true, source: at('002-boards', 4) },
        { from: '003-cards', to: '004-tags', cycle: false, source: at('003-cards', 4) },
      ],
      missing: [{ from: '002-boards', ref: '999-ghost', problem: 'no feature numbered 999 in the workspace', source: at('002-boards', 5) }],
      cycles: [['001-accounts', '002-boards']],
    });
  });

  test('mermaid: red cycle links and nodes, a dashed link to the missing node; mermaid parses it', async () => {
    const text = graphMermaid(g);
    expect(text).toBe([
      '%% featspec graph: an arrow A -> B means A depends on B; red: a dependency cycle; dashed: a dependency on no feature of the workspace',
      'flowchart LR',
      '  f001_accounts["001-accounts: Accounts"]',
      '  f002_boards["002-boards: Boards | #quot;quoted#quot; #35;1"]',
      '  f003_cards["003-cards: Cards"]',
      '  f004_tags["004-tags: Tags"]',
      '  missing_999_ghost["999-ghost (missing)"]',
      '  f001_accounts --> f002_boards',
      '  f002_boards --> f001_accounts',
      '  f003_cards --> f004_tags',
      '  f002_boards -.-> missing_999_ghost',
      '  classDef cycle fill:#fde8e8,stroke:#d32f2f,stroke-width:2px',
      '  class f001_accounts,f002_boards cycle',
      '  linkStyle 0,1 stroke:#d32f2f,stroke-width:2px',
      '  classDef missing fill:#f5f5f5,stroke:#9e9e9e,stroke-dasharray:4 4,color:#616161',
      '  class missing_999_ghost missing',
      '',
    ].join('\n'));
    expect(await (await loadMermaid()).check(text)).toEqual({ ok: true });
  }, 60_000);

  test('dot: color=red on cycle nodes and edges, dashed missing node', () => {
    expect(graphDot(g)).toBe([
      '// featspec graph: an arrow A -> B means A depends on B; red: a dependency cycle; dashed: a dependency on no feature of the workspace',
      'digraph features {',
      '  rankdir=LR;',
      '  node [shape=box];',
      '  "001-accounts" [label="001-accounts\\nAccounts", color=red, penwidth=2];',
      '  "002-boards" [label="002-boards\\nBoards | \\"quoted\\" #1", color=red, penwidth=2];',
      '  "003-cards" [label="003-cards\\nCards"];',
      '  "004-tags" [label="004-tags\\nTags"];',
      '  "missing:999-ghost" [label="999-ghost\\n(missing)", style=dashed, color=gray];',
      '  "001-accounts" -> "002-boards" [color=red, penwidth=2];',
      '  "002-boards" -> "001-accounts" [color=red, penwidth=2];',
      '  "003-cards" -> "004-tags";',
      '  "002-boards" -> "missing:999-ghost" [style=dashed, color=gray];',
      '}',
      '',
    ].join('\n'));
  });

  test('json: the graph, with cycles as id lists', () => {
    const json = JSON.parse(graphJson(g)) as DependencyGraph;
    expect(json.cycles).toEqual([['001-accounts', '002-boards']]);
    expect(json.edges.filter((e) => e.cycle).map((e) => `${e.from}->${e.to}`)).toEqual(['001-accounts->002-boards', '002-boards->001-accounts']);
    expect(json.missing.map((m) => m.ref)).toEqual(['999-ghost']);
    expect(formatGraph(g, 'json')).toBe(graphJson(g));
    expect(formatGraph(g, 'dot')).toBe(graphDot(g));
    expect(formatGraph(g, 'mermaid')).toBe(graphMermaid(g));
  });
});

function feature(id: string, deps: string[]): Feature {
  const [num, ...slug] = id.split('-');
  return {
    id, number: Number(num), slug: slug.join('-'), title: id.toUpperCase(), docs: [], summary: null, lastUpdated: null, entities: [], endpoints: [], tables: [],
    filePlan: [], tasks: [], dependencies: deps.map((d, i) => ({ feature: d, reason: null, source: at(id, 3 + i) })), config: [], components: [],
    diagrams: [], targets: [], decisions: [], diagnostics: [],
  };
}
const workspace = (...features: Feature[]): Workspace => ({ version: 1, root: '/w', features, diagnostics: [] });

describe('cycles', () => {
  test('a self-dependency and a component with two cycles: every edge on a cycle is marked, off-cycle edges are not', () => {
    const g = dependencyGraph(workspace(
      feature('001-a', ['002-b']),
      feature('002-b', ['003-c', '001-a']),
      feature('003-c', ['001-a', '004-d']),
      feature('004-d', []),
      feature('005-e', ['005-e', '001-a', '001']),
    ));
    expect(g.edges.map((e) => `${e.from}->${e.to}${e.cycle ? ' (cycle)' : ''}`)).toEqual([
      '001-a->002-b (cycle)', '002-b->001-a (cycle)', '002-b->003-c (cycle)', '003-c->001-a (cycle)', '003-c->004-d', '005-e->001-a', '005-e->005-e (cycle)',
    ]);
    expect(g.cycles).toEqual([['001-a', '002-b'], ['001-a', '002-b', '003-c'], ['005-e']]);
    expect(graphMermaid(g)).toContain('  class f001_a,f002_b,f003_c,f005_e cycle\n  linkStyle 0,1,2,3,6 stroke:#d32f2f,stroke-width:2px\n');
    expect(graphDot(g)).toContain('  "005-e" -> "005-e" [color=red, penwidth=2];\n');
  });

  test('no features: an empty graph that mermaid still parses', async () => {
    const g = dependencyGraph(workspace());
    expect(g).toEqual({ nodes: [], edges: [], missing: [], cycles: [] });
    expect(await (await loadMermaid()).check(graphMermaid(g))).toEqual({ ok: true });
    expect(graphDot(g)).toBe(`${graphDot(g).split('\n')[0]}\ndigraph features {\n  rankdir=LR;\n  node [shape=box];\n}\n`);
  }, 60_000);
});

describe('examples', () => {
  test.each(['mermaid', 'dot', 'json'] as const)('%s matches the golden file', async (format) => {
    const g = dependencyGraph((await loadWorkspace(EXAMPLES)).workspace);
    const text = formatGraph(g, format);
    await expect(text).toMatchFileSnapshot(`../fixtures/graph/examples.${format === 'mermaid' ? 'mmd' : format}`);
    if (format === 'mermaid') expect(await (await loadMermaid()).check(text)).toEqual({ ok: true });
  }, 60_000);
});
