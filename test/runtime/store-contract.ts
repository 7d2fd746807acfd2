/**
 * The storage contract every store (PGlite, PostgreSQL) passes: the same suite, run once per store.
 * `open()` gives a store on an empty database; `close` is called by the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load.js';
import { compileForServe, type ServeBuild } from '../../src/runtime/compile.js';
import { migrate, MigrationError } from '../../src/runtime/migrate.js';
import { describeTables } from '../../src/runtime/columns.js';
import { APP_ROLE, type Store } from '../../src/runtime/store/types.js';
import { FIXTURES } from './helpers.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS items (id serial PRIMARY KEY, owner_id uuid NOT NULL, name text NOT NULL UNIQUE, qty integer CHECK (qty >= 0));
CREATE TABLE IF NOT EXISTS parts (id serial PRIMARY KEY, owner_id uuid NOT NULL, item_id integer NOT NULL REFERENCES items (id));
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF; END $$;
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
ALTER TABLE items FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS items_owner ON items;
CREATE POLICY items_owner ON items USING (owner_id = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK (owner_id = nullif(current_setting('app.user_id', true), '')::uuid);
ALTER TABLE parts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS parts_owner ON parts;
CREATE POLICY parts_owner ON parts USING (owner_id = nullif(current_setting('app.user_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON items, parts TO ${APP_ROLE};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
`;

const user = (userId: string, role = 'user') => ({ userId, role });

async function buildOf(name: string): Promise<ServeBuild> {
  return compileForServe(await loadWorkspace(`${FIXTURES}${name}`));
}

export function storeContract(label: string, open: () => Promise<Store | null>): void {
  describe(`store contract: ${label}`, () => {
    let store: Store;
    let skip = false;
    beforeAll(async () => {
      const s = await open();
      if (!s) {
        skip = true;
        return;
      }
      store = s;
      await store.exec(SCHEMA);
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });
    const test = (name: string, fn: () => Promise<void>) => it(name, async (ctx) => {
      if (skip) ctx.skip();
      await fn();
    });

    test('runs statements with bound parameters and scripts', async () => {
      expect(await store.query<{ n: number; s: string }>('SELECT $1::int + 1 AS n, $2::text AS s', [41, 'x'])).toEqual([{ n: 42, s: 'x' }]);
      await store.exec('CREATE TABLE t1 (a int); INSERT INTO t1 VALUES (1), (2);');
      expect(await store.query('SELECT count(*)::int AS n FROM t1')).toEqual([{ n: 2 }]);
    });

    test('asUser runs as the application role with the caller set for the transaction only', async () => {
      const [r] = await store.asUser<{ u: string; id: string; role: string }>(user(A, 'admin'), `SELECT current_user AS u, current_setting('app.user_id') AS id, current_setting('app.role') AS role`, []);
      expect(r).toEqual({ u: APP_ROLE, id: A, role: 'admin' });
      const [after] = await store.query<{ u: string; id: string | null }>(`SELECT current_user AS u, nullif(current_setting('app.user_id', true), '') AS id`);
      expect(after!.u).not.toBe(APP_ROLE);
      expect(after!.id).toBeNull();
    });

    test('row-level security isolates callers: reads, updates and deletes of other rows find nothing', async () => {
      const [mine] = await store.asUser<{ id: number }>(user(A), `INSERT INTO items (owner_id, name, qty) VALUES ($1, 'apple', 3) RETURNING id`, [A]);
      expect(await store.asUser(user(B), 'SELECT * FROM items', [])).toEqual([]);
      expect(await store.asUser(user(B), 'UPDATE items SET qty = 0 WHERE id = $1 RETURNING id', [mine!.id])).toEqual([]);
      expect(await store.asUser(user(B), 'DELETE FROM items WHERE id = $1 RETURNING id', [mine!.id])).toEqual([]);
      expect(await store.asUser(user(A), 'SELECT name, qty FROM items', [])).toEqual([{ name: 'apple', qty: 3 }]);
      await expect(store.asUser(user(B), `INSERT INTO items (owner_id, name) VALUES ($1, 'pear')`, [A])).rejects.toMatchObject({ code: '42501' });
    });

    test('concurrent callers never see each other\'s context', async () => {
      const ids = Array.from({ length: 24 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      const seen = await Promise.all(ids.map((id) => store.asUser<{ id: string }>(user(id), `SELECT current_setting('app.user_id') AS id`, [])));
      expect(seen.map((r) => r[0]!.id)).toEqual(ids);
    });

    test('a failing statement rejects with its SQLSTATE, writes nothing and leaves the store usable', async () => {
      await expect(store.asUser(user(A), `INSERT INTO items (owner_id, name, qty) VALUES ($1, 'neg', -1)`, [A])).rejects.toMatchObject({ code: '23514', constraint: 'items_qty_check' });
      await expect(store.asUser(user(A), `INSERT INTO items (owner_id, name) VALUES ($1, 'apple')`, [A])).rejects.toMatchObject({ code: '23505' });
      await expect(store.asUser(user(A), `INSERT INTO parts (owner_id, item_id) VALUES ($1, 999999)`, [A])).rejects.toMatchObject({ code: '23503' });
      await expect(store.asUser(user(A), 'SELECT 1/0', [])).rejects.toMatchObject({ code: '22012' });
      expect(await store.asUser(user(A), `SELECT name FROM items WHERE name = 'neg'`, [])).toEqual([]);
      expect(await store.asUser<{ n: number }>(user(A), 'SELECT 1 AS n', [])).toEqual([{ n: 1 }]);
    });

    test('asUser runs the same statement many times, with parameters of every kind, and statements without a result', async () => {
      const sql = 'SELECT $1::int AS n, $2::text AS s, $3::boolean AS b, $4::text[] AS a, $5::jsonb AS o, $6::text AS z';
      for (let i = 0; i < 12; i++) {
        const [r] = await store.asUser(user(A), sql, [i, `x"${i}'`, i % 2 === 0, ['a', 'b "c"', null], { k: [i] }, null]);
        expect(r).toEqual({ n: i, s: `x"${i}'`, b: i % 2 === 0, a: ['a', 'b "c"', null], o: { k: [i] }, z: null });
      }
      expect(await store.asUser(user(A), `UPDATE items SET qty = qty WHERE name = 'nothing'`, [])).toEqual([]);
      const many = await store.asUser<{ g: number }>(user(A), 'SELECT g FROM generate_series(1, $1::int) g ORDER BY g', [300]);
      expect(many.map((r) => r.g)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    });

    test('a statement that failed to prepare runs once its table exists, and a prepared one follows a table change', async () => {
      const sql = 'SELECT * FROM late_table ORDER BY a';
      await expect(store.asUser(user(A), sql, [])).rejects.toMatchObject({ code: '42P01' });
      await store.exec(`CREATE TABLE late_table (a int); INSERT INTO late_table VALUES (1); GRANT SELECT ON late_table TO ${APP_ROLE};`);
      for (let i = 0; i < 6; i++) expect(await store.asUser(user(A), sql, [])).toEqual([{ a: 1 }]);
      // Its result type changes: the prepared statement is stale, and the request still answers.
      await store.exec(`ALTER TABLE late_table ADD COLUMN b text NOT NULL DEFAULT 'x'`);
      expect(await store.asUser(user(A), sql, [])).toEqual([{ a: 1, b: 'x' }]);
      expect(await store.asUser(user(A), sql, [])).toEqual([{ a: 1, b: 'x' }]);
    });

    test('transaction commits on success and rolls back on a throw', async () => {
      await store.transaction(async (q) => {
        await q.exec('CREATE TABLE IF NOT EXISTS tx_probe (a int)');
        await q.query('INSERT INTO tx_probe VALUES ($1)', [1]);
      });
      await expect(store.transaction(async (q) => {
        await q.query('INSERT INTO tx_probe VALUES ($1)', [2]);
        throw new Error('stop');
      })).rejects.toThrow('stop');
      expect(await store.query('SELECT a FROM tx_probe ORDER BY a')).toEqual([{ a: 1 }]);
    });

    test('a request never runs inside another caller\'s open transaction', async () => {
      let seen: Promise<unknown[]> | null = null;
      await expect(store.transaction(async (q) => {
        await q.query(`INSERT INTO items (owner_id, name, qty) VALUES ($1, 'ghost', 1)`, [A]);
        seen = store.asUser(user(A), `SELECT name FROM items WHERE name = 'ghost'`, []);
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('undo');
      })).rejects.toThrow('undo');
      expect(await seen).toEqual([]);
      expect(await store.query(`SELECT name FROM items WHERE name = 'ghost'`)).toEqual([]);
    });

    test('migrate applies the compiled schema once, records it and re-applies nothing', async () => {
      const v1 = await buildOf('notes');
      const first = await migrate(store, { schemaSql: v1.schemaSql, snapshot: v1.snapshot, allowDestructive: false });
      expect(first.applied).toBe(true);
      const again = await migrate(store, { schemaSql: v1.schemaSql, snapshot: v1.snapshot, allowDestructive: false });
      expect(again).toEqual({ applied: false, hash: first.hash, destructive: [] });
      const ledger = await store.query<{ hash: string; sql: string }>('SELECT hash, sql FROM featspec_migrations ORDER BY id');
      expect(ledger).toEqual([{ hash: first.hash, sql: v1.schemaSql }]);
      const { columns, withoutRls } = await describeTables(store, ['notes', 'messages']);
      expect(withoutRls).toEqual([]);
      expect([...columns.get('notes')!.keys()]).toEqual(['id', 'owner_id', 'title', 'body', 'pinned', 'rating', 'tags', 'due', 'created_at', 'updated_at']);
      expect(columns.get('notes')!.get('tags')).toEqual({ name: 'tags', type: 'text[]', notNull: true, hasDefault: true });
    });

    test('migrate adds new columns, refuses destructive changes, applies them when allowed', async () => {
      const v2 = await buildOf('notes-v2');
      const added = await migrate(store, { schemaSql: v2.schemaSql, snapshot: v2.snapshot, allowDestructive: false });
      expect(added.applied).toBe(true);
      expect((await describeTables(store, ['notes'])).columns.get('notes')!.get('color')).toEqual({ name: 'color', type: 'text', notNull: true, hasDefault: true });
      const v3 = await buildOf('notes-v3');
      const input = { schemaSql: v3.schemaSql, snapshot: v3.snapshot, allowDestructive: false };
      await expect(migrate(store, input)).rejects.toThrow(MigrationError);
      await expect(migrate(store, input)).rejects.toThrow(/column notes\.body is gone.*\n.*column notes\.rating changes type from integer to text[\s\S]*--allow-destructive/);
      expect((await describeTables(store, ['notes'])).columns.get('notes')!.has('body')).toBe(true);
      const done = await migrate(store, { ...input, allowDestructive: true });
      expect(done.destructive).toEqual(['column notes.body is gone (its values would be dropped)', 'column notes.rating changes type from integer to text']);
      const cols = (await describeTables(store, ['notes'])).columns.get('notes')!;
      expect(cols.has('body')).toBe(false);
      expect(cols.get('rating')!.type).toBe('text');
      expect((await store.query('SELECT count(*)::int AS n FROM featspec_migrations'))).toEqual([{ n: 3 }]);
    });

    test('ping answers', async () => {
      await store.ping();
    });
  });
}
