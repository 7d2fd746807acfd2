/** no-placeholder: what is a template leftover and what only looks like one. */
import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

/** The no-placeholder findings of a design document whose body is `lines` (line 3 on), as `line: leftover`. */
async function leftovers(...lines: string[]): Promise<string[]> {
  const diags = await lintText(md('# FEAT-001 Design: Tags', '', ...lines), { rules: { 'no-placeholder': 'error' } });
  return diags.filter((d) => d.rule === 'no-placeholder').map((d) => `${d.line}: ${/placeholder (.*) left in/.exec(d.message)![1]}`);
}

describe('no-placeholder', () => {
  it('finds bracketed template text in prose, headings, tables and code', async () => {
    expect(await leftovers(
      '## [Feature Name] Overview',
      '[Brief description] of the feature.',
      '| Field | Notes |',
      '|---|---|',
      '| created | [YYYY-MM-DD] |',
      '```bash',
      '[VAR_NAME]=[description]',
      'echo "[Brief description of the step]"',
      '```',
    )).toEqual(['3: [Feature Name]', '4: [Brief description]', '7: [YYYY-MM-DD]', '9: [VAR_NAME]', '10: [Brief description of the step]']);
  });

  it('finds FEAT-XXX, TASK-XXX, NEEDS CLARIFICATION and TBD, once each even inside a bracket', async () => {
    expect(await leftovers(
      'Depends on FEAT-XXX.',
      '### TASK-XXX: Model',
      'Storage: TBD.',
      'Auth: [NEEDS CLARIFICATION: which provider?]',
      'Retention: NEEDS CLARIFICATION',
    )).toEqual(['3: FEAT-XXX', '4: TASK-XXX', '5: TBD', '6: [NEEDS CLARIFICATION: which provider?]', '7: NEEDS CLARIFICATION']);
  });

  it('leaves links, footnotes, checkboxes, types, indexes and notations alone', async () => {
    expect(await leftovers(
      'See [the guide](https://example.com), [the spec][spec], [RFC 9457] and a note[^1].',
      '',
      '[spec]: https://example.com/spec',
      '[RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457',
      '[^1]: A footnote.',
      '',
      '- [x] done',
      '- [ ] open',
      '',
      'Types `list[str]`, `Record<string, string[]>`, string[]; `items[0]`, matrix[i][j]; the class [a-z0-9_]; [P] [US1] [FR-006].',
      'Words like TBDs, FEAT-001 and TASK-007 are not markers.',
      '```python',
      'items = data["items"][0]',
      'row[key] = value',
      '```',
      'Routes such as /users/[id] are Next.js parameters.',
    )).toEqual([]);
  });

  it('leaves wiki links, key names and status tags alone', async () => {
    expect(await leftovers(
      'See [[Architecture]] and [[Data Model|the model]].',
      'Press [Ctrl+C] to stop, [Enter] to go on, [Cmd + Shift + P] for commands, [F5] to reload.',
      '- [WIP] Sync, [DONE] Login, [Deprecated] v1 API, [Optional] export, [MVP] search, [High] priority',
      '- [Brief description] and [description] are still leftovers, as is [Feature Name]].',
    )).toEqual(['6: [Brief description]', '6: [description]', '6: [Feature Name]']);
  });

  it('leaves box names in text diagrams alone, unless they are the templates\' own phrases', async () => {
    expect(await leftovers(
      '```',
      '[Admin] -> [Worker] -> [Queue]',
      '```',
      'Client -> [API Gateway] -> [Service] -> DB',
      '```text',
      '[Component A] -> [Component B]',
      '```',
      '[User Input] → [Process] → [Output]',
      'A single arrow is no diagram: step one -> [Brief description]',
    )).toEqual(['8: [Component A]', '8: [Component B]', '10: [User Input]', '10: [Process]', '10: [Output]', '11: [Brief description]']);
  });

  it('tells a character class or range from a template phrase or date format with a dash', async () => {
    expect(await leftovers(
      'Slugs match [a-z0-9-] and [A-Za-z0-9_]; pick [1-5].',
      '[1-2 sentences: what this feature does technically]',
      'Released [YYYY-MM-DD], see [platform-specific structure].',
    )).toEqual(['4: [1-2 sentences: what this feature does technically]', '5: [YYYY-MM-DD]', '5: [platform-specific structure]']);
  });

  it('is the one finding on a template\'s endpoint or entity: the rules about endpoints and entities skip them', async () => {
    const diags = await lintText(md('# FEAT-001 Design: Tags', '',
      '## Data Model', '', '### [Entity Name]', '| Field | Type |', '|---|---|', '| name | [type] |', '',
      '## API Endpoints', '', '### POST /api/v1/[resource]', '| Aspect | Detail |', '|---|---|', '| Auth | Required |', '| Request | CreateSchema |', '| Response 201 | ResourceResponse |',
      '```json', '{ "unknown": 1 }', '```', '',
      '### GET /api/users/[id]', '| Aspect | Detail |', '|---|---|', '| Auth | None |', '| Response 200 | Unknown |',
    ));
    const others = diags.filter((d) => d.rule !== 'no-placeholder' && d.rule !== 'required-section');
    expect(others.map((d) => d.rule).sort()).toEqual(['endpoint-responses', 'schema-ref']);
    expect(others.every((d) => d.message.startsWith('GET /api/users/{id}'))).toBe(true);
    // A route parameter in brackets (`[id]`) is no leftover: that endpoint is still checked.
    expect(diags.filter((d) => d.rule === 'schema-ref').map((d) => d.message)).toEqual([expect.stringMatching(/^GET \/api\/users\/\{id\}: 200 response schema "Unknown"/)]);
  });

  it('reads a format legend as an explanation, not a leftover', async () => {
    expect(await leftovers('## Format: `[ID] [P?] [Story] Description`', '', '- T001 [P] Set up')).toEqual([]);
  });
});
