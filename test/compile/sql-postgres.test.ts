/**
 * schema.sql applied to a real PostgreSQL server (test/support/postgres.ts starts one). Without PostgreSQL
 * the suite is skipped, except when CI=true: there a missing server fails the run.
 */
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { postgresAvailability, startPostgres } from '../support/postgres.js';
import { schemaSuite, type Db } from './sql-db-suite.js';

const availability = postgresAvailability();

async function open(): Promise<Db> {
  const server = await startPostgres();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await client.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    close: async () => {
      await client.end();
      await server.stop();
    },
  };
}

if (availability.ok) schemaSuite(`PostgreSQL (${availability.bin})`, open);
else if (process.env.CI === 'true') {
  describe('schema.sql on PostgreSQL', () => {
    test('PostgreSQL is installed (required when CI=true)', () => {
      expect.fail(`CI=true but ${availability.reason}`);
    });
  });
} else {
  console.warn(`schema.sql on PostgreSQL: skipped, ${availability.reason}`);
  describe.skip(`schema.sql on PostgreSQL: skipped, ${availability.reason}`, () => {
    test('needs PostgreSQL', () => undefined);
  });
}
