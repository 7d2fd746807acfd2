import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractFilePlan } from '../../../src/model/extract/file-plan.js';
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
const corpus = (dir: string, needle: string) => {
  const base = new URL(`corpus/${dir}/`, SHARED);
  const name = readdirSync(base).find((f) => f.includes(needle))!;
  return { path: `${dir}/${name}`, text: readFileSync(new URL(name, base), 'utf8') };
};
const rows = (entries: ReturnType<typeof extractFilePlan>) => entries.map((e) => [e.source.line, e.action, e.path, e.description]);

describe('file plan tables', () => {
  test('seed 001: the six rows of the File Plan table', () => {
    const plan = extractFilePlan(docContext(seed('001_'), { path: 'docs/features/001-x/design.md' }));
    expect(rows(plan)).toEqual([
      [70, 'CREATE', 'src/models/[resource].py', 'SQLAlchemy model'],
      [71, 'CREATE', 'src/schemas/[resource].py', 'Pydantic schemas'],
      [72, 'CREATE', 'src/repositories/[resource]_repo.py', 'Data access'],
      [73, 'CREATE', 'src/services/[resource]_service.py', 'Business logic'],
      [74, 'CREATE', 'src/api/v1/routes/[resource].py', 'API endpoints'],
      [75, 'MODIFY', 'src/api/v1/router.py', 'Register route'],
    ]);
    expect(plan[0]!.source.path).toBe('docs/features/001-x/design.md');
  });

  test('columns in any order and naming; actions normalized; renames; unknown actions reported', () => {
    const ctx = docContext(md(
      '## Changes', '',
      '| Purpose | Operation | Path |',
      '|---|---|---|',
      '| Model | new | `src/a.ts` |',
      '| Router | Update | src/b.ts (existing) |',
      '| Old | Remove | `src/c.ts` |',
      '| Move | Rename | `src/d.ts` → `src/e.ts` |',
      '| What | Archive | `src/f.ts` |'));
    expect(rows(extractFilePlan(ctx))).toEqual([
      [5, 'CREATE', 'src/a.ts', 'Model'],
      [6, 'MODIFY', 'src/b.ts', 'Router'],
      [7, 'DELETE', 'src/c.ts', 'Old'],
      [8, 'DELETE', 'src/d.ts', 'Move'],
      [8, 'CREATE', 'src/e.ts', 'Move'],
    ]);
    expect(ctx.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['file-plan-action', 9, 10]]);
  });

  test('a table without an action column counts only under a heading naming one action', () => {
    const plan = extractFilePlan(docContext(md(
      '## Backend Modules', '| Module | Path |', '|---|---|', '| `x` | `src/x.ts` |', '',
      '## Critical Files Summary', '| File | Action | Purpose |', '|---|---|---|', '| `src/y.py` | Create | Y |')));
    expect(rows(plan)).toEqual([[9, 'CREATE', 'src/y.py', 'Y']]);
  });
});

describe('file plan headings and lists', () => {
  test('Files to X headings: tables, trees, path headings, renames, Spanish, paragraphs', () => {
    const text = readFileSync(new URL('../../fixtures/file-plan/headings.md', import.meta.url), 'utf8');
    expect(rows(extractFilePlan(docContext(text)))).toEqual([
      [7, 'DELETE', 'src/agent-session.ts', 'Replaced by MCP'],
      [15, 'CREATE', 'mcp-server/package.json', null],
      [17, 'CREATE', 'mcp-server/src/index.ts', 'Entry point'],
      [18, 'CREATE', 'mcp-server/src/tools.ts', 'Tool definitions'],
      [29, 'DELETE', 'src/agent-tools.ts', null],
      [29, 'CREATE', 'src/tool-executor.ts', null],
      [33, 'MODIFY', 'src/main.ts', null],
      [42, 'CREATE', 'src/lib/email/resend.ts', 'Configuración de Resend'],
      [45, 'MODIFY', '.env', 'Agregadas variables'],
      [46, 'MODIFY', 'src/app/(dashboard)/page.tsx', 'integrado'],
      [61, 'MODIFY', 'src/code_forge/tools/__init__.py', null],
    ]);
  });

  test('per-task **Files**: bullets and action headings', () => {
    const plan = extractFilePlan(docContext(md(
      '### TASK-001: Script', '**Files**:', '- Create: `lectures/gen.py`', '- Modify: `lectures/lecture-01.ipynb`', '- `notes.md`', '',
      '## Shared Types', '### New: `shared/src/gig.types.ts`', 'Core types.', '### Update: `shared/src/queue.types.ts`')));
    expect(rows(plan)).toEqual([
      [3, 'CREATE', 'lectures/gen.py', null],
      [4, 'MODIFY', 'lectures/lecture-01.ipynb', null],
      [8, 'CREATE', 'shared/src/gig.types.ts', null],
      [10, 'MODIFY', 'shared/src/queue.types.ts', null],
    ]);
  });

  test('project structure trees and key-files lists are not a file plan', () => {
    expect(extractFilePlan(docContext(seed('000_')))).toEqual([]);
    expect(extractFilePlan(docContext(seed('004_')))).toEqual([]);
  });
});

