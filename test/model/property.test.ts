import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { buildFeature } from '../../src/model/feature.js';
import { FeatureSchema } from '../../src/model/schema.js';
import { decodeDocument } from '../../src/workspace/read.js';

const PATH = 'docs/features/001-prop/design.md';

/** Full pipeline from bytes to a feature; returns the feature for inspection. */
function pipeline(bytes: Uint8Array) {
  const read = decodeDocument(bytes, PATH);
  const parsed = read.text === null ? [] : [{ path: PATH, ...parseMarkdown(read.text, PATH) }];
  return buildFeature({ id: '001-prop', number: 1, slug: 'prop' }, parsed, null, read.diagnostics);
}

function check(bytes: Uint8Array) {
  const f = pipeline(bytes);
  expect(FeatureSchema.safeParse(f).success).toBe(true);
  for (const d of f.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.path).toBe(PATH);
  }
}

// Lines that exercise every extractor, to be shuffled and combined by the generator.
const TRICKY = [
  '# FEAT-001 Design: X', '## Data Models', '### Widget', '| Field | Type | Required | Default | Description |', '|---|---|---|---|---|',
  '| id | UUID | auto | uuid4() | key |', '| a | b |', '| x |', '|', '||', '## API Endpoints', '### POST /api/v1/widgets', '| Aspect | Detail |',
  '| Auth | Required |', '| Response 201 | Widget |', '#### `GET /api/x/:id?page=1`', '**Authentication**: Required', '**Error Responses**:',
  '- `404 Not Found`: nope', '```json', '```', '```sql', 'CREATE TABLE t (id uuid PRIMARY KEY);', '```mermaid', 'graph TD', 'A-->B', '```yaml',
  'POST /api/v1/feature', '  Request:', '- [x] T001 Create src/a.ts', '- [ ] TASK-001: do', '- [-] 1.2 doing', '### TASK-002: Thing (files 1-2)',
  'Read: A.md#x, #y', '## File Plan', '| # | File | Action | Description |', '| 1 | src/a.ts | CREATE | a |', '## Dependencies', '- 001-accounts: ids',
  '**Depends on**: FEAT-002', '## Configuration', 'FOO_BAR=1', '```env', '## Performance Targets', '- API: < 200ms p95', '## Design Decisions',
  '- Use X: because', '## Core Components', '- **Model**: `Widget` - w', '1. **Svc** (`src/s.py`)', '{', '"a": "string",', '}', 'interface A { b?: string }',
  '---', 'style: plan', '> quote', '<!-- featspec-disable -->', '**Last Updated**: 2026-02-30', '\t- nested', '    code', '[link](#x)', '\\|', '`', '**', '',
];

describe('parsing never throws (property-based)', () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000, unit: 'grapheme' }), (s) => check(new TextEncoder().encode(s))), { numRuns: 300 });
  });

  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => check(b)), { numRuns: 300 });
  });

  it('arbitrary documents made of tricky Markdown lines', () => {
    const line = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 40 }));
    fc.assert(fc.property(fc.array(line, { maxLength: 120 }), (lines) => check(new TextEncoder().encode(lines.join('\n')))), { numRuns: 400 });
  });
});
