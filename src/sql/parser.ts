/** Placeholder interface; the PostgreSQL parser is loaded lazily by loadSqlParser(). */
export interface SqlParser {
  /** Parse SQL text; returns the statements' parse tree or an error with a 0-based character offset. */
  parse(sql: string): { ok: true; stmts: unknown[] } | { ok: false; message: string; offset: number | null };
}
