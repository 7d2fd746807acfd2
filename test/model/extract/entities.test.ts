import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/model/extract/entities.js';
import { EntitySchema, type Entity, type Field } from '../../../src/model/schema.js';
import { docContext, md, SHARED } from '../../helpers.js';

const entities = (text: string, opts: Parameters<typeof docContext>[1] = {}) => extractEntities(docContext(text, opts));
const PATH = 'docs/features/001-test/design.md';
/** An expected field; `line` (and `path`, default PATH) give its source. */
const field = (name: string, type: string, rawType: string, more: Partial<Field> & { line?: number; path?: string } = {}): Field => {
  const { line, path, ...rest } = more;
  return {
    name, type, rawType, required: false, generated: false, default: null, description: null,
    ...(line !== undefined ? { source: { path: path ?? PATH, line } } : {}), ...rest,
  };
};
const brief = (e: Entity) => ({ name: e.name, line: e.source.line, fields: e.fields.map((f) => `${f.name}:${f.type}${f.required ? '!' : ''}${f.generated ? '~' : ''}`) });

describe('field tables', () => {
  it('reads the design seed: one entity with four fields', () => {
    const dir = new URL('seeds/', SHARED);
    const file = readdirSync(dir).find((f) => f.startsWith('001_'))!;
    const ctx = docContext(readFileSync(new URL(file, dir), 'utf8'), { path: PATH });
    expect(extractEntities(ctx)).toEqual([{
      name: '[ModelName]',
      source: { path: PATH, line: 18 },
      fields: [
        field('id', 'uuid', 'UUID', { generated: true, default: 'uuid4()', description: 'Primary key', line: 21 }),
        field('field_name', 'string', 'str', { required: true, description: 'Description', line: 22 }),
        field('created_at', 'datetime', 'datetime', { generated: true, default: 'utcnow()', description: 'Creation timestamp', line: 23 }),
        field('updated_at', 'datetime', 'datetime', { generated: true, default: 'utcnow()', description: 'Last update timestamp', line: 24 }),
      ],
    }]);
    expect(ctx.diagnostics).toEqual([]);
  });

  it('folds PK, NOT NULL, nullable and defaults from a Constraints column', () => {
    const out = entities(md(
      '# Data Model: Widgets',
      '## Tables',
      '### `widgets`',
      '| Column | Type | Constraints | Description |',
      '| --- | --- | --- | --- |',
      '| `id` | `uuid` | `PK`, `DEFAULT gen_random_uuid()` | Identity. |',
      '| `title` | text | not null | Display name. |',
      '| `tags` | text[] | default `{}` | |',
      '| `note` | text | nullable | |',
      '| `seq` | bigserial | | |',
      '| `created_at` | timestamptz | default now | Audit. |',
      "| `status` | `text` | `CHECK(in 'a', 'b')`, `DEFAULT 'a'` | |",
    ), { path: 'specs/001-test/data-model.md' });
    expect(out).toEqual([{
      name: 'widgets',
      source: { path: 'specs/001-test/data-model.md', line: 3 },
      fields: [
        field('id', 'uuid', 'uuid', { required: true, generated: true, default: 'gen_random_uuid()', description: 'Identity.', line: 6, path: 'specs/001-test/data-model.md' }),
        field('title', 'string', 'text', { required: true, description: 'Display name.', line: 7, path: 'specs/001-test/data-model.md' }),
        field('tags', 'string[]', 'text[]', { default: '{}', line: 8, path: 'specs/001-test/data-model.md' }),
        field('note', 'string', 'text', { line: 9, path: 'specs/001-test/data-model.md' }),
        field('seq', 'integer', 'bigserial', { generated: true, line: 10, path: 'specs/001-test/data-model.md' }),
        field('created_at', 'datetime', 'timestamptz', { generated: true, default: 'now', description: 'Audit.', line: 11, path: 'specs/001-test/data-model.md' }),
        field('status', 'string', 'text', { default: "'a'", line: 12, path: 'specs/001-test/data-model.md' }),
      ],
    }]);
  });

  it('accepts other column names and orders, Nullable columns and check marks', () => {
    const out = entities(md(
      '## Data Models',
      '',
      '### 1. Order (New)',
      '',
      '| Name | Description | Nullable | Type | Default |',
      '|------|-------------|----------|------|---------|',
      '| id | Key | no | int | auto-increment |',
      '| note | Free text | yes | varchar(255) | — |',
      '',
      '### User Model',
      '| Attribute | Type | Required |',
      '|---|---|---|',
      '| email | email | ✓ |',
      '| nickname? | string | |',
      '| role | `enum(admin, user)` | optional |',
      '| created_at / updated_at | datetime | auto |',
    ));
    expect(out).toEqual([
      { name: 'Order', source: { path: PATH, line: 3 }, fields: [
        field('id', 'integer', 'int', { required: true, generated: true, default: 'auto-increment', description: 'Key', line: 7 }),
        field('note', 'string', 'varchar(255)', { description: 'Free text', line: 8 }),
      ] },
      { name: 'User', source: { path: PATH, line: 10 }, fields: [
        field('email', 'string', 'email', { required: true, line: 13 }),
        field('nickname', 'string', 'string', { line: 14 }),
        field('role', 'string', 'enum(admin, user)', { line: 15 }),
        field('created_at', 'datetime', 'datetime', { generated: true, line: 16 }),
        field('updated_at', 'datetime', 'datetime', { generated: true, line: 16 }),
      ] },
    ]);
  });

  it('cleans entity headings and skips tables without a type column or a name', () => {
    const out = entities(md(
      '## Data Models',
      '| Field | Type |',
      '|---|---|',
      '| orphan | string |',
      '### A. Table: `public.decks`',
      '| Column | Type |',
      '|---|---|',
      '| id | uuid |',
      '### Status codes',
      '| Code | Meaning |',
      '|---|---|',
      '| 200 | ok |',
    ));
    expect(out.map(brief)).toEqual([{ name: 'public.decks', line: 5, fields: ['id:uuid'] }]);
  });
});

