import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractTables } from '../../../src/model/extract/tables.js';
import { loadSqlParser } from '../../../src/sql/load.js';
import type { SqlParser } from '../../../src/sql/parser.js';
import { docContext, SHARED } from '../../helpers.js';

const CORPUS = new URL('corpus/', SHARED);
let sql: SqlParser;
beforeAll(async () => {
  const p = await loadSqlParser();
  if (!p) throw new Error('libpg-query did not load');
  sql = p;
});

const read = (path: string) => {
  const ctx = docContext(readFileSync(new URL(path, CORPUS), 'utf8'), { path, sql });
  return { ctx, tables: extractTables(ctx) };
};
const shape = (t: ReturnType<typeof extractTables>) => t.map((x) => `${x.name}@${x.source.line} c${x.columns.length} i${x.indexes.length} p${x.policies.length}`);

describe.skipIf(!existsSync(CORPUS))('extractTables on the corpus', () => {
  it('D/sun100 46: DDL tables, a composite key, and policies on decks (defined in another document)', () => {
    const { tables } = read('D/sun100__docs__46-cloude-sql.md');
    expect(shape(tables)).toEqual(['users@177 c8 i1 p0', 'orgs@190 c5 i0 p0', 'org_members@200 c4 i0 p0', 'decks@235 c0 i0 p4']);
    const members = tables[2]!;
    expect(members.columns.filter((c) => c.primaryKey).map((c) => `${c.name}->${c.references}`)).toEqual(['org_id->orgs.id', 'user_id->users.id']);
    expect(tables[3]!.policies.map((p) => p.operation)).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(tables[3]!.policies[1]!.rule).toBe("WITH CHECK (get_user_role(decks.organization_id) IN ('owner', 'admin', 'editor'))");
  });

  it('D/sun100 80: column tables get the RLS policies and indexes of the SQL blocks', () => {
    const { tables } = read('D/sun100__01-docs__80-pitch-deck-supabase.md');
    expect(shape(tables)).toEqual(['decks@193 c14 i4 p4', 'slides@213 c13 i3 p0']);
    const slides = tables[1]!;
    expect(slides.indexes).toEqual([
      { name: 'idx_slides_deck_id_position', columns: ['deck_id', 'position'], unique: false },
      { name: 'slides_deck_id_position_key', columns: ['deck_id', 'position'], unique: true },
      { name: 'idx_slides_content_fts', columns: ["to_tsvector('english', (title || ' ' || COALESCE(content, '')))"], unique: false },
    ]);
    expect(slides.columns[1]).toEqual({ name: 'deck_id', type: 'uuid', primaryKey: false, nullable: null, default: null, references: 'decks.id', description: 'Parent deck.' });
  });

  it('A/MoonMind 025 data-model: four tables from | Column | Type | Constraints | Description |', () => {
    const { tables } = read('A/MoonMind__specs__025-task-presets__data-model.md');
    expect(shape(tables)).toEqual([
      'task_step_templates@9 c13 i0 p0', 'task_step_template_versions@26 c13 i0 p0',
      'task_step_template_favorites@43 c4 i0 p0', 'task_step_template_recents@51 c4 i0 p0',
    ]);
    expect(tables[0]!.columns.slice(0, 3).map((c) => [c.name, c.type, c.primaryKey, c.nullable])).toEqual([
      ['id', 'uuid', true, false], ['slug', 'citext', false, null], ['scope_type', 'enum(global,team,personal)', false, null],
    ]);
    expect(tables[0]!.columns.find((c) => c.name === 'latest_version_id')?.references).toBe('task_step_template_versions.id');
    expect(tables[0]!.columns.find((c) => c.name === 'created_at')?.default).toBe('now');
  });

  it('D/job-finder FREELANCE plan: SQLite-flavoured DDL still parses', () => {
    const { tables } = read('D/job-finder-worker__docs__plans__PLAN_FREELANCE_GIG_PIPELINE.md');
    expect(tables.map((t) => t.name)).toEqual(['gig_platform_catalog', 'user_platform_onboarding', 'user_credentials', 'gig_sources', 'gig_listings', 'gig_matches']);
    expect(tables[0]!.columns.find((c) => c.name === 'created_at')?.default).toBe("(datetime('now'))");
  });

  it('B/kiro-stock design: MySQL-style INDEX lines are skipped, the tables are kept', () => {
    const { tables } = read('B/kiro-stock-platform__.kiro__specs__stock-analysis-platform__design.md');
    expect(shape(tables)).toEqual(['stocks@225 c6 i1 p0', 'stock_data@236 c9 i1 p0', 'technical_indicators@250 c6 i0 p0', 'trading_signals@261 c7 i0 p0']);
    expect(tables[0]!.indexes).toEqual([{ name: 'stocks_symbol_market_key', columns: ['symbol', 'market'], unique: true }]);
    expect(tables[0]!.columns.map((c) => `${c.name} ${c.type}${c.default ? ` = ${c.default}` : ''}`)).toEqual([
      'id serial', 'symbol varchar(20)', 'market varchar(5)', 'name varchar(100)', 'created_at timestamp = CURRENT_TIMESTAMP', 'updated_at timestamp = CURRENT_TIMESTAMP',
    ]);
  });

  it('never throws and places every table inside its document', () => {
    for (const dir of readdirSync(CORPUS)) {
      if (!/^[A-Z]$/.test(dir)) continue;
      for (const f of readdirSync(new URL(`${dir}/`, CORPUS))) {
        const { ctx, tables } = read(`${dir}/${f}`);
        for (const t of tables) {
          expect(t.source.line).toBeGreaterThan(0);
          expect(t.source.line).toBeLessThanOrEqual(ctx.doc.lines);
        }
      }
    }
  });
});
