import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractDependencies } from '../../../src/model/extract/dependencies.js';
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
const deps = (text: string, featureId = '005-current') => {
  const ctx = docContext(text, { path: 'docs/features/x/plan.md' });
  ctx.featureId = featureId;
  return extractDependencies(ctx).map((d) => [d.feature, d.reason, d.source.line]);
};

describe('dependencies', () => {
  test('"Feature 003" (the word and a number) is an id too, under a dependency heading or label', () => {
    expect(deps(md('# FEAT-005 Design: Current', '', '**Depends on**: Feature 001', '', '## Dependencies', '', '- Feature 003 (billing)', '- FEATURE 004: exports', '- The feature 2 of the roadmap', '- Feature 0031.5 notes'))).toEqual([
      ['Feature 001', null, 3],
      ['Feature 003', '(billing)', 7],
      ['FEATURE 004', 'exports', 8],
    ]);
  });

  test('seed 002: placeholder ids under the bold label, as written; integration headings are not dependencies', () => {
    expect(deps(seed('002_'))).toEqual([
      ['[001-feature-name]', '[What we need from it]', 16],
      ['[002-feature-name]', '[What we need from it]', 17],
    ]);
  });

  test('dependency headings: list items, reasons, FEATURE-x.y ids, items without ids skipped', () => {
    expect(deps(md(
      '# FEATURE-3.1: Booking', '',
      '## Dependencies', '',
      '- FEATURE-1.1: Patient Registration',
      '- FEATURE-2.2: Practitioner Management (schedules)',
      '- SMS/WhatsApp gateway for reminders',
      '- [001-accounts](../001-accounts/design.md): user ids',
      '', '## Enables', '- FEATURE-3.2: Queue Management'), 'FEATURE-3.1-booking')).toEqual([
      ['FEATURE-1.1', 'Patient Registration', 5],
      ['FEATURE-2.2', 'Practitioner Management (schedules)', 6],
      ['001-accounts', 'user ids', 8],
    ]);
  });

  test('inline labels, several ids on one line, plain Depends on lines, dedupe, own id and task ids excluded', () => {
    expect(deps(md(
      '# Feature',
      '**Priority**: P1 | **Dependencies**: 001-accounts, 002-billing',
      '',
      'Depends on: FEAT-003 (auth tokens)',
      '',
      '- **Depends on**: 001-accounts for user ids',
      '**Dependencies**: TASK-003, T012, 005-current',
      '',
      '## Related', 'See [002-billing](../002-billing/design.md) and 004-search.',
      '', '## Prerequisites', '- 006-search-index: the index, built 2024-01-15'))).toEqual([
      ['001-accounts', null, 2],
      ['002-billing', null, 2],
      ['FEAT-003', '(auth tokens)', 4],
      ['006-search-index', 'the index, built 2024-01-15', 13],
    ]);
  });

  test('a list item under a dependency heading that starts with a bare feature number and a colon or dash names it', () => {
    expect(deps(md('# Current', '', '## Dependencies', '', '- 003: user ids', '- 004 – billing events', '- 100 requests per second from 2 services', '- 2025: the year it ships', '* 0012 - exports',
      '', '## Notes', '- 007: not a dependency section'))).toEqual([
      ['003', 'user ids', 5],
      ['004', 'billing events', 6],
      ['0012', 'exports', 9],
    ]);
  });

  test('FEAT-001 is the own feature 001-x', () => {
    expect(deps(md('**Depends on**: FEAT-001, FEAT-002'), '001-accounts')).toEqual([['FEAT-002', null, 1]]);
  });

  test('a link reference definition item is read from its source line', () => {
    expect(deps(md('## Dependencies', '- [001-accounts]: users'))).toEqual([['[001-accounts]', 'users', 2]]);
  });

  test('corpus: no exception; brainstorming dependencies', () => {
    let total = 0;
    for (const dir of ['A', 'B', 'C', 'D', 'E']) {
      for (const f of readdirSync(new URL(`corpus/${dir}/`, SHARED))) {
        const ctx = docContext(readFileSync(new URL(`corpus/${dir}/${f}`, SHARED), 'utf8'), { path: `${dir}/${f}` });
        expect(() => extractDependencies(ctx)).not.toThrow();
        total += extractDependencies(ctx).length;
      }
    }
    expect(total).toBe(3);
  });
});

test('never throws on arbitrary Markdown', () => {
  fc.assert(fc.property(markdown, (text) => {
    const ctx = docContext(text);
    expect(Array.isArray(extractDependencies(ctx))).toBe(true);
  }), { numRuns: 300 });
});
