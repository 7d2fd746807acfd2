/** schema.sql parts: the expression check, policy rules and prose, types, defaults, keys and table order. */
import { describe, expect, test } from 'vitest';
import type { Resource, ResourceField } from '../../src/compile/resources.js';
import { columnDefault } from '../../src/compile/sql/defaults.js';
import { CALLER, CALLER_ONCE, checkExpr, INDEX_FUNCTIONS, looksLikeSql, POLICY_FUNCTIONS, type ExprScope } from '../../src/compile/sql/expr.js';
import { planKeys } from '../../src/compile/sql/foreign-keys.js';
import { compilePolicies } from '../../src/compile/sql/policies.js';
import { lex } from '../../src/compile/sql/lexer.js';
import { findMembership, memberPredicate } from '../../src/compile/sql/membership.js';
import { readRule } from '../../src/compile/sql/policy-rule.js';
import { ADMIN_PREDICATE, SIGNED_IN_PREDICATE, translateProse } from '../../src/compile/sql/prose.js';
import { tableStatement } from '../../src/compile/sql/tables.js';
import { columnType, parseType } from '../../src/compile/sql/types.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import type { Table } from '../../src/model/schema.js';

const src = { path: 'docs/features/001-test/plan.md', line: 12 };

function field(name: string, sqlType: string, opts: Partial<ResourceField> = {}): ResourceField {
  return {
    name, type: 'string', sqlType, required: false, generated: false, primaryKey: false, nullable: true,
    sqlDefault: null, default: null, references: null, description: null, source: src, ...opts,
  };
}

function resource(table: string, fields: ResourceField[], table_: Table | null = null): Resource {
  const all = [field('id', 'uuid', { primaryKey: true, generated: true, nullable: false }), field('owner_id', 'uuid', { generated: true, nullable: false }), ...fields];
  return { name: table, table, feature: '001-test', source: src, fields: all, primaryKey: 'id', owner: 'owner_id', table_, entity: null };
}

const tableOf = (name: string, extra: Partial<Table> = {}): Table => ({ name, columns: [], indexes: [], policies: [], source: src, ...extra });

const scope: ExprScope = {
  table: 'notes',
  columns: new Set(['id', 'owner_id', 'team_id', 'body']),
  tables: new Map([['notes', new Set(['id', 'owner_id', 'team_id', 'body'])], ['team_members', new Set(['id', 'team_id', 'user_id'])]]),
  functions: POLICY_FUNCTIONS,
  subqueries: true,
};

describe('lex', () => {
  test.each([
    ["a = 1; DROP TABLE x", 'it contains a statement separator (;)'],
    ['a = 1 -- note', 'it contains a comment'],
    ['a = $1', 'it contains a parameter or dollar-quoted text ($)'],
    ["a = 'open", 'a string is not closed'],
    ['lower(name', 'its parentheses do not balance'],
    ['a ` b', '` is not expected'],
  ])('%s is refused: %s', (text, reason) => {
    expect(lex(text)).toEqual({ ok: false, reason });
  });

  test('tokens with offsets; quoted names unquoted; identifiers lower-cased', () => {
    const r = lex(`"Owner" = 'it''s'::text`);
    expect(r.ok && r.tokens.map((t) => [t.kind, t.value, t.start])).toEqual([['qident', 'Owner', 0], ['op', '=', 8], ['string', "'it''s'", 10], ['cast', '::', 17], ['ident', 'text', 19]]);
  });
});