describe('JSON blocks', () => {
  it('reads the technical-design seed: placeholders under one merged entity', () => {
    const dir = new URL('seeds/', SHARED);
    const file = readdirSync(dir).find((f) => f.startsWith('003_'))!;
    const out = entities(readFileSync(new URL(file, dir), 'utf8'));
    expect(out.map(brief)).toEqual([{ name: '[Entity Name]', line: 43, fields: ['field1:string', 'field2:string', 'field3:string'] }]);
    expect(out[0]!.fields[0]).toEqual(field('field1', 'string', '"type"', { line: 47 }));
  });

  it('reads type names and infers types from example values', () => {
    const out = entities(md(
      '## Data Models',
      '### Widget',
      '```json',
      '{',
      '  "id": "uuid",',
      '  "owner": "User",',
      '  "name": "Blue widget",',
      '  "count": 12,',
      '  "price": 1.5,',
      '  "active": true,',
      '  "ref": "3f2c1a4e-8b9d-4c1e-9f00-123456789abc",',
      '  "createdAt": "2024-01-02T03:04:05Z",',
      '  "day": "2024-01-02",',
      '  "tags": ["a", "b"],',
      '  "meta": { "k": 1 },',
      '  "deletedAt": null,',
      '  "labels": "string[]",',
      '  "email": "string (required)"',
      '}',
      '```',
    ));
    expect(out).toHaveLength(1);
    expect(out[0]!.source.line).toBe(2);
    expect(out[0]!.fields).toEqual([
      field('id', 'uuid', 'uuid', { line: 5 }),
      field('owner', 'User', 'User', { line: 6 }),
      field('name', 'string', '"Blue widget"', { line: 7 }),
      field('count', 'integer', '12', { line: 8 }),
      field('price', 'number', '1.5', { line: 9 }),
      field('active', 'boolean', 'true', { line: 10 }),
      field('ref', 'uuid', '"3f2c1a4e-8b9d-4c1e-9f00-123456789abc"', { line: 11 }),
      field('createdAt', 'datetime', '"2024-01-02T03:04:05Z"', { line: 12 }),
      field('day', 'date', '"2024-01-02"', { line: 13 }),
      field('tags', 'string[]', '["a", "b"]', { line: 14 }),
      field('meta', 'json', '{ "k": 1 }', { line: 15 }),
      field('deletedAt', 'null', 'null', { line: 16 }),
      field('labels', 'string[]', 'string[]', { line: 17 }),
      field('email', 'string', 'string (required)', { required: true, line: 18 }),
    ]);
  });

  it('tolerates pseudo-JSON: comments, trailing commas, ellipses, unquoted keys, annotations', () => {
    const out = entities(md(
      '## Data Models',
      '',
      '### Profile',
      '',
      '```',
      '{',
      '  // the owner, required',
      '  id: uuid,',
      '  "email": "<string>",   <-- optional',
      "  'bio': 'text', # short bio",
      '  "roles": [ ... ],',
      '  "prefs": [...],',
      '  ...',
      '  "count": 3, // (default: 0)',
      '  @@@: broken,',
      '  "nick?": "string",',
      '  "status": "active" | "banned",',
      '  "age"?: number,',
      '}',
      '```',
    ));
    expect(out).toEqual([{ name: 'Profile', source: { path: PATH, line: 3 }, fields: [
      field('id', 'uuid', 'uuid', { required: true, description: 'the owner, required', line: 8 }),
      field('email', 'string', '<string>', { line: 9 }),
      field('bio', 'string', 'text', { description: 'short bio', line: 10 }),
      field('roles', 'json[]', '[ ... ]', { line: 11 }),
      field('prefs', 'json[]', '[...]', { line: 12 }),
      field('count', 'integer', '3', { default: '0', description: '(default: 0)', line: 14 }),
      field('nick?', 'string', 'string', { line: 16 }),
      field('status', 'string', '"active" | "banned"', { line: 17 }),
      field('age', 'number', 'number', { line: 18 }),
    ] }]);
  });

  it('reads JSON Schema properties with their required list', () => {
    const out = entities(md(
      '## Data Models',
      '### Token',
      '```json',
      '{ "type": "object", "required": ["id"], "properties": {',
      '  "id": { "type": "string", "format": "uuid" },',
      '  "scopes": { "type": "array", "items": { "type": "string" } },',
      '  "owner": { "$ref": "#/components/schemas/User", "description": "Owner" }',
      '} }',
      '```',
    ));
    expect(out[0]!.fields).toEqual([
      field('id', 'uuid', 'string (uuid)', { required: true, line: 5 }),
      field('scopes', 'string[]', 'string[]', { line: 6 }),
      field('owner', 'User', 'User', { description: 'Owner', line: 7 }),
    ]);
  });

  it('skips example blocks, request/response JSON and API sections', () => {
    const out = entities(md(
      '# Widgets Design',
      '## Data Models',
      '### Metadata Structure Examples',
      '**User Update Example:**',
      '```json',
      '{ "changes": {} }',
      '```',
      '### Widget',
      '**Request:**',
      '```json',
      '{ "name": "x" }',
      '```',
      '## API Contracts',
      '### Create widget',
      '```json',
      '{ "name": "string" }',
      '```',
      '### POST /api/widgets',
      '| Field | Type |',
      '|---|---|',
      '| name | string |',
    ));
    expect(out).toEqual([]);
  });
});

