/** schema.sql applied to PGlite (one in-memory instance for the file: a cold start takes seconds and ~770 MB). */
import { PGlite } from '@electric-sql/pglite';
import { schemaSuite, type Db } from './sql-db-suite.js';

async function open(): Promise<Db> {
  const pg = await PGlite.create();
  return {
    exec: async (sql) => {
      await pg.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await pg.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    close: () => pg.close(),
  };
}

schemaSuite('PGlite', open);
