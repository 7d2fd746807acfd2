/**
 * Migrations at start-up, from the compiled schema.sql. Each applied schema is recorded in
 * `featspec_migrations` (hash, SQL, resource snapshot). An unchanged hash applies nothing; a changed
 * one re-applies the idempotent DDL in one transaction (additive changes), after refusing destructive
 * ones unless they are allowed. Every run ends with the application role and its grants in place.
 */
import { createHash } from 'node:crypto';
import { sqlIdent } from '../compile/names.js';
import { addedColumns, destructiveChanges, type DestructiveChange, type SchemaSnapshot } from './schema-diff.js';
import { APP_ROLE, type Queryable, type Store } from './store/types.js';

export class MigrationError extends Error {}

export interface MigrationInput {
  schemaSql: string;
  snapshot: SchemaSnapshot;
  allowDestructive: boolean;
}

export interface MigrationResult {
  /** False when the recorded schema already matches. */
  applied: boolean;
  hash: string;
  /** Destructive changes carried out (only with allowDestructive). */
  destructive: string[];
}

const LEDGER = `CREATE TABLE IF NOT EXISTS featspec_migrations (
  id serial PRIMARY KEY,
  hash text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  sql text NOT NULL,
  resources jsonb NOT NULL,
  destructive text[] NOT NULL DEFAULT '{}'
)`;

const ROLE = `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    BEGIN CREATE ROLE ${APP_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    BEGIN EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user); EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN NULL; END;
  END IF;
END $$`;

/** schema.sql is one BEGIN ... COMMIT; the migration runs it inside its own transaction instead. */
export function withoutTransaction(sql: string): string {
  return sql.replace(/^BEGIN;[ \t]*$/m, '').replace(/^COMMIT;[ \t]*$/m, '');
}

export const schemaHash = (sql: string) => createHash('sha256').update(sql).digest('hex');

async function grants(q: Queryable, tables: string[]): Promise<void> {
  await q.exec(`GRANT USAGE ON SCHEMA ${sqlIdent((await q.query<{ s: string }>('SELECT current_schema() AS s'))[0]!.s)} TO ${APP_ROLE}`);
  for (const t of tables) await q.exec(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${sqlIdent(t)} TO ${APP_ROLE}`);
  await q.exec(`DO $$ DECLARE s record; BEGIN
    FOR s IN SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema() AND sequence_name <> 'featspec_migrations_id_seq' LOOP
      EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %I TO ${APP_ROLE}', s.sequence_name);
    END LOOP; END $$`);
}

/** The hash of the last applied schema, or null (no ledger yet). */
async function recordedHash(store: Store): Promise<string | null> {
  try {
    return (await store.query<{ hash: string }>('SELECT hash FROM featspec_migrations ORDER BY id DESC LIMIT 1'))[0]?.hash ?? null;
  } catch (e) {
    if ((e as { code?: string }).code === '42P01') return null;
    throw e;
  }
}

/** Drop the policies of the managed tables, so policies removed from the design go too (schema.sql recreates the rest). */
async function dropPolicies(q: Queryable, tables: string[]): Promise<void> {
  const rows = await q.query<{ t: string; p: string }>(`SELECT tablename AS t, policyname AS p FROM pg_policies WHERE schemaname = current_schema() AND tablename = ANY($1::text[])`, [tables]);
  for (const r of rows) await q.exec(`DROP POLICY IF EXISTS ${sqlIdent(r.p)} ON ${sqlIdent(r.t)}`);
}

/** Apply the schema unless the ledger says it is applied already (the fast path of a restart: one query). */
export async function migrate(store: Store, input: MigrationInput): Promise<MigrationResult> {
  const hash = schemaHash(input.schemaSql);
  if ((await recordedHash(store)) === hash) return { applied: false, hash, destructive: [] };
  const tables = Object.keys(input.snapshot).sort();
  return store.transaction(async (q) => {
    if (store.kind === 'postgres') await q.query(`SELECT pg_advisory_xact_lock(hashtext('featspec_migrations'))`);
    await q.exec(LEDGER);
    await q.exec(ROLE);
    const last = (await q.query<{ hash: string; resources: SchemaSnapshot | string }>('SELECT hash, resources FROM featspec_migrations ORDER BY id DESC LIMIT 1'))[0];
    let destructive: DestructiveChange[] = [];
    if (last?.hash !== hash) {
      const before: SchemaSnapshot = last ? (typeof last.resources === 'string' ? (JSON.parse(last.resources) as SchemaSnapshot) : last.resources) : {};
      destructive = destructiveChanges(before, input.snapshot);
      if (destructive.length > 0 && !input.allowDestructive) {
        throw new MigrationError(
          `the designs changed the database schema destructively:\n${destructive.map((d) => `  - ${d.message}`).join('\n')}\n` +
            'nothing was applied; start with --allow-destructive to apply these changes (data in them is lost)',
        );
      }
      const added = addedColumns(before, input.snapshot, input.schemaSql);
      const step = async (what: string, sql: string) => {
        try {
          await q.exec(sql);
        } catch (e) {
          throw new MigrationError(`${what} failed, nothing was applied: ${e instanceof Error ? e.message : String(e)}\n  statement: ${sql.length > 300 ? `${sql.slice(0, 300)}...` : sql}`);
        }
      };
      // Policies first: a column a policy uses cannot change type or go while the policy exists.
      await dropPolicies(q, Object.keys(before).filter((t) => input.snapshot[t]));
      for (const d of destructive) await step('a destructive change', d.sql);
      for (const add of added.before) await step('adding a column', add);
      await step('applying schema.sql', withoutTransaction(input.schemaSql));
      for (const fk of added.after) await step('adding a foreign key', fk);
      await q.query('INSERT INTO featspec_migrations (hash, sql, resources, destructive) VALUES ($1, $2, $3::jsonb, $4::text[])', [
        hash, input.schemaSql, JSON.stringify(input.snapshot), destructive.map((d) => d.message),
      ]);
    }
    await grants(q, tables);
    return { applied: last?.hash !== hash, hash, destructive: destructive.map((d) => d.message) };
  });
}
