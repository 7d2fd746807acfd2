/** The SQL parser as featspec sees it: PostgreSQL's own parser (libpg-query), with string offsets. */
import type { Node } from 'libpg-query';
import { byteToChar, codePointToChar, mapLocations } from './offsets.js';
import { skipTrivia, trimEnd } from './split.js';

export type { Node as SqlNode } from 'libpg-query';

export interface SqlStatement {
  /** The statement's parse tree; every `location` in it is a 0-based string offset into the parsed text. */
  stmt: Node;
  /** Offset of the statement's first token (leading whitespace and comments skipped). */
  start: number;
  /** Offset just past the statement (its semicolon excluded). */
  end: number;
}

export interface SqlToken {
  start: number;
  end: number;
  text: string;
  /** libpg-query token name: `IDENT`, `SCONST`, `ICONST`, `SQL_COMMENT`, `C_COMMENT`, `ASCII_40` ('('), ... */
  name: string;
  /**
   * Upper-case text of an unquoted word: from `scan`, keywords only (`CREATE`, `USING`); from the
   * JavaScript lexer (lex.ts), plain identifiers too (`USERS`). Null for every other token.
   */
  keyword: string | null;
}

export type SqlParseResult =
  | { ok: true; stmts: SqlStatement[] }
  /** `offset`: 0-based string offset of the error in the parsed text, null when unknown. */
  | { ok: false; message: string; offset: number | null };

export interface SqlParser {
  /** Parse SQL text into statements, or say where it stops being SQL. Never throws. */
  parse(sql: string): SqlParseResult;
  /** The tokens of the text (comments included), or null when it cannot be tokenized. Never throws. */
  scan(sql: string): SqlToken[] | null;
}

/** The synchronous part of libpg-query that featspec uses (after its module is loaded). */
export interface PgQueryApi {
  parseSync(sql: string): { stmts?: { stmt?: Node; stmt_location?: number; stmt_len?: number }[] };
  scanSync(sql: string): { tokens?: { start: number; end: number; text: string; tokenName: string; keywordKind: number }[] };
}

/** The error position libpg-query reports: 0-based, in characters (code points), not bytes. */
function errorOffset(e: unknown): number | null {
  const d = (e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  return typeof d?.cursorPosition === 'number' && d.cursorPosition >= 0 ? d.cursorPosition : null;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createSqlParser(api: PgQueryApi): SqlParser {
  return {
    parse(sql) {
      if (sql.trim() === '') return { ok: true, stmts: [] };
      const toChar = byteToChar(sql);
      try {
        const tree = api.parseSync(sql);
        const stmts: SqlStatement[] = [];
        for (const raw of tree.stmts ?? []) {
          if (!raw.stmt) continue;
          const loc = raw.stmt_location ?? 0;
          const len = raw.stmt_len ?? 0;
          mapLocations(raw.stmt, toChar);
          const start = skipTrivia(sql, toChar(loc));
          stmts.push({ stmt: raw.stmt, start, end: trimEnd(sql, start, len > 0 ? toChar(loc + len) : sql.length) });
        }
        return { ok: true, stmts };
      } catch (e) {
        const offset = errorOffset(e);
        return { ok: false, message: errorMessage(e), offset: offset === null ? null : codePointToChar(sql, offset) };
      }
    },
    scan(sql) {
      const toChar = byteToChar(sql);
      try {
        return (api.scanSync(sql).tokens ?? []).map((t) => {
          const start = toChar(t.start);
          const end = toChar(t.end);
          return { start, end, text: sql.slice(start, end), name: t.tokenName, keyword: t.keywordKind > 0 ? t.text.toUpperCase() : null };
        });
      } catch {
        return null;
      }
    },
  };
}