describe('checkExpr', () => {
  test.each([
    ['owner_id = auth.uid()', `owner_id = ${CALLER_ONCE}`],
    ['owner_id = (select auth.uid())', `owner_id = (select ${CALLER})`],
    ["owner_id = current_setting('app.account_id')::uuid", `owner_id = ${CALLER_ONCE}`],
    ["owner_id = current_setting('app.current_user_id', true)::uuid", `owner_id = ${CALLER_ONCE}`],
    ["owner_id::text = current_setting('app.user_id')", "owner_id::text = (SELECT nullif(current_setting('app.user_id', true), ''))"],
    ['owner_id = public.get_current_user_id()', `owner_id = ${CALLER_ONCE}`],
    ["current_setting('app.role', true) = 'notifier'", "current_setting('app.role', true) = 'notifier'"],
    ['EXISTS (SELECT 1 FROM public.team_members tm WHERE tm.team_id = notes.team_id AND tm.user_id = auth.uid())', `EXISTS (SELECT 1 FROM public.team_members tm WHERE tm.team_id = notes.team_id AND tm.user_id = ${CALLER_ONCE})`],
    ['team_id IN (SELECT team_id FROM team_members WHERE user_id = auth.uid())', `team_id IN (SELECT team_id FROM team_members WHERE user_id = ${CALLER_ONCE})`],
    ["body IS NOT NULL AND created::timestamp with time zone < now()", null],
  ])('%s', (text, expected) => {
    const r = checkExpr(text, scope);
    if (expected === null) expect(r).toEqual({ ok: false, reason: 'created is not a column in scope' });
    else expect(r.ok && r.text).toBe(expected);
  });

  test.each([
    ["get_user_role(team_id) IN ('owner')", 'get_user_role() is not a function featspec allows here'],
    ['EXISTS (SELECT 1 FROM org_members om WHERE om.user_id = auth.uid())', 'org_members is not a table of this schema'],
    ['tm.user_id = auth.uid()', 'tm is not a table or alias in scope'],
    ['notes.title = 1', 'notes has no column title'],
    ['owner_id::citext = 1', 'citext is not a type featspec knows'],
    ['EXISTS (SELECT 1 FROM other.team_members)', 'other.team_members is not in the public schema'],
    ['team_members.user_id = auth.uid()', 'team_members is not a table or alias in scope'],
  ])('%s is refused: %s', (text, reason) => {
    expect(checkExpr(text, scope)).toEqual({ ok: false, reason });
  });

  test('index scope: immutable functions only, no subqueries', () => {
    const index = { table: null, columns: new Set(['email', 'published_on']), tables: new Map(), functions: INDEX_FUNCTIONS, subqueries: false };
    expect(checkExpr('lower(email)', index)).toMatchObject({ ok: true, text: 'lower(email)' });
    expect(checkExpr("date_trunc('day', published_on)", index)).toEqual({ ok: false, reason: 'date_trunc() is not a function featspec allows here' });
    expect(checkExpr('(SELECT 1)', index)).toEqual({ ok: false, reason: 'a subquery is not allowed here' });
  });

  test.each([
    ['owner_id = auth.uid()', true],
    ['status IS NOT NULL', true],
    ["role IN ('a', 'b')", true],
    ['true', true],
    ['Users can update own records', false],
    ['Read-only for members', false],
    ['Authenticated users (signed in)', false],
    ['Users in the team', false],
  ])('looksLikeSql(%s) = %s', (text, expected) => {
    expect(looksLikeSql(text)).toBe(expected);
  });
});

describe('readRule', () => {
  test.each([
    ["USING (owner_id = auth.uid()) WITH CHECK (owner_id = auth.uid())", { kind: 'clauses', using: 'owner_id = auth.uid()', check: 'owner_id = auth.uid()' }],
    ['WITH CHECK (true)', { kind: 'clauses', using: null, check: 'true' }],
    ["owner_id = current_setting('app.account_id')::uuid - owners read their own collections", { kind: 'expression', expr: "owner_id = current_setting('app.account_id')::uuid", prose: 'owners read their own collections' }],
    ['owner_id = auth.uid()', { kind: 'expression', expr: 'owner_id = auth.uid()', prose: null }],
    ['"Authenticated users can read own records"', { kind: 'prose', prose: 'Authenticated users can read own records' }],
    ['Only admins - see the admin guide', { kind: 'prose', prose: 'Only admins - see the admin guide' }],
  ])('%s', (raw, expected) => {
    expect(readRule(raw)).toEqual(expected);
  });
});

describe('translateProse', () => {
  const team = { table: 'team_members', user: 'user_id', link: 'team_id', target: 'team_id' };
  const owner = `owner_id = ${CALLER_ONCE}`;
  test.each([
    ['Authenticated users can read own records', owner],
    ['Users can update own records', owner],
    ['Only the owner', owner],
    ['Members of the team', memberPredicate('projects', team)],
    ['Shared with teammates', `(${owner}) OR (${memberPredicate('projects', team)})`],
    ['Only admins', ADMIN_PREDICATE],
    ['Authenticated users only', SIGNED_IN_PREDICATE],
    ['Anyone, even without an account', 'true'],
    ['No one: rows are archived', 'false'],
    ['Managers approve within two days', null],
  ])('%s', (prose, predicate) => {
    expect(translateProse(prose, 'projects', 'owner_id', team)).toEqual({ predicate, dropped: null });
  });

  test('members without a membership table: the owner part stays, the rest is reported', () => {
    expect(translateProse('The owner and members of the team', 'projects', 'owner_id', null)).toEqual({ predicate: owner, dropped: expect.stringContaining('no membership table') });
    expect(translateProse('Members of the team', 'projects', 'owner_id', null).predicate).toBeNull();
  });
});