describe('names from labels and wrappers', () => {
  it('names an entity by a bold label under a generic heading, and by a JSON or YAML wrapper key', () => {
    const out = entities(md(
      '## Data Models',          // 1
      '',
      '**Widget**',              // 3
      '',
      '| Field | Type | Required |',
      '|---|---|---|',
      '| id | uuid | yes |',
      '',
      '```json',                 // 9
      '{',
      '  "Gadget": { "size": 3 }',
      '}',
      '```',
      '',
      '```',                     // 15
      'Part:',
      '  sku: string',
      '  qty: int',
      '```',
    ));
    expect(out.map(brief)).toEqual([
      { name: 'Widget', line: 3, fields: ['id:uuid!'] },
      { name: 'Gadget', line: 11, fields: ['size:integer'] },
      { name: 'Part', line: 16, fields: ['sku:string', 'qty:integer'] },
    ]);
  });
});

describe('TypeScript blocks', () => {
  it('reads one interface under an entity heading (heading line) and several per block (keyword lines)', () => {
    const out = entities(md(
      '## Data Models',                                  // 1
      '### Customer (Existing)',                         // 2
      '```typescript',                                   // 3
      'interface Customer {',                            // 4
      '  /** Primary key */',
      '  id: string;',
      '  phone?: string; // E.164',
      '  address: {',
      '    street: string;',
      '  } | null;',
      '  kind:',
      "    | 'a'",
      "    | 'b';",
      '  tags: Array<string>;',
      '  getName(): string;',
      '  [key: string]: unknown;',
      '}',
      '```',
      '### Core Data Types',                             // 19
      '```ts',                                           // 20
      '// Extend Analysis',                              // 21
      'export interface HackathonAnalysis',              // 22
      '  extends Omit<',
      '    Analysis,',
      '    | "a"',
      '  > {',
      '  score: number;',
      '}',
      "type Status = 'open' | 'closed';",
      'export type Saved = {',                           // 30
      '  id: string,',
      '  at?: Date,',
      '};',
      'export class CreateDto {',                        // 34
      "  @IsString() name: string = 'x';",
      '}',
      '```',
    ));
    expect(out.map(brief)).toEqual([
      { name: 'Customer', line: 2, fields: ['id:string!', 'phone:string', 'address:json!', 'kind:string!', 'tags:string[]!'] },
      { name: 'HackathonAnalysis', line: 22, fields: ['score:number!'] },
      { name: 'Saved', line: 30, fields: ['id:string!', 'at:datetime'] },
      { name: 'CreateDto', line: 34, fields: ['name:string'] },
    ]);
    expect(out[0]!.fields.slice(0, 2)).toEqual([
      field('id', 'string', 'string', { required: true, description: 'Primary key', line: 6 }),
      field('phone', 'string', 'string', { description: 'E.164', line: 7 }),
    ]);
    expect(out[3]!.fields[0]).toEqual(field('name', 'string', 'string', { default: "'x'", line: 35 }));
  });

  it('ignores interfaces under endpoint headings of a contract document', () => {
    const out = entities(md(
      '# API Contracts: Players',
      '## New Endpoints',
      '### 1. POST /api/players/register',
      '```typescript',
      'interface RegisterRequest { nickname: string; }',
      '```',
    ), { path: 'specs/006-x/contracts/api.md' });
    expect(out).toEqual([]);
  });
});

