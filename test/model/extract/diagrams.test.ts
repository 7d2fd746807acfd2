import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractDiagrams, mermaidType } from '../../../src/model/extract/diagrams.js';
import { docContext, md, SHARED } from '../../helpers.js';

const FRAGMENTS = ['# T', '## Tasks', '## File Plan', '## Files to CREATE', '### TASK-001: X (files 1-9)', '## Dependencies',
  '## Core Components', '### Backend', '## Performance Targets', '## Design Decisions', '### Choice 1: X',
  '- [ ] T001 [P] x `a/b.ts`', '- [x] 1. A', '  - [-] 1.1 B', '- [ ]* 2.1', '- [x] 🟩 **Step 1: S**', '- [ ]', '-', '- [',
  '| # | File | Action |', '|---|---|---|', '| 1 | `a.py` | CREATE |', '| | | |', '|', '```mermaid', '```', '```text', 'a -> b',
  '├── x.ts', '- **Model**: `M` - d', '- **X**:', '1. **N** (`p.py`)', '   - Purpose: p', '- 001-a: r', '**Depends on**: FEAT-001',
  '- API: < 200ms p95', '- [N]: [V]', '**Decision**: d', '- a.ts → b.ts', 'Read: #x, y.md#z', '>', '    code', '***', '[x]: y'];
const markdown = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((l) => l.join('\n'));

const seed = (prefix: string) => {
  const dir = new URL('seeds/', SHARED);
  return readFileSync(new URL(readdirSync(dir).find((f) => f.startsWith(prefix))!, dir), 'utf8');
};
const rows = (text: string) => extractDiagrams(docContext(text)).map((d) => [d.source.line, d.language, d.type]);

describe('mermaid', () => {
  test('seed 002: a flowchart and a sequence diagram at their fence lines', () => {
    const diagrams = extractDiagrams(docContext(seed('002_')));
    expect(diagrams.map((d) => [d.source.line, d.language, d.type])).toEqual([[23, 'mermaid', 'flowchart'], [38, 'mermaid', 'sequenceDiagram']]);
    expect(diagrams[0]!.code.split('\n')[0]).toBe('graph TD');
    expect(diagrams[1]!.code.endsWith('F-->>U: Updated UI\n')).toBe(true);
  });

  test('types: graph/flowchart, -v2 suffixes, comments and front matter skipped, unknown kept, empty null', () => {
    expect(mermaidType('flowchart LR\n  a --> b')).toBe('flowchart');
    expect(mermaidType('%% comment\n%%{init: {}}%%\n\ngraph TD\n')).toBe('flowchart');
    expect(mermaidType('stateDiagram-v2\n  [*] --> A')).toBe('stateDiagram');
    expect(mermaidType('classDiagram-v2\n')).toBe('classDiagram');
    expect(mermaidType('---\ntitle: X\n---\nerDiagram\n')).toBe('erDiagram');
    expect(mermaidType('dataflow\n  subgraph x\n')).toBe('dataflow');
    expect(mermaidType('gantt\n')).toBe('gantt');
    expect(mermaidType('\n%% only\n')).toBeNull();
  });
});

describe('text diagrams', () => {
  test('seed 003: the component diagram placeholder and the sequence diagram', () => {
    expect(rows(seed('003_'))).toEqual([[17, 'text', null], [23, 'mermaid', 'sequenceDiagram']]);
  });

  test('seed 004: arrows between boxes; seed 000: a file listing is not a diagram', () => {
    expect(rows(seed('004_'))).toEqual([[31, 'text', null]]);
    expect(rows(seed('000_'))).toEqual([]);
  });

  test('boxes, arrows and hierarchies count; file trees, JSON, pseudo-code and code do not', () => {
    expect(rows(md(
      '## A', '```', '┌─────┐', '│ API │', '└─────┘', '```',
      '## B', '```text', 'Claude CLI <--stdio--> MCP Server', '```',
      '## C', '```', 'POST /api/x', '   ↓', 'Validate', '```',
      '## D', '```', 'Account Dashboard', '├── AccountLayout (Navigation)', '└── Profile Section', '```',
      '## E', '```', 'src/', '├── index.ts', '└── lib/util.ts', '```',
      '## F', '```', '{ "a": "b -> c" }', '```',
      '## G', '```', '1. Load spec', '   → If not found: ERROR', '2. Fill context', '   → Detect type', '```',
      '## H', '```python', 'a -> b', '```',
      '## I', '```', 'just some text', '```'))).toEqual([
      [2, 'text', null], [8, 'text', null], [12, 'text', null], [18, 'text', null],
    ]);
  });
});

describe('corpus', () => {
  test('every mermaid block, unknown types as written, no exception', () => {
    const all: [string, number, string | null][] = [];
    for (const dir of ['A', 'B', 'C', 'D', 'E']) {
      for (const f of readdirSync(new URL(`corpus/${dir}/`, SHARED))) {
        const ctx = docContext(readFileSync(new URL(`corpus/${dir}/${f}`, SHARED), 'utf8'), { path: `${dir}/${f}` });
        for (const d of extractDiagrams(ctx)) all.push([`${dir}/${f.slice(0, 12)}`, d.source.line, d.type]);
      }
    }
    expect(all.filter((d) => d[0].startsWith('D/sun100'))).toEqual([
      ['D/sun100__01-d', 14, 'dataflow'], ['D/sun100__01-d', 69, 'classDiagram'], ['D/sun100__01-d', 147, 'erDiagram'],
      ['D/sun100__docs', 14, 'flowchart'], ['D/sun100__docs', 15, 'flowchart'], ['D/sun100__docs', 52, 'erDiagram'],
    ]);
    expect(all.filter((d) => d[2] !== null).length).toBe(10);
    expect(all.filter((d) => d[2] === null).length).toBe(7);
  });
});

test('never throws on arbitrary Markdown', () => {
  fc.assert(fc.property(markdown, (text) => {
    const ctx = docContext(text);
    expect(Array.isArray(extractDiagrams(ctx))).toBe(true);
  }), { numRuns: 300 });
});