describe('findMembership', () => {
  test('by a column referencing the table, or by a shared key; membership-like names first', () => {
    const collections = resource('collections', []);
    const shares = resource('shares', [field('collection_id', 'uuid'), field('invitee_id', 'uuid')]);
    const audit = resource('audit', [field('collection_id', 'uuid'), field('user_id', 'uuid')]);
    expect(findMembership(collections, [audit, collections, shares])).toEqual({ table: 'shares', user: 'invitee_id', link: 'collection_id', target: 'id' });
    const boards = resource('boards', [field('team_id', 'uuid')]);
    const members = resource('team_members', [field('team_id', 'uuid'), field('user_id', 'uuid')]);
    expect(findMembership(boards, [boards, members])).toEqual({ table: 'team_members', user: 'user_id', link: 'team_id', target: 'team_id' });
    expect(findMembership(boards, [boards])).toBeNull();
  });
});

describe('types', () => {
  test.each([
    ['varchar(120)', 'varchar(120)', 'text'],
    ['VARCHAR( 20 )', 'varchar(20)', 'text'],
    ['numeric(10, 2)', 'numeric(10,2)', 'numeric'],
    ['timestamp with time zone', 'timestamp with time zone', 'timestamptz'],
    ['double precision', 'double precision', 'float'],
    ['int[]', 'int[]', 'int[]'],
    ['text [ ]', 'text[]', 'text[]'],
    ['blob', 'bytea', 'bytea'],
    ['datetime', 'timestamptz', 'timestamptz'],
    ['bigserial', 'bigserial', 'int'],
  ])('%s -> %s (%s)', (raw, sql, family) => {
    expect(parseType(raw)).toMatchObject({ sql, family });
  });

  test.each(['text(40)', 'serial[]', 'enum(a,b)', 'citext', 'uuid/text', 'varchar(x)'])('%s is not a PostgreSQL type', (raw) => {
    expect(parseType(raw)).toBeNull();
  });

  test('a field whose type is not PostgreSQL falls back to its model type, and says so', () => {
    expect(columnType(field('kind', 'enum(a,b)'))).toEqual({ sql: 'text', family: 'text', serial: false, replaced: 'enum(a,b)' });
    expect(columnType(field('n', 'mystery', { type: 'integer' }))).toEqual({ sql: 'integer', family: 'int', serial: false, replaced: 'mystery' });
  });
});

describe('columnDefault', () => {
  const def = (sqlType: string, opts: Partial<ResourceField>) => columnDefault(field('x', sqlType, opts), parseType(sqlType)!);
  test.each([
    ['uuid', { sqlDefault: 'gen_random_uuid()' }, 'gen_random_uuid()'],
    ['timestamptz', { sqlDefault: 'now()' }, 'now()'],
    ['timestamptz', { sqlDefault: 'CURRENT_TIMESTAMP' }, 'CURRENT_TIMESTAMP'],
    ['text', { sqlDefault: 'draft', default: 'draft', type: 'string' }, "'draft'"],
    ['text[]', { sqlDefault: '{}', default: '{}', type: 'string[]' }, "'{}'"],
    ['jsonb', { sqlDefault: "'{}'::jsonb" }, "'{}'::jsonb"],
    ['integer', { sqlDefault: '-1' }, '-1'],
    ['boolean', { sqlDefault: 'false' }, 'false'],
    ['uuid', { sqlDefault: "'6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10'" }, "'6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10'"],
    ['date', { default: 'now', sqlDefault: 'now' }, 'CURRENT_DATE'],
    ['timestamptz', { default: 'now' }, 'now()'],
    ['timestamptz', { sqlDefault: "(datetime('now'))", default: "(datetime('now'))" }, 'now()'],
  ])('%s %j -> %s', (sqlType, opts, sql) => {
    expect(def(sqlType, opts as Partial<ResourceField>)).toEqual({ sql, untranslated: null });
  });

  test.each([
    ['numeric(3,1)', { sqlDefault: "'high'", default: "'high'" }, "'high'"],
    ['boolean', { default: 'now' }, 'now'],
    ['timestamptz', { default: "datetime('now', 'localtime')" }, "datetime('now', 'localtime')"],
    ['uuid', { default: 'session account', type: 'uuid' }, 'session account'],
    ['text[]', { sqlDefault: "'[]'::jsonb" }, "'[]'::jsonb"],
    ['boolean', { sqlDefault: '1.5' }, '1.5'],
  ])('%s %j is not translated', (sqlType, opts, untranslated) => {
    expect(def(sqlType, opts as Partial<ResourceField>)).toEqual({ sql: null, untranslated });
  });

  test('serial columns and "null" defaults get none, silently', () => {
    expect(def('serial', { sqlDefault: '1' })).toEqual({ sql: null, untranslated: null });
    expect(def('text', { default: 'null' })).toEqual({ sql: null, untranslated: null });
  });
});