describe('bullet lists', () => {
  it('reads code-span, bold and plain field items; labels introduce sub-entities or are skipped', () => {
    const out = entities(md(
      '# Data Model: Bookmarks',                                   // 1
      '## Core Entities',                                          // 2
      '### BookmarkCollection',                                    // 3
      '**Fields**:',                                               // 4
      '- `id: string` - Unique identifier',
      '- `userId?: string` - Optional owner',
      "- `type: 'a' | 'b'` - Kind",
      '- **size** (integer): Number of items',
      '- count: int, required',
      '- Self-referential: related items',
      '',
      '**BookmarkItem Sub-entity**:',                              // 12
      '- `addedDate: Date` - When added',
      '',
      '**Relationships**:',
      '- `owner: User` - not a field list',
    ), { path: 'specs/001-x/data-model.md' });
    expect(out.map(brief)).toEqual([
      { name: 'BookmarkCollection', line: 3, fields: ['id:string!', 'userId:string', 'type:string!', 'size:integer', 'count:integer!'] },
      { name: 'BookmarkItem', line: 12, fields: ['addedDate:datetime!'] },
    ]);
    expect(out[0]!.fields[0]).toEqual(field('id', 'string', 'string', { required: true, description: 'Unique identifier', line: 5, path: 'specs/001-x/data-model.md' }));
    expect(out[0]!.fields[3]).toEqual(field('size', 'integer', 'integer', { description: 'Number of items', line: 8, path: 'specs/001-x/data-model.md' }));
    expect(out[0]!.fields[4]).toEqual(field('count', 'integer', 'int, required', { required: true, line: 9, path: 'specs/001-x/data-model.md' }));
  });

  it('reads `Key Fields:` sub-lists with bare names and inline enums', () => {
    const out = entities(md(
      '# Data Model: Ops',
      '## 1. WorkloadActionRequest',
      '- Purpose: 表示一次运维动作请求。',
      '- Key Fields:',
      '  - `id`',
      '  - `action_type`: `scale | restart | rollback`',
      '  - `created_at` / `updated_at`',
      '- Relationships:',
      '  - `batch_id`',
    ), { path: 'specs/003-x/data-model.md' });
    expect(out).toEqual([{ name: 'WorkloadActionRequest', source: { path: 'specs/003-x/data-model.md', line: 2 }, fields: [
      field('id', '', '', { line: 5, path: 'specs/003-x/data-model.md' }),
      field('action_type', 'string', 'scale | restart | rollback', { line: 6, path: 'specs/003-x/data-model.md' }),
      field('created_at', '', '', { line: 7, path: 'specs/003-x/data-model.md' }),
      field('updated_at', '', '', { line: 7, path: 'specs/003-x/data-model.md' }),
    ] }]);
  });

  it('reads whole entities written as one bullet under Key Entities', () => {
    const out = entities(md(
      '## Requirements',
      '### Key Entities *(include if feature involves data)*',
      '- **MetronomeSettings**: BPM (integer), Pattern (enum: quarter, eighth)',
      '- **User**: a person using the app',
    ));
    expect(out).toEqual([{ name: 'MetronomeSettings', source: { path: PATH, line: 3 }, fields: [
      field('BPM', 'integer', 'integer', { line: 3 }),
      field('Pattern', 'string', 'enum: quarter, eighth', { line: 3 }),
    ] }]);
  });
});

