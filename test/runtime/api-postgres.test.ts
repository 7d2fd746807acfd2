import { afterAll } from 'vitest';
import pg from 'pg';
import type { PostgresServer } from '../support/postgres.js';
import { freshDataDir, postgresOrSkip, removeTempDirs } from './helpers.js';
import { apiSuite } from './api-suite.js';

let server: PostgresServer | null = null;
afterAll(async () => {
  await server?.stop();
});

apiSuite('PostgreSQL', async (name) => {
  server ??= await postgresOrSkip();
  if (!server) return null;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return { dataDir: await freshDataDir(), databaseUrl: server.url.replace(/\/postgres$/, `/${name}`) };
});

afterAll(removeTempDirs);