describe('planKeys', () => {
  const typeOf = (rs: Resource[]) => (t: string, c: string) => {
    const f = rs.find((r) => r.table === t)?.fields.find((x) => x.name === c);
    return f ? columnType(f) : undefined;
  };

  test('tables after the ones they reference, ties by name; a cycle and self-reference', () => {
    const rs = [
      resource('zebras', [field('apple_id', 'uuid', { references: 'apples.id' })], tableOf('zebras')),
      resource('apples', [field('pear_id', 'uuid', { references: 'pears.id' })], tableOf('apples')),
      resource('pears', [field('apple_id', 'uuid', { references: 'apples.id' }), field('parent_id', 'uuid', { references: 'pears.id' })], tableOf('pears')),
      resource('bananas', [], tableOf('bananas')),
    ];
    const diagnostics: Diagnostic[] = [];
    const plan = planKeys(rs, typeOf(rs), diagnostics);
    expect(plan.order).toEqual(['bananas', 'apples', 'pears', 'zebras']);
    expect(plan.keys.map((k) => `${k.name}${k.inline ? '' : ' (late)'}`)).toEqual(['zebras_apple_id_fkey', 'apples_pear_id_fkey (late)', 'pears_apple_id_fkey', 'pears_parent_id_fkey']);
    expect(diagnostics).toEqual([]);
  });

  test('an entity without a table: `<name>_id` references the table of that name; never the owner', () => {
    const rs = [resource('collections', []), resource('bookmarks', [field('collection_id', 'uuid'), field('folder_id', 'uuid')]), resource('accounts', [])];
    const plan = planKeys(rs, typeOf(rs), []);
    expect(plan.keys).toEqual([{ table: 'bookmarks', column: 'collection_id', target: 'collections', targetColumn: 'id', name: 'bookmarks_collection_id_fkey', inline: true }]);
  });

  test('a reference to a missing table, a missing column, a non-key or another type is left out with a warning', () => {
    const rs = [
      resource('a', [field('x_id', 'uuid', { references: 'accounts.id' }), field('b_name', 'text', { references: 'b.name' }), field('b_n', 'integer', { references: 'b.id' }), field('b_zz', 'uuid', { references: 'b.zz' })], tableOf('a')),
      resource('b', [field('name', 'text')], tableOf('b')),
    ];
    const diagnostics: Diagnostic[] = [];
    const plan = planKeys(rs, typeOf(rs), diagnostics);
    expect(plan.keys).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'a.x_id references accounts.id, but accounts is not a table of this workspace; schema.sql has no foreign key for it',
      'a.b_name references b.name, but b.name is neither its primary key nor unique; schema.sql has no foreign key for it',
      'a.b_n references b.id, but the column types differ (integer and uuid); schema.sql has no foreign key for it',
      'a.b_zz references b.zz, but b has no column zz; schema.sql has no foreign key for it',
    ]);
    expect(plan.skipped.get('a.x_id')).toBe('references accounts.id, but accounts is not a table of this workspace; no foreign key');
  });
});

