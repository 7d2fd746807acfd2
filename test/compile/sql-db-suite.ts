/**
 * One suite for schema.sql against a database (PGlite and a real PostgreSQL server run it alike): every golden
 * schema.sql applies twice with the same catalog after both, and row-level security isolates users when
 * queries run as featspec_app with app.user_id set, the way serve runs them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

export interface Db {
  /** Run SQL text holding several statements (no parameters). */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  close(): Promise<void>;
}

export const CASES = ['examples', 'design', 'plan', 'technical-design', 'feature-guide', 'implementation', 'sql-policies', 'sql-keys'];
const schemaText = (name: string) => readFileSync(new URL(`../fixtures/compile/${name}/schema.sql`, import.meta.url), 'utf8');
const schemaName = (name: string) => `case_${name.replace(/-/g, '_')}`;

/** Policies that deny on purpose (untranslatable or "no one"); every other policy must have been created as compiled. */
const DENYING: Record<string, string[]> = {
  // notes_select_3 (`owner_id = current_user`: uuid = name) is refused by PostgreSQL and falls back to denying.
  'sql-policies': ['audit_events_insert', 'audit_events_select', 'notes_select_2', 'notes_select_3', 'projects_delete'],
};

export const A = '0a0a0a0a-0000-4000-8000-00000000000a';
export const B = '0b0b0b0b-0000-4000-8000-00000000000b';
export const C = '0c0c0c0c-0000-4000-8000-00000000000c';

/** The catalog of a schema: tables and columns, constraints, indexes, policies, RLS flags, grants. */
async function catalog(db: Db, schema: string): Promise<unknown[]> {
  const q = async (sql: string) => (await db.query(sql, [schema])).rows;
  return [
    await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = $1 ORDER BY 1, 2`),
    await q(`SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 ORDER BY 1, 2`),
    await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY 1, 2`),
    await q(`SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies WHERE schemaname = $1 ORDER BY 1, 2`),
    await q(`SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1`),
    await q(`SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE table_schema = $1 AND grantee = 'featspec_app' ORDER BY 1, 2`),
  ];
}

