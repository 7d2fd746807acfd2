/** rls-policy: every table of a plan on PostgreSQL lists its row-level security policies. */
import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

const plan = (stack: string, policies: string[]) => md(
  '# Notes - Implementation Plan', '', '## Technical Context', '', stack, '', '## Database Schema', '',
  '#### `notes`', '**Columns**:', '- `id` (uuid, PK) - Identifier', '- `body` (text) - The note', '', ...policies,
);

async function missing(text: string): Promise<string[]> {
  return (await lintText(text, { path: 'docs/features/001-notes/plan.md' })).filter((d) => d.rule === 'rls-policy').map((d) => d.message);
}

describe('rls-policy', () => {
  it('names the operations a table lacks policies for, ALL covering every one', async () => {
    expect(await missing(plan('**Storage**: PostgreSQL 16', ['**RLS Policies**:', '- SELECT: owners read their notes', '- INSERT: owners add notes']))).toEqual(['table notes has no row-level security policies for UPDATE, DELETE']);
    expect(await missing(plan('**Storage**: PostgreSQL 16', ['**RLS Policies**:', '- ALL: owners only']))).toEqual([]);
    expect(await missing(plan('**Storage**: not decided', []))).toEqual(['table notes has no row-level security policies for SELECT, INSERT, UPDATE, DELETE']);
  });

  it('does not apply to a plan on a database without row-level security, unless the plan speaks of RLS or PostgreSQL', async () => {
    expect(await missing(plan('**Storage**: SQLite, migrations in `infra/sqlite/migrations/`', []))).toEqual([]);
    expect(await missing(plan('**Storage**: MySQL 8', []))).toEqual([]);
    expect(await missing(plan('**Storage**: SQLite locally, PostgreSQL in production', []))).toHaveLength(1);
    expect(await missing(plan('**Storage**: MySQL with RLS emulated in views', []))).toHaveLength(1);
  });
});
