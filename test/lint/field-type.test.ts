/** field-type: primitives, lists, entities, and types the feature's documents declare in code. */
import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

async function unknownTypes(...lines: string[]): Promise<string[]> {
  const diags = await lintText(md('# FEAT-001 Design: Analyses', '', ...lines));
  return diags.filter((d) => d.rule === 'field-type').map((d) => /has type "(.*?)"/.exec(d.message)![1]!);
}

describe('field-type', () => {
  it('knows primitives, lists, optionals, entities, and types declared in the documents\' code blocks', async () => {
    expect(await unknownTypes(
      '## Data Models', '',
      '### Score', '| Field | Type |', '|---|---|', '| id | uuid |', '| value | int |', '',
      '### Analysis', '| Field | Type | Notes |', '|---|---|---|',
      '| id | UUID | Key |', '| tags | list[str] | Labels |', '| best | Score? | Entity, optional |', '| scores | Score[] | Entities |',
      '| category | CategoryAnalysis | Declared below |', '| steps | NextStep[] | Declared below |', '| role | Role | A declared enum |',
      '| kind | Strng | A typo |', '| extra | Gizmo | Declared nowhere |', '',
      '## Components', '', '```typescript', 'export interface CategoryAnalysis {', '  best: string;', '}', 'type NextStep = { title: string };', 'enum Role { Admin, Member }', '```',
      '', '```json', '{ "note": "interface Gizmo {} in JSON declares nothing" }', '```',
    )).toEqual(['Strng', 'Gizmo']);
  });
});
