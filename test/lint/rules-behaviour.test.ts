/**
 * What each rule reports, case by case, as issue 3 specifies it (rules with their own test files:
 * no-placeholder, schema-ref, field-type, rls-policy, endpoint-responses, entity-id, no-secrets,
 * reference-exists, dependency-cycle, the heavy syntax rules).
 */
import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

/** `path line:column message` of one rule's findings (paths without `docs/features/`). */
async function found(rule: string, text: string, files: Record<string, string> = {}, rules?: Record<string, never>): Promise<string[]> {
  const diags = await lintText(text, { files, ...(rules ? { rules } : {}) });
  return diags.filter((d) => d.rule === rule).map((d) => `${d.path.replace('docs/features/', '')} ${d.line}:${d.column} ${d.message}${d.fixable ? ' (fixable)' : ''}`);
}
const DOC = '001-example/design.md';
const design = (title: string, ...lines: string[]) => md(`# FEAT-001 Design: ${title}`, '', ...lines);

describe('document rules', () => {
  it('heading-structure: exactly one H1, no skipped level', async () => {
    expect(await found('heading-structure', md('# A', '### Skip', '## Ok', '#### Skip2', '# Second H1', '```', '# not a heading', '```'))).toEqual([
      `${DOC} 2:1 heading "Skip" is H3 right after an H1; expected H2`,
      `${DOC} 4:1 heading "Skip2" is H4 right after an H2; expected H3`,
      `${DOC} 5:1 second H1 "Second H1" (first at line 1); expected exactly one H1`,
    ]);
    expect(await found('heading-structure', md('## No H1', 'text'))).toEqual([`${DOC} 1:1 document has no H1 title; expected one \`# Title\` line (or a front matter title)`]);
    // A front matter title is the document's title, as static site generators render it.
    expect(await found('heading-structure', md('---', 'title: Widgets', '---', '', '## Overview', 'text', '#### Deep'))).toEqual([`${DOC} 7:1 heading "Deep" is H4 right after an H2; expected H3`]);
    expect(await found('heading-structure', md('---', 'title: Widgets', '---', '', '### Overview'))).toEqual([`${DOC} 5:1 heading "Overview" is H3 right after the front matter title; expected H2`]);
    expect(await found('heading-structure', md('---', 'title: ""', '---', '', '## Overview'))).toEqual([`${DOC} 1:1 document has no H1 title; expected one \`# Title\` line (or a front matter title)`]);
  });

  it('table-shape: a missing delimiter row, ragged rows, empty cells in the first two columns', async () => {
    expect(await found('table-shape', md('# A', '', '| A | B |', '| 1 | 2 |', '', '| Field | Type |', '|---|---|', '| id |', '| x | y | z |', '',
      '| Field | Type | Notes |', '|---|---|---|', '|  | string | n |', '| name |  | n |', '| ok | int |  |'))).toEqual([
      `${DOC} 4:1 table has no delimiter row (\`|---|---|\`) after its header, so Markdown renders it as text`,
      `${DOC} 8:1 table row has 1 cell, expected 2 as in the header (line 6)`,
      `${DOC} 9:1 table row has 3 cells, expected 2 as in the header (line 6)`,
      `${DOC} 13:4 empty "Field" cell; every row needs one`,
      `${DOC} 14:11 empty "Type" cell; every row needs one`,
    ]);
  });

  it('empty-section: a heading with nothing under it, a subsection counting as content', async () => {
    expect(await found('empty-section', md('# A', '', '## Empty', '', '## Has sub', '', '### Child', 'text', '', '## Last'))).toEqual([
      `${DOC} 3:1 section "Empty" is empty; write its content or remove the heading`,
      `${DOC} 10:1 section "Last" is empty; write its content or remove the heading`,
    ]);
  });

  it('date-format: Last Updated and changelog dates are real ISO dates, not in the future', async () => {
    expect(await found('date-format', md('# A', '', '**Last Updated**: 2026-13-45', '', '## Changelog', '',
      '- 2999-01-01: future', '- 2025-02-30: no such day', '- 2025/01/02: slashes', '- 2025-01-02: fine', '- v1.2 (2025-03-04): fine'))).toEqual([
      `${DOC} 3:19 date "2026-13-45" is not a real calendar date`,
      `${DOC} 7:3 date "2999-01-01" is in the future (today is ${new Date().toISOString().slice(0, 10)})`,
      `${DOC} 8:3 date "2025-02-30" is not a real calendar date`,
      `${DOC} 9:3 date "2025/01/02" is not an ISO date; expected YYYY-MM-DD`,
    ]);
    expect(await found('date-format', md('# A', '', '**Last Updated**: January 5, 2025 (draft)'))).toEqual([`${DOC} 3:19 date "January 5, 2025" is not an ISO date; expected YYYY-MM-DD`]);
    expect(await found('date-format', md('# A', '', '**Last Updated**: [YYYY-MM-DD]'))).toEqual([]); // no-placeholder's finding
  });

  it('date-format: reads Last Updated in italics and in metadata tables, and takes an ISO date and time', async () => {
    expect(await found('date-format', md('# A', '', '*Last Updated: December 5, 2025*', '_Last updated: 2025-02-30_', '',
      '| Field | Value |', '|---|---|', '| Last Updated | 2025-13-01 |', '| *Last Updated* | 2025-1-5 |', '| Owner | Date team |', '',
      'Last Updated: 2025-12-01T10:00:00Z', 'Last Updated: 2025-12-01T10:00+01:00', 'Last Updated: 2025-02-30T10:00:00Z'))).toEqual([
      `${DOC} 3:16 date "December 5, 2025" is not an ISO date; expected YYYY-MM-DD`,
      `${DOC} 4:16 date "2025-02-30" is not a real calendar date`,
      `${DOC} 8:18 date "2025-13-01" is not a real calendar date`,
      `${DOC} 9:20 date "2025-1-5" is not an ISO date; expected YYYY-MM-DD`,
      `${DOC} 14:15 date "2025-02-30T10:00:00Z" is not a real calendar date`,
    ]);
  });

  it('max-lines: implementation documents get 100 lines, others what the config gives', async () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `- line ${i}`);
    const impl = md('# Gadgets Implementation', '', '## Core Components', '', ...long(100));
    const found100 = (await lintText(impl, { path: 'docs/features/001-example/implementation.md' })).filter((d) => d.rule === 'max-lines');
    expect(found100.map((d) => [d.line, d.message])).toEqual([[101, 'implementation document has 104 lines, over its budget of 100; move detail into another document']]);
    const designLong = design('Long', '## Overview', ...long(50));
    expect(await found('max-lines', designLong)).toEqual([]);
    const configured = (await lintText(designLong, { rules: { 'max-lines': ['error', { design: 40 }] } })).filter((d) => d.rule === 'max-lines');
    expect(configured.map((d) => d.message)).toEqual(['design document has 53 lines, over its budget of 40; move detail into another document']);
  });

  it('required-section: per declared style, replaced by the config, not for guessed styles', async () => {
    expect(await found('required-section', design('Tags', '## Overview', 'Text.'))).toEqual([
      `${DOC} 1:1 design document lacks required sections "Architecture", "File Plan", "Implementation Tasks"`,
    ]);
    const configured = await lintText(design('Tags', '## Overview', 'Text.'), { rules: { 'required-section': ['error', { design: ['Overview'] }] } });
    expect(configured.filter((d) => d.rule === 'required-section')).toEqual([]);
    expect(await found('required-section', md('# Tags notes', '', '## Overview', 'Text.'))).toEqual([]);
  });
});

