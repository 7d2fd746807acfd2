import { codeBlocks } from '../markdown/walk.js';
import type { MarkdownDoc } from '../markdown/types.js';
import { createSqlParser, type PgQueryApi, type SqlParser } from './parser.js';

export const SQL_LANGS = new Set(['sql', 'postgres', 'postgresql', 'pgsql', 'plpgsql', 'psql']);

export function hasSql(doc: MarkdownDoc): boolean {
  for (const { block } of codeBlocks(doc.root)) if (SQL_LANGS.has(block.lang)) return true;
  return false;
}

/**
 * Whether a document's text may hold a SQL code block (a fence with a SQL language): a cheap look at the
 * raw text, so that the parser can start loading before the documents are parsed. It may answer yes
 * for a fence that turns out not to be one; `hasSql` on the parsed document decides.
 */
export function mayHaveSql(text: string): boolean {
  return SQL_FENCE.test(text);
}
const SQL_FENCE = new RegExp(`^[ \\t>*+\\-\\d.]*(?:\`{3,}|~{3,})[ \\t]*(?:${[...SQL_LANGS].join('|')})(?![\\w-])`, 'im');

let loading: Promise<SqlParser | null> | null = null;

async function load(): Promise<SqlParser | null> {
  try {
    const lib = await import('libpg-query');
    await lib.loadModule();
    return createSqlParser(lib as PgQueryApi);
  } catch {
    return null;
  }
}

/** Load the PostgreSQL parser (lazily, once: later calls share the first load). Returns null when it cannot be loaded. */
export function loadSqlParser(): Promise<SqlParser | null> {
  loading ??= load();
  return loading;
}
