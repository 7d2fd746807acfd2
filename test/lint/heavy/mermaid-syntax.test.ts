import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { md, SHARED } from '../../helpers.js';
import { lintText } from '../lint-helpers.js';

type Found = [line: number, column: number, message: string];

async function mermaidErrors(text: string): Promise<Found[]> {
  const diags = await lintText(text);
  return diags.filter((d) => d.rule === 'mermaid-syntax').map((d) => [d.line, d.column, d.message]);
}

const doc = (...diagram: string[]) => md('# Widgets Design', '', '## Architecture', '', '```mermaid', ...diagram, '```');

const FLOW_EXPECTING = "Expecting 'SQE', 'DOUBLECIRCLEEND', 'PE', '-)', 'STADIUMEND', 'SUBROUTINEEND', 'PIPE', 'CYLINDEREND' or 7 more, got 'PS'";

// First in this file: nothing has loaded mermaid yet.
describe('mermaid-syntax: lazy loading', () => {
  it('a workspace without mermaid blocks loads neither a DOM nor mermaid', async () => {
    expect(await mermaidErrors(md('# Widgets Design', '', '## Overview', '', 'No diagrams here.'))).toEqual([]);
    expect('document' in globalThis).toBe(false);
    expect(await mermaidErrors(doc('flowchart LR', '    A --> B'))).toEqual([]);
    expect('document' in globalThis).toBe(true);
  });
});

describe('mermaid-syntax: valid diagrams pass', () => {
  it.each([
    ['flowchart', ['flowchart TD', '    A[Start] --> B{"Is it (really) valid?"}', '    B -->|yes| C((Done))']],
    ['sequenceDiagram', ['sequenceDiagram', '    participant U as User', '    U->>API: POST /widgets', '    API-->>U: 201 Created']],
    ['erDiagram', ['erDiagram', '    USER ||--o{ WIDGET : owns', '    WIDGET {', '        uuid id PK', '        text name', '    }']],
    ['classDiagram', ['classDiagram', '    class Widget {', '        +uuid id', '        +rename(name) void', '    }', '    Widget <|-- Gadget']],
    ['stateDiagram-v2', ['stateDiagram-v2', '    [*] --> Draft', '    Draft --> Published : publish', '    Published --> [*]']],
    ['front matter and directives', ['---', 'title: Widgets', '---', '%%{init: {"theme": "dark"}}%%', 'flowchart LR', '    %% a comment', '    A --> B']],
    ['non-ASCII labels', ['flowchart LR', '    A[Café ☕] --> B["Done 🎉"]']],
  ])('%s', async (_name, diagram) => {
    expect(await mermaidErrors(doc(...diagram))).toEqual([]);
  });
});