describe('Prisma, YAML and Python blocks', () => {
  it('reads Prisma models anywhere, with defaults and optional markers', () => {
    const out = entities(md(
      '## Components and Interfaces',
      '### Database Schema (Prisma)',
      '```prisma',
      'model ActivityLog {',
      '  id        String   @id @default(uuid())',
      '  userId    String?  // Nullable for system events',
      '  user      User?    @relation(fields: [userId], references: [id])',
      '  status    String   @default("new")',
      '  tags      String[]',
      '  createdAt DateTime @default(now())',
      '  updatedAt DateTime @updatedAt',
      '  @@index([userId])',
      '}',
      '```',
    ));
    expect(out).toEqual([{ name: 'ActivityLog', source: { path: PATH, line: 4 }, fields: [
      field('id', 'string', 'String', { generated: true, default: 'uuid()', line: 5 }),
      field('userId', 'string', 'String?', { description: 'Nullable for system events', line: 6 }),
      field('user', 'User', 'User?', { line: 7 }),
      field('status', 'string', 'String', { default: '"new"', line: 8 }),
      field('tags', 'string[]', 'String[]', { required: true, line: 9 }),
      field('createdAt', 'datetime', 'DateTime', { generated: true, default: 'now()', line: 10 }),
      field('updatedAt', 'datetime', 'DateTime', { generated: true, line: 11 }),
    ] }]);
  });

  it('reads YAML field maps with nullable, primary keys and defaults', () => {
    const ctx = docContext(md(
      '## Data Models',
      '### Appointment',
      '```yaml',
      'table_name: appointments',
      'fields:',
      '  id:',
      '    type: uuid',
      '    primary_key: true',
      '  status:',
      '    type: enum',
      '    values: [booked, done]',
      '    default: booked',
      '  notes:',
      '    type: text',
      '    nullable: true',
      '```',
      '### Reminder',
      '```yaml',
      'status: "a" | "b"',
      '```',
    ));
    expect(extractEntities(ctx)).toEqual([{ name: 'Appointment', source: { path: PATH, line: 2 }, fields: [
      field('id', 'uuid', 'uuid', { required: true, line: 6 }),
      field('status', 'string', 'enum', { required: true, default: 'booked', line: 9 }),
      field('notes', 'string', 'text', { line: 13 }),
    ] }]);
    expect(ctx.diagnostics.map((d) => [d.rule, d.line])).toEqual([['entity-yaml', 19]]);
  });

  it('reads Pydantic and SQLAlchemy classes', () => {
    const out = entities(md(
      '## Data Models',
      '```python',
      'class Stock(BaseModel):',
      '    id: int',
      "    market: str  # 'TW' or 'US'",
      '    note: Optional[str] = None',
      '    tags: List[str] = Field(default_factory=list, description="Labels")',
      '',
      '    class Config:',
      '        orm_mode = True',
      '',
      'class Row(Base):',
      '    id = Column(UUID, primary_key=True, default=uuid4)',
      '    name = Column(String(40), nullable=False)',
      '```',
    ));
    expect(out.map(brief)).toEqual([
      { name: 'Stock', line: 3, fields: ['id:integer!', 'market:string!', 'note:string', 'tags:string[]'] },
      { name: 'Row', line: 12, fields: ['id:uuid!~', 'name:string!'] },
    ]);
    expect(out[0]!.fields[1]!.description).toBe("'TW' or 'US'");
    expect(out[0]!.fields[3]).toEqual(field('tags', 'string[]', 'List[str]', { default: 'list', description: 'Labels', line: 7 }));
  });
});