describe('rules across a feature and the workspace', () => {
  it('task-id-unique and task-files-in-plan', async () => {
    expect(await found('task-id-unique', design('A', '## Implementation Tasks', '', '### TASK-001: One', '', '### TASK-002: Two', '', '### TASK-001: Again'),
      { 'docs/features/002-b/design.md': md('# FEAT-002 Design: B', '', '## Implementation Tasks', '', '### TASK-002: Other feature') })).toEqual([
      `${DOC} 9:1 task id TASK-001 is used twice in 001-example (first at docs/features/001-example/design.md:5)`,
      '002-b/design.md 5:1 task id TASK-002 is also used by 001-example (docs/features/001-example/design.md:7); TASK ids are unique across the workspace',
    ]);
    expect(await found('task-files-in-plan', design('A', '## File Plan', '', '| Action | File |', '|---|---|', '| CREATE | src/a.ts |', '',
      '## Implementation Tasks', '', '### TASK-001: One', '- Files: `src/a.ts`, `src/b.ts`'))).toEqual([
      `${DOC} 11:1 task TASK-001 touches src/b.ts, which is not in the feature's file plan`,
    ]);
  });

  it('file-plan: CREATE of an existing file, MODIFY or DELETE of a missing one, unless a dependency plans it', async () => {
    expect(await found('file-plan', design('A', '## File Plan', '', '| Action | File |', '|---|---|', '| CREATE | src/exists.ts |', '| MODIFY | src/missing.ts |',
      '| DELETE | src/gone.ts |', '| MODIFY | src/planned-by-dep.ts |', '| CREATE | src/new.ts |', '', '## Dependencies', '- 002-b: base'), {
      'src/exists.ts': 'x',
      'docs/features/002-b/design.md': md('# FEAT-002 Design: B', '', '## File Plan', '', '| Action | File |', '|---|---|', '| CREATE | src/planned-by-dep.ts |'),
    })).toEqual([
      `${DOC} 7:1 file plan says CREATE src/exists.ts, but it already exists; use MODIFY`,
      `${DOC} 8:1 file plan says MODIFY src/missing.ts, but no such file exists in the workspace`,
      `${DOC} 9:1 file plan says DELETE src/gone.ts, but no such file exists in the workspace`,
    ]);
  });

  it('dependency-exists: a number or slug that names no feature, or another feature than its number', async () => {
    expect(await found('dependency-exists', design('A', '## Dependencies', '- 002-b: ok', '- FEAT-009: missing', '- 002-wrong: wrong slug'),
      { 'docs/features/002-b/design.md': md('# FEAT-002 Design: B') })).toEqual([
      `${DOC} 5:1 dependency FEAT-009: no feature numbered 009 in the workspace`,
      `${DOC} 6:1 dependency 002-wrong: "002-wrong" names feature 002, which is 002-b`,
    ]);
  });

  it('endpoint-duplicate: the same method and path specified twice, whatever the parameter names; mentions do not count', async () => {
    const spec = (heading: string) => [`### ${heading}`, '| Aspect | Detail |', '|---|---|', '| Response 200 | Note |', ''];
    expect(await found('endpoint-duplicate', design('A', '## API Endpoints', '', ...spec('GET /api/v1/notes/{id}'), ...spec('GET /api/v1/notes/:noteId'), 'Clients call `GET /api/v1/notes/{id}` often.'),
      { 'docs/features/002-b/design.md': md('# FEAT-002 Design: B', '', '## API Endpoints', '', ...spec('GET /api/v1/notes/{id}'), ...spec('POST /api/v1/notes')) })).toEqual([
      `${DOC} 10:1 GET /api/v1/notes/{noteId} is already specified at docs/features/001-example/design.md:5; specify each endpoint once`,
      '002-b/design.md 5:1 GET /api/v1/notes/{id} is already specified at docs/features/001-example/design.md:5; specify each endpoint once',
    ]);
  });

  it('example-matches-model: unknown fields, contradicting types, missing required fields on create; the data envelope unwrapped', async () => {
    const model = ['## Data Models', '', '### Gadget', '| Field | Type | Required | Default | Description |', '|---|---|---|---|---|', '| id | uuid | auto | gen_random_uuid() | Key |',
      '| name | string | yes | - | Name |', '| weight | integer | no | - | Grams |', '| tags | string[] | no | - | Labels |', '| owner_id | uuid | yes | - | Owner |', ''];
    const at = `(docs/features/${DOC}:5)`;
    expect(await found('example-matches-model', md('# FEAT-001 Design: Gadgets', '', ...model, '## API Endpoints', '',
      '### POST /api/gadgets', '**Request**:', '```json', '{ "weight": "heavy", "colour": "red", "tags": "x" }', '```', '',
      '### GET /api/gadgets/{id}', '**Response 200**:', '```json', '{ "data": { "id": "6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10", "name": 5, "extra": true } }', '```', '',
      '### PUT /api/gadgets/{id}', '**Request**:', '```json', '{ "weight": 3 }', '```', '',
      '### POST /api/widgets', '**Request**:', '```json', '{ "anything": 1 }', '```'))).toEqual([
      `${DOC} 19:1 POST /api/gadgets request example gives "weight" a string, but Gadget.weight is integer`,
      `${DOC} 19:1 POST /api/gadgets request example has "colour", which is not a field of Gadget ${at}`,
      `${DOC} 19:1 POST /api/gadgets request example gives "tags" a string, but Gadget.tags is string[]`,
      `${DOC} 19:1 POST /api/gadgets request example lacks required field "name" of Gadget`,
      `${DOC} 25:1 GET /api/gadgets/{id} 200 response example gives "name" a number, but Gadget.name is string`,
      `${DOC} 25:1 GET /api/gadgets/{id} 200 response example has "extra", which is not a field of Gadget ${at}`,
    ]);
  });

  it('example-matches-model: unwraps data, items, and an envelope keyed by the entity\'s name (of objects, with no field beside it)', async () => {
    const model = ['## Data Models', '', '### Label', '| Field | Type | Required |', '|---|---|---|', '| id | uuid | auto |', '| title | string | yes |', '| aliases | string[] | no |', ''];
    const response = (heading: string, json: string) => [`### ${heading}`, '**Response 200**:', '```json', json, '```', ''];
    const id = '"id": "6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10"';
    const found = await lintText(md('# FEAT-001 Design: Labels', '', ...model, '## API Endpoints', '',
      ...response('GET /api/v1/labels', `{ "data": [{ ${id}, "title": 5 }], "meta": { "total": 1 } }`),
      ...response('GET /api/v2/labels', `{ "items": [{ ${id}, "title": 5 }], "page": 1, "limit": 20, "total": 1 }`),
      ...response('GET /api/v3/labels', `{ "success": true, "label": { ${id}, "title": 5 } }`),
      ...response('GET /api/v4/labels', `{ "labels": [{ ${id}, "title": 5 }], "count": 1 }`),
      ...response('GET /api/v5/labels', '{ "labels": ["x", "y"], "count": 2 }'),
      ...response('GET /api/v6/labels', `{ ${id}, "title": "a", "label": { "x": 1 } }`),
    ));
    expect(found.filter((d) => d.rule === 'example-matches-model').map((d) => d.message.replace(/ \(docs.*\)$/, ''))).toEqual([
      ...['v1', 'v2', 'v3', 'v4'].map((v) => `GET /api/${v}/labels 200 response example gives "title" a number, but Label.title is string`),
      'GET /api/v5/labels 200 response example has "labels", which is not a field of Label',
      'GET /api/v5/labels 200 response example has "count", which is not a field of Label',
      'GET /api/v6/labels 200 response example has "label", which is not a field of Label',
    ]);
  });

  it('example-matches-model: the server sets the key and the timestamps; decimals may be strings; an enum holds its values', async () => {
    const model = ['## Data Models', '', '### Gadget', '| Field | Type | Required | Description |', '|---|---|---|---|', '| id | uuid | yes | Key |',
      '| name | string | yes | Name |', '| price | decimal(10,2) | yes | Price |', '| weight | integer | no | Grams |', '| status | enum(active, retired) | yes | State |',
      '| kind | \'tool\' \\| \'toy\' | no | Kind |', '| created_at | timestamp | yes | Created |', '| updatedAt | timestamp | yes | Updated |', ''];
    expect(await found('example-matches-model', md('# FEAT-001 Design: Gadgets', '', ...model, '## API Endpoints', '',
      '### POST /api/gadgets', '**Request**:', '```json', '{ "name": "G", "price": "9.99", "status": "active", "kind": "toy" }', '```', '',
      '### PATCH /api/gadgets/{id}', '**Request**:', '```json', '{ "status": "broken", "kind": "tool", "weight": "12", "price": "cheap" }', '```'))).toEqual([
      `${DOC} 28:1 PATCH /api/gadgets/{id} request example gives "status" "broken", which is not one of Gadget.status's values (active, retired)`,
      `${DOC} 28:1 PATCH /api/gadgets/{id} request example gives "weight" a string, but Gadget.weight is integer`,
      `${DOC} 28:1 PATCH /api/gadgets/{id} request example gives "price" a string, but Gadget.price is number`,
    ]);
  });
});
