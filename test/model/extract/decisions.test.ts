import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractDecisions } from '../../../src/model/extract/decisions.js';
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
const rows = (text: string) => extractDecisions(docContext(text)).map((d) => [d.source.line, d.title, d.text]);

describe('decisions', () => {
  test('seed 001: Design Decisions bullets (read back although the parser sees link definitions)', () => {
    expect(rows(seed('001_'))).toEqual([[96, '[Decision 1]', '[Rationale]'], [97, '[Decision 2]', '[Rationale]']]);
  });

  test('seed 002: Technology Choices subsections with the Decision value and rationale bullets', () => {
    expect(rows(seed('002_'))).toEqual([
      [166, '[Technology/Pattern Name]', [
        '[What was chosen - e.g., "Use Server Components for data fetching"]',
        '[Reason 1 - e.g., "Better performance with streaming"]',
        '[Reason 2 - e.g., "Reduced client-side JavaScript"]',
        '[Reason 3 - e.g., "Simplified data loading logic"]',
      ].join('\n')],
      [183, '[Another Technology/Pattern]', '[Same structure as above]'],
    ]);
  });

  test('bullet forms: colon, "Decision N:" with a dash, bold labels, bold lead sentences', () => {
    expect(rows(md(
      '## Critical Decisions',
      '- Decision 1: Alembic + SQLAlchemy - simplest reliable stack.',
      '- Use UUIDs: `gen_random_uuid()` keeps ids in the DB',
      '- **Caching**: none in v1',
      '1. **Separate tables.** Avoids migration risk.',
      '- Keep it small'))).toEqual([
      [2, 'Alembic + SQLAlchemy', 'simplest reliable stack.'],
      [3, 'Use UUIDs', 'gen_random_uuid() keeps ids in the DB'],
      [4, 'Caching', 'none in v1'],
      [5, 'Separate tables', 'Avoids migration risk.'],
      [6, 'Keep it small', ''],
    ]);
  });

  test('ADR headings anywhere and Decision labels elsewhere', () => {
    expect(rows(md(
      '## Research', '### Storage engine', '**Decision**: PostgreSQL', '**Rationale**: JSONB support', '',
      '## Notes', '### ADR-002: Use queues', 'Jobs go through a queue.', '',
      '## Project Structure', '**Structure Decision**: Single project'))).toEqual([
      [3, 'Storage engine', 'PostgreSQL\nJSONB support'],
      [7, 'Use queues', 'Jobs go through a queue.'],
      [11, 'Structure Decision', 'Single project'],
    ]);
  });

  test('corpus: no exception on any file', () => {
    let total = 0;
    for (const dir of ['A', 'B', 'C', 'D', 'E']) {
      for (const f of readdirSync(new URL(`corpus/${dir}/`, SHARED))) {
        const ctx = docContext(readFileSync(new URL(`corpus/${dir}/${f}`, SHARED), 'utf8'), { path: `${dir}/${f}` });
        expect(() => extractDecisions(ctx)).not.toThrow();
        total += extractDecisions(ctx).length;
      }
    }
    expect(total).toBe(13);
  });
});

test('never throws on arbitrary Markdown', () => {
  fc.assert(fc.property(markdown, (text) => {
    const ctx = docContext(text);
    expect(Array.isArray(extractDecisions(ctx))).toBe(true);
  }), { numRuns: 300 });
});
