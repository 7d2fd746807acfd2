import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTables } from '../../../src/model/extract/tables.js';
import { docContext, md, SHARED } from '../../helpers.js';

const col = (name: string, type: string, more: Partial<{ primaryKey: boolean; nullable: boolean | null; default: string | null; references: string | null; description: string | null }> = {}) => ({
  name, type, primaryKey: false, nullable: null, default: null, references: null, description: null, ...more,
});
const src = (line: number) => ({ path: 'docs/features/001-test/design.md', line });

describe('extractTables: plan style (seed 002)', () => {
  it('reads the seed: one table with 5 columns, 1 index, 4 policies; the relationship names a missing column', () => {
    const ctx = docContext(readFileSync(new URL('seeds/002_2a0a541a126a2827.txt', SHARED), 'utf8'), { path: 'plan.md' });
    const tables = extractTables(ctx);
    expect(tables).toEqual([{
      name: 'table_name',
      columns: [
        col('id', 'uuid', { primaryKey: true, nullable: false, description: 'Unique identifier' }),
        col('field_1', 'type', { description: '[Description]' }),
        col('field_2', 'type', { description: '[Description]' }),
        col('created_at', 'timestamptz', { description: 'Creation timestamp' }),
        col('updated_at', 'timestamptz', { description: 'Last update timestamp' }),
      ],
      indexes: [{ name: 'idx_table_field', columns: ['field_1'], unique: false }],
      policies: [
        { operation: 'SELECT', rule: '[Who can read - e.g., "Authenticated users can read own records"]' },
        { operation: 'INSERT', rule: '[Who can create - e.g., "Authenticated users only"]' },
        { operation: 'UPDATE', rule: '[Who can update - e.g., "Users can update own records"]' },
        { operation: 'DELETE', rule: '[Who can delete - e.g., "Only admins"]' },
      ],
      source: { path: 'plan.md', line: 57 },
    }]);
    expect(ctx.diagnostics.filter((d) => d.rule === 'table-relationship')).toEqual([{
      rule: 'table-relationship', severity: 'warning', path: 'plan.md', line: 81, column: 1,
      message: 'relationship table_name.field_id → related_table.id: no column "field_id" in a table "table_name" defined in this document',
    }]);
  });

  it('reads column constraints, unique indexes, policies and relationships (→, -> and â†’)', () => {
    const ctx = docContext(md(
      '# Plan',
      '## Database Schema',
      '### Tables',
      '#### `profiles`',
      '**Columns**:',
      '- `id` (uuid, PK) - Unique identifier',
      '- `org_id` (uuid, NOT NULL, FK → orgs.id) - Owner org',
      '- `email` (VARCHAR(255), unique, not null) - Login',
      "- `status` (text, DEFAULT 'active', nullable)",
      '- `author_id` (uuid, REFERENCES users(id)) – Author',
      '',
      '**Indexes**:',
      '- `idx_profiles_email` on `(email)` - UNIQUE lookup by email',
      '- `idx_profiles_org_status` on `(org_id, status)` - listing',
      '',
      '**RLS Policies**:',
      '- **SELECT**: auth.uid() = id',
      '- INSERT/UPDATE: owner only',
      '- not a policy line',
      '',
      '#### `memberships`',
      '- `profile_id` (uuid)',
      '- `team_id` (uuid)',
      '',
      '### Relationships',
      '- `memberships.profile_id` → `profiles.id` (FK, CASCADE)',
      '- `memberships.team_id` -> `teams.id`',
      '- `profiles.author_id` â†’ `people.id`',
    ));
    const [profiles, memberships, ...rest] = extractTables(ctx);
    expect(rest).toEqual([]);
    expect(profiles).toEqual({
      name: 'profiles',
      columns: [
        col('id', 'uuid', { primaryKey: true, nullable: false, description: 'Unique identifier' }),
        col('org_id', 'uuid', { nullable: false, references: 'orgs.id', description: 'Owner org' }),
        col('email', 'varchar(255)', { nullable: false, description: 'Login' }),
        col('status', 'text', { nullable: true, default: "'active'" }),
        col('author_id', 'uuid', { references: 'users.id', description: 'Author' }),
      ],
      indexes: [
        { name: 'profiles_email_key', columns: ['email'], unique: true },
        { name: 'idx_profiles_email', columns: ['email'], unique: true },
        { name: 'idx_profiles_org_status', columns: ['org_id', 'status'], unique: false },
      ],
      policies: [
        { operation: 'SELECT', rule: 'auth.uid() = id' },
        { operation: 'INSERT', rule: 'owner only' },
        { operation: 'UPDATE', rule: 'owner only' },
      ],
      source: src(4),
    });
    expect(memberships).toEqual({
      name: 'memberships',
      columns: [col('profile_id', 'uuid', { references: 'profiles.id' }), col('team_id', 'uuid', { references: 'teams.id' })],
      indexes: [], policies: [], source: src(21),
    });
    expect(ctx.diagnostics).toEqual([]);
  });

  it('ignores table headings outside a database section and headings without columns', () => {
    const ctx = docContext(md('# X', '## Data Flow', '#### `users`', '**Columns**:', '- `id` (uuid, PK)', '## Database', '#### `later`', '[Same structure as above]'));
    expect(extractTables(ctx)).toEqual([]);
  });
});