describe('corpus', () => {
  test('MCP plan: DELETE table, CREATE tree and headings, MODIFY with a rename', () => {
    const doc = corpus('C', 'PLAN_MCP_BROWSER_AUTOMATION');
    const plan = extractFilePlan(docContext(doc.text, { path: doc.path }));
    expect(plan.map((e) => [e.source.line, e.action, e.path])).toEqual([
      [29, 'DELETE', 'src/agent-session.ts'], [30, 'DELETE', 'src/cli-config.ts'],
      [42, 'CREATE', 'mcp-server/package.json'], [43, 'CREATE', 'mcp-server/tsconfig.json'],
      [45, 'CREATE', 'mcp-server/src/index.ts'], [46, 'CREATE', 'mcp-server/src/tools.ts'],
      [47, 'CREATE', 'mcp-server/src/electron-client.ts'], [212, 'CREATE', 'src/tool-server.ts'],
      [256, 'DELETE', 'src/agent-tools.ts'], [256, 'CREATE', 'src/tool-executor.ts'],
      [271, 'MODIFY', 'src/main.ts'], [330, 'MODIFY', 'src/preload.ts'], [341, 'MODIFY', 'src/renderer/app.ts'],
      [345, 'MODIFY', 'src/types.ts'],
    ]);
  });

  test('OpenCode plan: indented listings and the summary table merge (first line wins, descriptions filled)', () => {
    const doc = corpus('C', 'OpenCode');
    const plan = extractFilePlan(docContext(doc.text, { path: doc.path }));
    expect(plan.length).toBe(13);
    expect(rows(plan).slice(0, 2)).toEqual([
      [45, 'CREATE', 'src/code_forge/tools/task/__init__.py', 'Module init with register_task_tools()'],
      [46, 'CREATE', 'src/code_forge/tools/task/task.py', 'TaskTool implementation'],
    ]);
    expect(rows(plan).find((r) => r[2] === 'src/code_forge/tools/__init__.py')).toEqual(
      [149, 'MODIFY', 'src/code_forge/tools/__init__.py', 'Add registration calls']);
    expect(rows(plan).at(-1)).toEqual([250, 'MODIFY', 'src/code_forge/agents/base.py', 'Add rag_manager to AgentContext']);
  });

  test('no exception on any corpus file', () => {
    for (const dir of ['A', 'B', 'C', 'D', 'E']) {
      for (const f of readdirSync(new URL(`corpus/${dir}/`, SHARED))) {
        const ctx = docContext(readFileSync(new URL(`corpus/${dir}/${f}`, SHARED), 'utf8'), { path: `${dir}/${f}` });
        expect(() => extractFilePlan(ctx)).not.toThrow();
      }
    }
  });
});

test('never throws on arbitrary Markdown', () => {
  fc.assert(fc.property(markdown, (text) => {
    const ctx = docContext(text);
    expect(Array.isArray(extractFilePlan(ctx))).toBe(true);
  }), { numRuns: 300 });
});

test('a Key Files table gives nothing and no warning; a File Plan table without actions warns per row', () => {
  const ctx = docContext(md(
    '## Key Files', '| File | Purpose |', '|---|---|', '| `src/a.py` | A |', '',
    '## File Plan', '| # | File | Description |', '|---|---|---|', '| 1 | `src/b.py` | B |'));
  expect(extractFilePlan(ctx)).toEqual([]);
  expect(ctx.diagnostics.map((d) => [d.rule, d.severity, d.line, d.message])).toEqual([
    ['file-plan-action', 'warning', 9, 'file plan row for src/b.py has no action; expected CREATE, MODIFY or DELETE'],
  ]);
});
