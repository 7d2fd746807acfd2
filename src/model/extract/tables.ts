/**
 * Database tables of a document: plan-style `#### \`table\`` headings with column/index/policy bullets,
 * column tables under a table heading, and SQL code blocks (CREATE TABLE/INDEX/POLICY, ALTER TABLE)
 * read with PostgreSQL's own parser. Indexes and policies attach to their table by name.
 */
import type { Table } from '../schema.js';
import type { DocContext } from './context.js';
import { readColumnTables } from './tables/column-tables.js';
import { emptyFacts } from './tables/facts.js';
import { mergeTables } from './tables/merge.js';
import { readPlan } from './tables/plan.js';
import { readSql } from './tables/sql.js';

export function extractTables(ctx: DocContext): Table[] {
  const facts = emptyFacts();
  readPlan(ctx.doc, facts);
  readColumnTables(ctx.doc, facts);
  readSql(ctx, facts);
  return mergeTables(ctx, facts);
}