describe('extractTables: column tables', () => {
  it('reads | Column | Type | Constraints | Description | under a table heading', () => {
    const ctx = docContext(md(
      '# Data Model',
      '## 4. Database Schema Definitions',
      '### A. Table: `public.decks`',
      '| Column | Type | Constraints | Description |',
      '| :--- | :--- | :--- | :--- |',
      '| `id` | `uuid` | `PK`, `DEFAULT gen_random_uuid()` | Unique identifier. |',
      '| `org_id` | `uuid` | `FK(orgs.id)`, `NOT NULL` | Tenant. |',
      "| `status` | `text` | `CHECK(in 'draft', 'published')`, `DEFAULT 'draft'` | State. |",
      '| `slug` | citext | Unique (per scope) | Key. |',
      '| `email` | TEXT | UNIQUE, not null | |',
      '| `tags` | text[] | default `{}` | - |',
      '| `created_by` | UUID | FK → `user.id` | Owner. |',
      '| `note` | text | nullable | Free text. |',
    ));
    expect(extractTables(ctx)).toEqual([{
      name: 'decks',
      columns: [
        col('id', 'uuid', { primaryKey: true, nullable: false, default: 'gen_random_uuid()', description: 'Unique identifier.' }),
        col('org_id', 'uuid', { nullable: false, references: 'orgs.id', description: 'Tenant.' }),
        col('status', 'text', { default: "'draft'", description: 'State.' }),
        col('slug', 'citext', { description: 'Key.' }),
        col('email', 'text', { nullable: false }),
        col('tags', 'text[]', { default: '{}' }),
        col('created_by', 'uuid', { references: 'user.id', description: 'Owner.' }),
        col('note', 'text', { nullable: true, description: 'Free text.' }),
      ],
      indexes: [{ name: 'decks_email_key', columns: ['email'], unique: true }],
      policies: [],
      source: src(3),
    }]);
  });

  it('reads separate Nullable / Default / References columns and a name from the paragraph above', () => {
    const ctx = docContext(md(
      '## Database',
      '',
      '**`audit_log`**',
      '',
      '| Field | Type | Nullable | Default | References | Notes |',
      '|---|---|---|---|---|---|',
      '| id | bigserial | no | - | - | |',
      '| actor | uuid | yes | - | users(id) | who |',
      '| at | timestamptz | no | now() | - | when |',
    ));
    expect(extractTables(ctx)).toEqual([{
      name: 'audit_log',
      columns: [
        col('id', 'bigserial', { nullable: false }),
        col('actor', 'uuid', { nullable: true, references: 'users.id', description: 'who' }),
        col('at', 'timestamptz', { nullable: false, default: 'now()', description: 'when' }),
      ],
      indexes: [], policies: [], source: src(3),
    }]);
  });

  it('leaves entity tables (| Field | Type |) outside database sections to the entities extractor', () => {
    const ctx = docContext(md('## Response Schemas', '### SendResult', '| Field | Type | Description |', '|---|---|---|', '| `id` | UUID | x |'));
    expect(extractTables(ctx)).toEqual([]);
  });
});