/** Run `work` in one transaction as featspec_app with app.user_id = user (null: not set), like serve. */
export async function as<T>(db: Db, schema: string, user: string | null, work: (q: Db['query']) => Promise<T>, settings: Record<string, string> = {}): Promise<T> {
  await db.query('BEGIN');
  try {
    await db.query(`SET LOCAL search_path TO ${schema}`);
    await db.query('SET LOCAL ROLE featspec_app');
    if (user !== null) await db.query(`SELECT set_config('app.user_id', $1, true)`, [user]);
    for (const [k, v] of Object.entries(settings)) await db.query(`SELECT set_config($1, $2, true)`, [k, v]);
    const out = await work((sql, params) => db.query(sql, params));
    await db.query('COMMIT');
    return out;
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}

const count = async (q: Db['query'], table: string) => Number((await q<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

export function schemaSuite(label: string, open: () => Promise<Db>): void {
  describe(`schema.sql on ${label}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
      for (const name of CASES) await db.exec(`CREATE SCHEMA ${schemaName(name)}; GRANT USAGE ON SCHEMA ${schemaName(name)} TO PUBLIC;`);
    }, 180_000);
    afterAll(async () => {
      await db?.close();
    });

    test.each(CASES)('%s applies twice and the second time changes nothing', async (name) => {
      const schema = schemaName(name);
      const text = schemaText(name);
      await db.exec(`SET search_path TO ${schema};\n${text}`);
      const first = await catalog(db, schema);
      await db.exec(`SET search_path TO ${schema};\n${text}`);
      expect(await catalog(db, schema)).toEqual(first);
      const rls = first[4] as { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[];
      expect(rls.every((t) => t.relrowsecurity && t.relforcerowsecurity)).toBe(true);
      const denying = await db.query<{ policyname: string }>(`SELECT policyname FROM pg_policies WHERE schemaname = $1 AND (qual = 'false' OR with_check = 'false') ORDER BY 1`, [schema]);
      expect(denying.rows.map((r) => r.policyname)).toEqual(DENYING[name] ?? []);
    });

    test('examples: a row of user A is invisible to user B; B can neither change nor delete it nor write as A', async () => {
      const s = schemaName('examples');
      const ids = await as(db, s, A, async (q) => {
        const c = (await q<{ id: string }>(`INSERT INTO collections (owner_id, name) VALUES ($1, 'Papers') RETURNING id`, [A])).rows[0]!.id;
        const b = (await q<{ id: string }>(`INSERT INTO bookmarks (owner_id, collection_id, url) VALUES ($1, $2, 'https://example.org/raft') RETURNING id`, [A, c])).rows[0]!.id;
        return { c, b };
      });
      await as(db, s, B, async (q) => {
        expect(await count(q, 'collections')).toBe(0);
        expect(await count(q, 'bookmarks')).toBe(0);
        expect((await q(`UPDATE collections SET name = 'Mine' WHERE id = $1`, [ids.c])).rowCount).toBe(0);
        expect((await q(`UPDATE bookmarks SET note = 'Mine' WHERE id = $1`, [ids.b])).rowCount).toBe(0);
        expect((await q(`DELETE FROM bookmarks WHERE id = $1`, [ids.b])).rowCount).toBe(0);
        expect((await q(`DELETE FROM collections WHERE id = $1`, [ids.c])).rowCount).toBe(0);
      });
      await expect(as(db, s, B, (q) => q(`INSERT INTO collections (owner_id, name) VALUES ($1, 'Forged')`, [A]))).rejects.toThrow(/row-level security/);
      await as(db, s, A, async (q) => {
        expect((await q<{ name: string }>(`SELECT name FROM collections WHERE id = $1`, [ids.c])).rows).toEqual([{ name: 'Papers' }]);
        expect(await count(q, 'bookmarks')).toBe(1);
        expect((await q(`UPDATE bookmarks SET status = 'done' WHERE id = $1`, [ids.b])).rowCount).toBe(1);
      });
      for (const user of [null, '']) await as(db, s, user, async (q) => expect(await count(q, 'collections')).toBe(0));
    });

    test('examples: a documented SQL policy is carried over (notifications are inserted only as app.role notifier)', async () => {
      const s = schemaName('examples');
      const c = await as(db, s, A, async (q) => (await q<{ id: string }>(`INSERT INTO collections (owner_id, name) VALUES ($1, 'Talks') RETURNING id`, [A])).rows[0]!.id);
      const insert = (q: Db['query']) => q(`INSERT INTO notifications (owner_id, collection_id, kind, message) VALUES ($1, $2, 'bookmark_added', 'New')`, [A, c]);
      await expect(as(db, s, A, insert)).rejects.toThrow(/row-level security/);
      await as(db, s, A, insert, { 'app.role': 'notifier' });
      await as(db, s, A, async (q) => expect(await count(q, 'notifications')).toBe(1));
      await as(db, s, B, async (q) => expect(await count(q, 'notifications')).toBe(0));
    });

    test('sql-policies: members of the team read its projects; only admins update; nobody deletes', async () => {
      const s = schemaName('sql-policies');
      const { project } = await as(db, s, A, async (q) => {
        const team = (await q<{ id: string }>(`INSERT INTO teams (owner_id, name) VALUES ($1, 'Core') RETURNING id`, [A])).rows[0]!.id;
        await q(`INSERT INTO team_members (owner_id, team_id, user_id) VALUES ($1, $2, $3)`, [A, team, B]);
        const p = (await q<{ id: string }>(`INSERT INTO projects (owner_id, team_id, title) VALUES ($1, $2, 'Launch') RETURNING id`, [A, team])).rows[0]!.id;
        return { project: p };
      });
      await as(db, s, B, async (q) => {
        expect(await count(q, 'teams')).toBe(1);
        expect(await count(q, 'projects')).toBe(1);
        expect((await q(`UPDATE projects SET title = 'Mine' WHERE id = $1`, [project])).rowCount).toBe(0);
      });
      await as(db, s, C, async (q) => expect(await count(q, 'projects')).toBe(0));
      await as(db, s, A, async (q) => {
        expect((await q(`UPDATE projects SET budget = 10 WHERE id = $1`, [project])).rowCount).toBe(0);
        expect((await q(`DELETE FROM projects WHERE id = $1`, [project])).rowCount).toBe(0);
      });
      await as(db, s, A, async (q) => expect((await q(`UPDATE projects SET budget = 10 WHERE id = $1`, [project])).rowCount).toBe(1), { 'app.role': 'admin' });
    });

    test('FORCE ROW LEVEL SECURITY: a non-superuser owner applies the file and is isolated like featspec_app', async () => {
      await db.exec(`CREATE ROLE featspec_owner NOLOGIN; CREATE SCHEMA case_owned AUTHORIZATION featspec_owner;`);
      try {
        await db.exec(`SET ROLE featspec_owner; SET search_path TO case_owned;\n${schemaText('design')}`);
      } finally {
        await db.exec('RESET ROLE; RESET search_path;');
      }
      const asOwner = async (user: string, sql: string, params: unknown[] = []) => {
        await db.query('BEGIN');
        try {
          await db.query('SET LOCAL search_path TO case_owned');
          await db.query('SET LOCAL ROLE featspec_owner');
          await db.query(`SELECT set_config('app.user_id', $1, true)`, [user]);
          return await db.query(sql, params);
        } finally {
          await db.query('COMMIT');
        }
      };
      await asOwner(A, `INSERT INTO widgets (owner_id, name) VALUES ($1, 'Open tickets')`, [A]);
      expect((await asOwner(B, 'SELECT name FROM widgets')).rows).toEqual([]);
      expect((await asOwner(A, 'SELECT name FROM widgets')).rows).toEqual([{ name: 'Open tickets' }]);
    });

    test('sql-keys: keys added late (a cycle, a unique column) hold', async () => {
      const s = schemaName('sql-keys');
      await as(db, s, A, async (q) => {
        const author = (await q<{ id: number }>(`INSERT INTO authors (owner_id, email, kind) VALUES ($1, 'ana@example.org', 'person') RETURNING id`, [A])).rows[0]!.id;
        const book = (await q<{ id: number }>(`INSERT INTO books (owner_id, author_id, isbn, editor_email) VALUES ($1, $2, '978-0', 'ana@example.org') RETURNING id`, [A, author])).rows[0]!.id;
        expect((await q(`UPDATE authors SET favorite_book_id = $1 WHERE id = $2`, [book, author])).rowCount).toBe(1);
      });
      await expect(as(db, s, A, (q) => q(`INSERT INTO books (owner_id, author_id, isbn, editor_email) VALUES ($1, 1, '978-1', 'nobody@example.org')`, [A]))).rejects.toThrow(/foreign key/);
    });
  });
}
