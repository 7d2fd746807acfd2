import { afterAll } from 'vitest';
import pg from 'pg';
import { openPostgres } from '../../src/runtime/store/postgres.js';
import type { PostgresServer } from '../support/postgres.js';
import { postgresOrSkip, removeTempDirs } from './helpers.js';
import { storeContract } from './store-contract.js';

let server: PostgresServer | null = null;
afterAll(async () => {
  await server?.stop();
});

/** A fresh database on a throwaway server; null (skip) when PostgreSQL is missing outside CI. */
async function freshDatabase(name: string): Promise<string | null> {
  server ??= await postgresOrSkip();
  if (!server) return null;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.url.replace(/\/postgres$/, `/${name}`);
}

storeContract('PostgreSQL', async () => {
  const url = await freshDatabase('contract');
  return url ? openPostgres(url) : null;
});

afterAll(removeTempDirs);
