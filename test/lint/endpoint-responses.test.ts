/** endpoint-responses and entity-id: the warnings that ask for what a specification usually forgets. */
import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

async function messages(rule: string, ...lines: string[]): Promise<string[]> {
  return (await lintText(md('# FEAT-001 Design: Notes', '', ...lines))).filter((d) => d.rule === rule).map((d) => d.message);
}
const endpoint = (heading: string, ...rows: string[]) => ['', `### ${heading}`, '| Aspect | Detail |', '|---|---|', ...rows];

describe('endpoint-responses', () => {
  it('asks for a 2xx, 401 when auth is required, 404 for a path parameter, 400 for a body; one finding an endpoint', async () => {
    expect(await messages('endpoint-responses', '## API Endpoints',
      ...endpoint('PUT /api/v1/notes/{id}', '| Auth | Required |', '| Request | NoteUpdate |'),
      ...endpoint('GET /api/v1/notes', '| Auth | None |', '| Response 200 | Note[] |'),
      ...endpoint('POST /api/v1/notes', '| Auth | Required |', '| Request | NoteCreate |', '| Response 201 | Note |', '| Response 401 | Unauthorized |', '| Response 422 | ValidationError |'),
      ...endpoint('DELETE /api/v1/notes/{id}', '| Auth | Required |', '| Response 204 | No content |', '| Response 401 | Unauthorized |'),
    )).toEqual([
      'PUT /api/v1/notes/{id} documents no 2xx success response, no 401 (auth is required), no 404 (the path has a parameter), no 400 (it takes a request body)',
      'DELETE /api/v1/notes/{id} documents no 404 (the path has a parameter)',
    ]);
  });
});

describe('entity-id', () => {
  it('asks stored entities for a key, not the shapes of requests, responses and errors', async () => {
    const entity = (name: string, field: string) => ['', `### ${name}`, '| Field | Type |', '|---|---|', `| ${field} | string |`];
    expect(await messages('entity-id', '## Data Models',
      ...entity('Note', 'body'), ...entity('Tag', 'id'), ...entity('NoteResponse', 'body'), ...entity('ErrorResponse', 'message'),
      ...entity('CreateNoteRequest', 'body'), ...entity('ValidationError', 'field'),
    )).toEqual(['entity Note has no primary key; expected an "id" field (or one described as the primary key)']);
  });

  it('asks no key of a value held inside another entity (a field of its type, or a list of it)', async () => {
    const entity = (name: string, ...rows: string[]) => ['', `### ${name}`, '| Field | Type |', '|---|---|', ...rows];
    expect(await messages('entity-id', '## Data Models',
      ...entity('Post', '| id | uuid |', '| address | Address |', '| comments | Comment[] |'),
      ...entity('Address', '| street | string |'), ...entity('Comment', '| body | string |'), ...entity('Draft', '| body | string |'),
    )).toEqual(['entity Draft has no primary key; expected an "id" field (or one described as the primary key)']);
  });
});