describe('mermaid-syntax: invalid diagrams are reported where they break', () => {
  it('flowchart: parentheses in a diamond label', async () => {
    // line 7: "    A[Start] --> B{Is it (really) valid?}", the "(" is column 26
    expect(await mermaidErrors(doc('flowchart TD', '    A[Start] --> B{Is it (really) valid?}'))).toEqual([
      [7, 26, `mermaid: Parse error: ${FLOW_EXPECTING} (found "(")`],
    ]);
  });

  it('sequenceDiagram: a message without a receiver', async () => {
    expect(await mermaidErrors(doc('sequenceDiagram', '    participant Alice', '    Alice->>: Hi'))).toEqual([
      [8, 13, "mermaid: Parse error: Expecting '+', '-', '()', 'ACTOR', got 'TXT' (found \": Hi\")"],
    ]);
  });

  it('erDiagram: attributes separated by commas on one line', async () => {
    // line 8: "    USER { uuid id PK, text name }": mermaid stops at "text" (column 24)
    expect(await mermaidErrors(doc('erDiagram', '    USER ||--o{ WIDGET : owns', '    USER { uuid id PK, text name }'))).toEqual([
      [8, 24, "mermaid: Parse error: Expecting 'ATTRIBUTE_KEY', got 'ATTRIBUTE_WORD' (found \"text\")"],
    ]);
  });

  it('classDiagram: a relation without its second class', async () => {
    expect(await mermaidErrors(doc('classDiagram', '    class Widget', '    Widget <|--', '    class Gadget'))).toEqual([
      [8, 16, "mermaid: Parse error: Expecting 'STR', 'ALPHA', 'AGGREGATION', 'EXTENSION', 'COMPOSITION', 'DEPENDENCY', 'LOLLIPOP', 'NUM' or 3 more, got 'NEWLINE'"],
    ]);
  });

  it('stateDiagram-v2: a one-dash arrow', async () => {
    expect(await mermaidErrors(doc('stateDiagram-v2', '    [*] --> Draft', '    Draft -> Published'))).toEqual([
      [8, 11, expect.stringMatching(/^mermaid: Parse error: Expecting 'SPACE', 'NL', .* got 'INVALID' \(found "-"\)$/)],
    ]);
  });

  it('pie (a langium grammar): line and column from its message', async () => {
    expect(await mermaidErrors(doc('pie title Pets', '    "Dogs" : 386', '    "Cats" 85'))).toEqual([
      [8, 12, "mermaid: Parse error: Expecting token of type ':' but found `85`."],
    ]);
  });

  it('end of input: a loop without its end is reported after the last character', async () => {
    // line 8 is "        A->>B: hi" (17 characters)
    expect(await mermaidErrors(doc('sequenceDiagram', '    loop every minute', '        A->>B: hi'))).toEqual([
      [8, 18, expect.stringMatching(/^mermaid: Parse error: Expecting 'SPACE', 'NEWLINE', .* or \d+ more, got '1'$/)],
    ]);
  });

  it('a lexical error is reported at its line', async () => {
    expect(await mermaidErrors(doc('block-beta', '    columns 3', '    a b c', '    d e['))).toEqual([[9, 5, 'mermaid: Lexical error: Unrecognized text.']]);
  });

  it('an unknown diagram type is reported on the fence line with the known types', async () => {
    const [found] = await mermaidErrors(doc('dataflow', '    User --> API'));
    expect(found?.slice(0, 2)).toEqual([5, 1]);
    expect(found?.[2]).toMatch(/^unknown diagram type "dataflow"; expected one of flowchart, graph, sequenceDiagram, classDiagram, /);
  });

  it('an empty diagram', async () => {
    const [found] = await mermaidErrors(doc('%% nothing yet'));
    expect(found?.slice(0, 2)).toEqual([5, 1]);
    expect(found?.[2]).toMatch(/^no diagram type \(the block is empty\); expected one of flowchart, /);
  });

  it('positions count the front matter, directives and comments mermaid removes', async () => {
    const diagram = ['---', 'title: Widgets', '---', '%%{init: {"theme": "dark"}}%%', '%% the flow', 'flowchart TD', '    A --> B{x (y)}'];
    expect(await mermaidErrors(doc(...diagram))).toEqual([[12, 15, `mermaid: Parse error: ${FLOW_EXPECTING} (found "(")`]]);
  });

  it('invalid YAML front matter is reported in the front matter, without crashing', async () => {
    expect(await mermaidErrors(doc('---', 'title: [Widgets', '---', 'flowchart TD', '    A --> B'))).toEqual([
      [7, 16, 'mermaid: front matter is not valid YAML: unexpected end of the stream within a flow collection'],
    ]);
  });

  it('a diagram inside a list item: the column counts the indentation', async () => {
    const text = md('# Widgets Design', '', '## Architecture', '', '- Flow:', '', '  ```mermaid', '  flowchart TD', '      A --> B{x (y)}', '  ```');
    expect(await mermaidErrors(text)).toEqual([[9, 17, `mermaid: Parse error: ${FLOW_EXPECTING} (found "(")`]]);
  });

  it('columns after non-ASCII text count UTF-16 code units (an emoji is two), like every featspec column', async () => {
    expect(await mermaidErrors(doc('flowchart TD', '    A["🎉"] --> B{x (y)}'))).toEqual([[7, 21, `mermaid: Parse error: ${FLOW_EXPECTING} (found "(")`]]);
  });

  it('the same broken diagram twice is reported twice', async () => {
    const text = doc('flowchart TD', '    A --> B{x (y)}') + md('', '```mermaid', 'flowchart TD', '    A --> B{x (y)}', '```');
    expect((await mermaidErrors(text)).map((f) => f.slice(0, 2))).toEqual([[7, 15], [12, 15]]);
  });
});

describe('mermaid-syntax on the corpus and the seeds', () => {
  const corpus = (p: string) => readFileSync(new URL(`corpus/${p}`, SHARED), 'utf8');

  it('D/sun100 80-pitch-deck: line 14 `dataflow` is no diagram type (DEVIATIONS 19)', async () => {
    const found = await mermaidErrors(corpus('D/sun100__01-docs__80-pitch-deck-supabase.md'));
    expect(found.map((f) => f.slice(0, 2))).toEqual([[14, 1]]);
    expect(found[0]![2]).toMatch(/^unknown diagram type "dataflow"; expected one of flowchart, graph, /);
  });

  it('D/sun100 46-cloude-sql: line 30 parentheses in a diamond, line 123 comma-separated attributes (DEVIATIONS 19)', async () => {
    expect(await mermaidErrors(corpus('D/sun100__docs__46-cloude-sql.md'))).toEqual([
      [30, 33, `mermaid: Parse error: ${FLOW_EXPECTING} (found "(")`],
      [123, 26, "mermaid: Parse error: Expecting 'ATTRIBUTE_KEY', got 'ATTRIBUTE_WORD' (found \"uuid\")"],
    ]);
  });

  it.each(['001_fa6b824fe38ce903.txt', '002_2a0a541a126a2827.txt', '003_3c5ff95660f2bbaa.txt'])('seed %s: its diagrams parse', async (seed) => {
    expect(await mermaidErrors(readFileSync(new URL(`seeds/${seed}`, SHARED), 'utf8'))).toEqual([]);
  });
});
