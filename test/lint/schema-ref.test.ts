/** schema-ref and example-matches-model: which entity a request or response schema name means. */
import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

const model = (name: string, ...fields: string[]) => ['', `### ${name}`, '| Field | Type | Required | Description |', '|---|---|---|---|', '| id | uuid | yes | Key |', ...fields.map((f) => `| ${f} | string | yes | A field |`)];
const endpoint = (heading: string, ...rows: string[]) => ['', `### ${heading}`, '| Aspect | Detail |', '|---|---|', '| Auth | Required |', ...rows];

async function findings(rule: string, ...lines: string[]): Promise<string[]> {
  const diags = await lintText(md('# FEAT-001 Design: Notes', '', ...lines));
  return diags.filter((d) => d.rule === rule).map((d) => d.message);
}

describe('schema-ref', () => {
  it('resolves X, its variants, wrappers, standard errors and "No content"; reports a name that is none of these', async () => {
    expect(await findings('schema-ref',
      '## Data Models', ...model('Note', 'title'),
      '## API Endpoints',
      ...endpoint('POST /api/v1/notes', '| Request | NoteCreate |', '| Response 201 | Note |', '| Response 400 | ValidationError |'),
      ...endpoint('GET /api/v1/notes', '| Response 200 | PaginatedResponse[Note] |'),
      ...endpoint('PATCH /api/v1/notes/{id}', '| Request | NoteUpdate |', '| Response 200 | NoteResponse |', '| Response 404 | ErrorResponse |'),
      ...endpoint('DELETE /api/v1/notes/{id}', '| Response 204 | No content |', '| Response 409 | Memo |'),
    )).toEqual(['DELETE /api/v1/notes/{id}: 409 response schema "Memo" names no entity of the workspace (nor a standard error)']);
  });

  it('resolves a name with a variant suffix that the documents define as an entity of its own', async () => {
    expect(await findings('schema-ref',
      '## Response Schemas', ...model('NotificationDetail', 'channel'),
      '## API Endpoints', ...endpoint('GET /api/v1/notifications/{id}', '| Response 200 | NotificationDetail |', '| Response 404 | NotFound |'),
    )).toEqual([]);
  });

  it('resolves a type declared by the example beside it', async () => {
    expect(await findings('schema-ref',
      '## API Endpoints', '', '### POST /api/players/register', '', '**Request**:', '```typescript', 'interface RegisterRequest {', '  nickname: string;', '}', '```',
      '', '**Response (201 Created)**:', '```typescript', 'export interface RegisterResponse {', '  id: string;', '}', '```',
      '', '| Response 409 | Conflict |',
    )).toEqual([]);
  });
});

describe('example-matches-model', () => {
  it('checks an example against the entity the full schema name defines before the entity it is a variant of', async () => {
    expect(await findings('example-matches-model',
      '## Data Models', ...model('Notification', 'channel'), ...model('NotificationDetail', 'channel', 'metadata'),
      '## API Endpoints', '', '### GET /api/v1/notifications/{id}', '', '**Response 200**: `NotificationDetail`', '```json', '{ "id": "6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10", "channel": "email", "metadata": "x", "extra": 1 }', '```',
    )).toEqual(['GET /api/v1/notifications/{id} 200 response example has "extra", which is not a field of NotificationDetail (docs/features/001-example/design.md:11)']);
  });
});
