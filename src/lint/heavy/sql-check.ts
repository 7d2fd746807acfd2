/**
 * Syntax errors of a SQL code block, by PostgreSQL's own parser. psql meta-command lines (`\c db`,
 * `\i file.sql`, `\dt`) are not SQL and are blanked before parsing (offsets are kept). A block where
 * no statement starts with a SQL keyword (only comments, prose, a pseudo-schema) is not checked.
 */
import { blankMetaCommands, scriptErrors, type SqlSyntaxError } from '../../sql/block.js';
import type { SqlParser } from '../../sql/parser.js';
import { splitSql } from '../../sql/split.js';

/** Words a PostgreSQL statement can start with. */
const STATEMENT_START = new Set([
  'ABORT', 'ALTER', 'ANALYZE', 'ANALYSE', 'BEGIN', 'CALL', 'CHECKPOINT', 'CLOSE', 'CLUSTER', 'COMMENT', 'COMMIT', 'COPY',
  'CREATE', 'DEALLOCATE', 'DECLARE', 'DELETE', 'DISCARD', 'DO', 'DROP', 'END', 'EXECUTE', 'EXPLAIN', 'FETCH', 'GRANT',
  'IMPORT', 'INSERT', 'LISTEN', 'LOAD', 'LOCK', 'MERGE', 'MOVE', 'NOTIFY', 'PREPARE', 'REASSIGN', 'REFRESH', 'REINDEX',
  'RELEASE', 'RESET', 'REVOKE', 'ROLLBACK', 'SAVEPOINT', 'SECURITY', 'SELECT', 'SET', 'SHOW', 'START', 'TABLE', 'TRUNCATE',
  'UNLISTEN', 'UPDATE', 'VACUUM', 'VALUES', 'WITH',
]);

/** True when at least one statement of the text starts with a SQL keyword. */
export function looksLikeSql(sql: string): boolean {
  return splitSql(sql).some((span) => STATEMENT_START.has((/^[A-Za-z]+/.exec(sql.slice(span.start))?.[0] ?? '').toUpperCase()));
}

const CACHE_LIMIT = 20_000;
const cache = new Map<string, SqlSyntaxError[]>();

/** The syntax errors of a block's code (offsets into the code); each distinct text is parsed once per process. */
export function sqlErrors(parser: SqlParser, code: string): SqlSyntaxError[] {
  const hit = cache.get(code);
  if (hit) return hit;
  const sql = blankMetaCommands(code);
  const errors = looksLikeSql(sql) ? scriptErrors(parser, sql) : [];
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(code, errors);
  return errors;
}