describe('merging and robustness', () => {
  it('merges entities of the same name (first field wins, first source kept)', () => {
    const out = entities(md(
      '## Data Models',
      '### User',
      '| Field | Type |',
      '|---|---|',
      '| id | uuid |',
      '### User',
      '```json',
      '{ "id": "string", "email": "email" }',
      '```',
    ));
    expect(out.map(brief)).toEqual([{ name: 'User', line: 2, fields: ['id:uuid', 'email:string'] }]);
  });

  it('never throws on arbitrary content in a data-model section', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('json', 'ts', 'yaml', 'prisma', 'python', ''), (body, lang) => {
      const text = md('## Data Models', '### Thing', '```' + lang, body, '```', '| Field | Type |', '|---|---|', `| ${body.slice(0, 20)} | ${body.slice(20, 40)} |`, `- ${body}`);
      expect(() => entities(text)).not.toThrow();
    }), { numRuns: 300 });
  });
});

describe('corpus', () => {
  const root = new URL('corpus/', SHARED);
  const docs = ['A', 'B', 'C', 'D', 'E'].flatMap((d) => readdirSync(new URL(`${d}/`, root)).map((f) => ({
    name: f,
    // "MoonMind__specs__025-x__data-model.md" -> "specs/025-x/data-model.md"
    path: f.split('__').slice(1).join('/'),
    text: readFileSync(new URL(`${d}/${f}`, root), 'utf8'),
  })));
  const run = (prefix: string) => {
    const doc = docs.find((d) => d.name.startsWith(prefix))!;
    return extractEntities(docContext(doc.text, { path: doc.path }));
  };

  it('reads every corpus document without throwing', () => {
    expect(docs.length).toBe(38);
    for (const d of docs) expect(() => extractEntities(docContext(d.text, { path: d.path })), d.name).not.toThrow();
  });

  it('gives every field a source line that names the field', () => {
    let count = 0;
    for (const d of docs) {
      const lines = d.text.split(/\r?\n/);
      for (const e of extractEntities(docContext(d.text, { path: d.path }))) {
        expect(lines[e.source.line - 1], `${d.name} ${e.name}`).toBeDefined();
        expect(EntitySchema.strict().parse(e)).toEqual(e);
        for (const f of e.fields) {
          count++;
          expect(f.source?.path, `${d.name} ${e.name}.${f.name}`).toBe(d.path);
          expect(lines[f.source!.line - 1], `${d.name} ${e.name}.${f.name} @${f.source!.line}`).toContain(f.name);
        }
      }
    }
    expect(count).toBeGreaterThan(300);
  });

  it('MoonMind 025 data-model: four tables with Constraints columns', () => {
    const out = run('MoonMind__specs__025-task-presets__data-model');
    expect(out.map((e) => [e.name, e.source.line, e.fields.length])).toEqual([
      ['task_step_templates', 9, 13], ['task_step_template_versions', 26, 13],
      ['task_step_template_favorites', 43, 4], ['task_step_template_recents', 51, 4],
    ]);
    const t = out[0]!.fields;
    expect(t.find((f) => f.name === 'id')).toEqual(field('id', 'uuid', 'UUID', { required: true, description: 'Stable template identity referenced by scopes + favorites.', line: 12, path: 'specs/025-task-presets/data-model.md' }));
    expect(t.find((f) => f.name === 'created_at')).toEqual(field('created_at', 'datetime', 'timestamptz', { generated: true, default: 'now', description: 'Audit.', line: 23, path: 'specs/025-task-presets/data-model.md' }));
    expect(t.find((f) => f.name === 'scope_ref')!.type).toBe('UUID/Text');
    expect(out[2]!.fields[0]).toEqual(field('id', 'integer', 'bigserial', { required: true, generated: true, line: 46, path: 'specs/025-task-presets/data-model.md' }));
  });

  it('AI-Knowledge data-model: TypeScript-ish bullets and sub-entities', () => {
    const out = run('AI-Knowledge__specs__001-react-native-migration__data-model');
    expect(out.map((e) => [e.name, e.source.line, e.fields.length])).toEqual([
      ['ContentItem', 8, 11], ['UserPreferences', 43, 7], ['BookmarkCollection', 71, 5], ['BookmarkItem', 81, 5],
      ['ContentCache', 104, 8], ['AppState', 134, 8], ['SearchQuery', 147, 4],
    ]);
    expect(out[0]!.fields.find((f) => f.name === 'sourceUrl')).toEqual(field('sourceUrl', 'string', 'string', { description: 'External link for news items', line: 21, path: 'specs/001-react-native-migration/data-model.md' }));
    expect(out[2]!.fields.find((f) => f.name === 'items')!.type).toBe('BookmarkItem[]');
  });

  it('kbManage data-model: Key Fields bullets under numbered H2 entity headings', () => {
    const out = run('kbManage__specs__003-workload-operations-control-plane__data-model');
    expect(out.slice(0, 3).map((e) => [e.name, e.source.line])).toEqual([
      ['WorkloadOperationsView', 5], ['WorkloadInstanceSnapshot', 29], ['WorkloadActionRequest', 54],
    ]);
    expect(out[0]!.fields).toHaveLength(13);
    expect(out[2]!.fields.find((f) => f.name === 'status')!.type).toBe('string');
    expect(out[2]!.fields.map((f) => f.name)).toContain('updated_at');
  });

  it('Kiro designs: interfaces, Prisma and Python models', () => {
    expect(run('dashtact__.kiro__specs__customer-account-management__design').map((e) => e.name)).toEqual([
      'Customer', 'CustomerAccount', 'Address', 'PaymentMethod', 'CustomerPaymentMethod', 'AccountSettings', 'Wishlist', 'WishlistItem',
    ]);
    const audit = run('dashtact__.kiro__specs__activity-audit-log__design');
    expect(audit.map(brief)[0]).toEqual({ name: 'ActivityLog', line: 71, fields: [
      'id:string~', 'action:string!', 'userId:string', 'user:User', 'actorName:string!', 'entityType:string', 'entityId:string',
      'metadata:json', 'ipAddress:string', 'userAgent:string', 'createdAt:datetime~',
    ] });
    expect(run('no-vibe-no-code__.kiro__specs__open-source-mode__design').map((e) => e.name)).toEqual([
      'StoredAuthState', 'StoredAnalysis', 'StoredIdea', 'StoredDocument', 'StoredCreditTransaction',
    ]);
    expect(run('no-vibe-no-code__.kiro__specs__kiroween-hackathon-analyzer__design').map((e) => [e.name, e.source.line])).toEqual([
      ['HackathonAnalysis', 197], ['SavedHackathonAnalysis', 215],
    ]);
    expect(run('kiro-stock-platform__.kiro__specs__stock-analysis-platform__design').map((e) => e.name)).toEqual([
      'Stock', 'StockData', 'TechnicalIndicator', 'TradingSignal',
    ]);
  });

  it('brainstorming FEATURE-3.1: YAML data models; FEATURE-0.2 has none', () => {
    const out = run('brainstorming__docs__02-features__03-appointment-queue__FEATURE-3.1');
    expect(out.map((e) => [e.name, e.source.line, e.fields.length])).toEqual([['Appointment', 234, 23], ['Appointment Reminder', 322, 10]]);
    expect(out[0]!.fields.find((f) => f.name === 'practitioner_id')).toEqual(field('practitioner_id', 'uuid', 'uuid', { line: 256, path: 'docs/02-features/03-appointment-queue/FEATURE-3.1-appointment-booking.md' }));
    expect(run('brainstorming__docs__02-features__00-user-access-management')).toEqual([]);
  });

  it('reference and spec documents: response schemas, Key Entities, no API bodies', () => {
    expect(run('ff-public-docs__docs__firefoundry__platform__services__notification-service__reference').map((e) => e.name)).toEqual([
      'SendResult', 'NotificationDetail', 'ProviderConfig', 'ErrorResponse',
    ]);
    expect(run('GuitarAccuracy__specs__001-create-a-guitar__spec').map(brief)).toEqual([
      { name: 'MetronomeSettings', line: 98, fields: ['BPM:integer', 'Pattern:string'] },
      { name: 'PlaybackState', line: 99, fields: ['isRunning:boolean', 'lastStartTime:datetime'] },
    ]);
    expect(run('avalon_2__specs__006-player-reconnection__contracts__api')).toEqual([]);
    expect(run('MoonMind__specs__025-manifest-task-system__contracts__manifests-api')).toEqual([]);
    expect(run('fabric-core-api__docs__people')).toEqual([]);
  });
});
