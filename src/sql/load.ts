import { codeBlocks } from '../markdown/walk.js';
import type { MarkdownDoc } from '../markdown/types.js';
import type { SqlParser } from './parser.js';

export const SQL_LANGS = new Set(['sql', 'postgres', 'postgresql', 'pgsql', 'plpgsql', 'psql']);

export function hasSql(doc: MarkdownDoc): boolean {
  for (const { block } of codeBlocks(doc.root)) if (SQL_LANGS.has(block.lang)) return true;
  return false;
}

/** Load the PostgreSQL parser (lazily, once). Returns null when it cannot be loaded. */
export async function loadSqlParser(): Promise<SqlParser | null> {
  return null;
}