describe('compilePolicies', () => {
  const policy = (operation: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'ALL', rule: string) => ({ operation, rule });
  const boards = (policies: Table['policies']) => resource('boards', [field('team_id', 'uuid')], tableOf('boards', { policies }));

  test('no documented policy: owner-only for the four operations; a membership table lets members see their rows', () => {
    const members = resource('team_members', [field('team_id', 'uuid'), field('user_id', 'uuid')]);
    const diagnostics: Diagnostic[] = [];
    const [b, m] = compilePolicies([boards([policy('SELECT', 'Members of the team')]), members], diagnostics);
    expect(b!.policies.map((p) => [p.name, p.using, p.check])).toEqual([['boards_select', memberPredicate('boards', { table: 'team_members', user: 'user_id', link: 'team_id', target: 'team_id' }), null]]);
    expect(m!.origin).toBe('the design documents no policies: owner-only access');
    expect(m!.policies.map((p) => [p.name, p.operation, p.using, p.check])).toEqual([
      ['team_members_owner_select', 'SELECT', `owner_id = ${CALLER_ONCE} OR user_id = ${CALLER_ONCE}`, null],
      ['team_members_owner_insert', 'INSERT', null, `owner_id = ${CALLER_ONCE}`],
      ['team_members_owner_update', 'UPDATE', `owner_id = ${CALLER_ONCE}`, `owner_id = ${CALLER_ONCE}`],
      ['team_members_owner_delete', 'DELETE', `owner_id = ${CALLER_ONCE}`, null],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual(['INSERT', 'UPDATE', 'DELETE'].map((op) => `boards documents no ${op} policy: with row-level security on, ${op} is denied to everyone but superusers`));
  });

  test('a membership table with policies of its own is reported; SQL clauses are shaped by operation', () => {
    const members = resource('team_members', [field('team_id', 'uuid'), field('user_id', 'uuid')], tableOf('team_members', { policies: [policy('ALL', 'owner_id = auth.uid()')] }));
    const diagnostics: Diagnostic[] = [];
    const [b, m] = compilePolicies([boards([policy('SELECT', 'Members of the team'), policy('INSERT', 'USING (owner_id = auth.uid())'), policy('DELETE', 'WITH CHECK (true)'), policy('UPDATE', 'USING (true)')]), members], diagnostics);
    expect(b!.policies.map((p) => [p.name, p.using, p.check, p.guarded])).toEqual([
      ['boards_select', expect.stringContaining('EXISTS'), null, false],
      ['boards_insert', null, `owner_id = ${CALLER_ONCE}`, true],
      ['boards_delete', 'true', null, true],
      ['boards_update', 'true', null, true],
    ]);
    expect(m!.policies.map((p) => [p.name, p.using, p.check])).toEqual([['team_members_all', `owner_id = ${CALLER_ONCE}`, `owner_id = ${CALLER_ONCE}`]]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'membership policies look up team_members.user_id; team_members documents its own policies, so a member finds their membership only if those let them SELECT it',
    ]);
  });

  test('several policies for one operation are numbered; "members" without a membership table keeps the owner part', () => {
    const diagnostics: Diagnostic[] = [];
    const [b] = compilePolicies([boards([policy('SELECT', 'The owner'), policy('SELECT', 'The owner and members of the team')])], diagnostics);
    expect(b!.policies.map((p) => [p.name, p.using])).toEqual([['boards_select', `owner_id = ${CALLER_ONCE}`], ['boards_select_2', `owner_id = ${CALLER_ONCE}`]]);
    expect(diagnostics[0]!.message).toBe('SELECT policy of boards "The owner and members of the team" names members: the workspace has no membership table for this table (a table with a user_id or member_id column that links to it); only the rest is compiled');
  });
});

describe('tableStatement', () => {
  const statement = (r: Resource, diagnostics: Diagnostic[] = []) => tableStatement(r, new Map(r.fields.map((f) => [f.name, columnType(f)])), [], new Map(), diagnostics);

  test('a generated key gets a default: uuid, identity for integers, a uuid as text for long enough text', () => {
    const r = (type: string) => ({ ...resource('t', []), fields: [field('id', type, { primaryKey: true, generated: true, nullable: false }), field('owner_id', 'uuid', { nullable: false })] });
    expect(statement(r('uuid'))).toBe('CREATE TABLE IF NOT EXISTS t (\n  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n  owner_id uuid NOT NULL\n);');
    expect(statement(r('bigint'))).toContain('  id bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,');
    expect(statement(r('serial'))).toContain('  id serial PRIMARY KEY,');
    expect(statement(r('varchar(64)'))).toContain('  id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,');
    const diagnostics: Diagnostic[] = [];
    expect(statement(r('varchar(20)'), diagnostics)).toContain('  id varchar(20) PRIMARY KEY,');
    expect(diagnostics.map((d) => d.message)).toEqual(['t.id is a varchar(20) primary key with no default; every insert must give it']);
  });

  test('composite and missing primary keys; quoted names', () => {
    const diagnostics: Diagnostic[] = [];
    const pair = { ...resource('pairs', []), fields: [field('a', 'uuid', { primaryKey: true, nullable: false }), field('b', 'uuid', { primaryKey: true, nullable: false }), field('Order', 'text')] };
    expect(statement(pair, diagnostics)).toBe('CREATE TABLE IF NOT EXISTS pairs (\n  a uuid NOT NULL,\n  b uuid NOT NULL,\n  "Order" text,\n  PRIMARY KEY (a, b)\n);');
    const none = { ...resource('logs', []), fields: [field('line', 'text'), field('owner_id', 'uuid')] };
    expect(statement(none, diagnostics)).toBe('CREATE TABLE IF NOT EXISTS logs (\n  line text,\n  owner_id uuid NOT NULL\n);');
    expect(diagnostics.map((d) => d.message)).toEqual(['logs has no primary key (no id column and none marked PK); schema.sql creates it without one']);
  });
});
