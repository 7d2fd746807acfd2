import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractTargets } from '../../../src/model/extract/targets.js';
import { parseTarget } from '../../../src/model/extract/targets-parse.js';
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
const rows = (text: string) => extractTargets(docContext(text)).map((t) => [t.source.line, t.text, t.metric, t.value, t.unit]);

describe('targets', () => {
  test('seed 002: nested performance headings, values, units and placeholders', () => {
    expect(rows(seed('002_'))).toEqual([
      [209, 'API endpoints: < 200ms p95', 'API endpoints', 200, 'ms'],
      [210, 'Page loads: < 2 seconds initial load', 'Page loads', 2, 's'],
      [211, 'Interactions: < 100ms feedback', 'Interactions', 100, 'ms'],
      [214, 'Support: [Number] concurrent users', 'Support', null, 'concurrent users'],
      [215, 'Database connections: [Pool size]', 'Database connections', null, null],
      [218, 'Expected records: [Estimate]', 'Expected records', null, null],
      [219, 'Growth rate: [Estimate]', 'Growth rate', null, null],
      [220, 'Retention: [Policy]', 'Retention', null, null],
    ]);
  });

  test('seeds 003/004: performance advice without numbers is not a target', () => {
    expect(rows(seed('003_'))).toEqual([]);
    expect(rows(seed('004_'))).toEqual([]);
  });

  test('units normalized', () => {
    const parse = (t: string) => { const p = parseTarget(t); return [p.metric, p.value, p.unit]; };
    expect(parse('Support: 1000 concurrent users')).toEqual(['Support', 1000, 'concurrent users']);
    expect(parse('99.9% uptime')).toEqual(['uptime', 99.9, '%']);
    expect(parse('Throughput: 500 req/s')).toEqual(['Throughput', 500, 'req/s']);
    expect(parse('Throughput: 1,200 rps')).toEqual(['Throughput', 1200, 'req/s']);
    expect(parse('Memory: under 512 MB')).toEqual(['Memory', 512, 'MB']);
    expect(parse('Storage: 2GB per tenant')).toEqual(['Storage', 2, 'GB']);
    expect(parse('Batch: 5 minutes')).toEqual(['Batch', 5, 'min']);
    expect(parse('Users: 10k daily users')).toEqual(['Users', 10000, 'daily users']);
    expect(parse('Query limit: 100 items per page')).toEqual(['Query limit', 100, 'items']);
    expect(parse('click jitter under 5 ms')).toEqual(['click jitter', 5, 'ms']);
    expect(parse('p95 latency < 300 msec')).toEqual(['p95 latency', 300, 'ms']);
  });

  test('SLO and scalability headings, tables, Target columns anywhere, Performance Goals labels', () => {
    expect(rows(md(
      '## SLOs', '- Availability: 99.95% monthly', '- Error budget reviews weekly', '',
      '## Scalability', '| Metric | Target |', '|---|---|', '| Concurrent users | 5000 concurrent users |', '',
      '## Rollout', '| Metric | Goal | Owner |', '|---|---|---|', '| Adoption | 40% | PM |', '',
      '## Testing', '### Performance Tests', '- Load test at 200 rps', '',
      '**Performance Goals**: <3s app startup, 60fps UI; stable timing'))).toEqual([
      [2, 'Availability: 99.95% monthly', 'Availability', 99.95, '%'],
      [8, 'Concurrent users: 5000 concurrent users', 'Concurrent users', 5000, 'concurrent users'],
      [13, 'Adoption: 40%', 'Adoption', 40, '%'],
      [19, '<3s app startup', 'app startup', 3, 's'],
      [19, '60fps UI', 'UI', 60, 'fps'],
    ]);
  });

  test('corpus: spec-kit Performance Goals labels; no exception on any file', () => {
    const base = new URL('corpus/A/', SHARED);
    const name = readdirSync(base).find((f) => f.startsWith('GuitarAccuracy') && f.endsWith('plan.md'))!;
    const guitar = extractTargets(docContext(readFileSync(new URL(name, base), 'utf8')));
    expect(guitar.map((t) => [t.source.line, t.metric, t.value, t.unit])).toEqual([[41, 'click jitter', 5, 'ms'], [41, 'smooth UI', 60, 'fps']]);
    for (const dir of ['A', 'B', 'C', 'D', 'E']) {
      for (const f of readdirSync(new URL(`corpus/${dir}/`, SHARED))) {
        const ctx = docContext(readFileSync(new URL(`corpus/${dir}/${f}`, SHARED), 'utf8'), { path: `${dir}/${f}` });
        expect(() => extractTargets(ctx)).not.toThrow();
      }
    }
  });
});

test('never throws on arbitrary Markdown', () => {
  fc.assert(fc.property(markdown, (text) => {
    const ctx = docContext(text);
    expect(Array.isArray(extractTargets(ctx))).toBe(true);
  }), { numRuns: 300 });
});
