/**
 * Row-level security policies per table. Documented policies are compiled: SQL as written (the caller's id
 * rewritten to `app.user_id`), prose when recognisable (./prose.ts), otherwise a policy that denies, with the
 * rule as a comment and a warning. A table whose design documents no policy gets owner-only policies for
 * SELECT, INSERT, UPDATE and DELETE: serve relies on them to keep users apart.
 */
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Resource } from '../resources.js';
import { sqlIdent } from '../names.js';
import { CALLER_ONCE, checkExpr, POLICY_FUNCTIONS, type ExprScope } from './expr.js';
import { findMembership, type Membership } from './membership.js';
import { readRule } from './policy-rule.js';
import { translateProse } from './prose.js';

type Operation = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'ALL';

export interface PolicyDdl {
  name: string;
  table: string;
  operation: Operation;
  using: string | null;
  check: string | null;
  /** Comment lines written above the policy. */
  comments: string[];
  /** Carried over from the design's SQL: created in a block that falls back to a denying policy when PostgreSQL refuses it. */
  guarded: boolean;
}

export interface TablePolicies {
  table: string;
  /** Where the policies come from (a comment line). */
  origin: string;
  policies: PolicyDdl[];
}

const OPERATIONS: Operation[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** USING for reads and deletes, WITH CHECK for inserts, both for updates and ALL. */
function shape(op: Operation, using: string | null, check: string | null): { using: string | null; check: string | null } {
  if (op === 'SELECT' || op === 'DELETE') return { using: using ?? check, check: null };
  if (op === 'INSERT') return { using: null, check: check ?? using };
  return { using, check };
}

const both = (op: Operation, predicate: string) => shape(op, predicate, op === 'UPDATE' || op === 'ALL' ? predicate : null);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Context {
  resources: Resource[];
  tables: Map<string, Set<string>>;
  diagnostics: Diagnostic[];
  /** Membership tables used by a translated policy (their members must see their own membership rows). */
  usedMemberships: Map<string, Membership>;
}

function documented(r: Resource, ctx: Context): PolicyDdl[] {
  const table = r.table;
  const scope: ExprScope = { table, columns: ctx.tables.get(table)!, tables: ctx.tables, functions: POLICY_FUNCTIONS, subqueries: true };
  const count = new Map<string, number>();
  const src = r.table_?.source ?? r.source;
  const out: PolicyDdl[] = [];
  for (const p of r.table_?.policies ?? []) {
    const op = p.operation;
    const n = (count.get(op) ?? 0) + 1;
    count.set(op, n);
    const name = `${table}_${op.toLowerCase()}${n > 1 ? `_${n}` : ''}`;
    const base = { name, table, operation: op, guarded: false };
    const deny = (why: string) => {
      ctx.diagnostics.push(diagnostic('compile-sql-policy', 'warning', `${op} policy of ${table} "${oneLine(p.rule)}" ${why}; schema.sql compiles a policy that denies (USING (false))`, src.path, src.line));
      out.push({ ...base, ...both(op, 'false'), comments: [`not translated (${why}): ${oneLine(p.rule)}`] });
    };
    const rule = readRule(p.rule);
    if (rule.kind === 'prose') {
      const membership = findMembership(r, ctx.resources);
      const t = translateProse(rule.prose, table, r.owner, membership);
      if (t.predicate === null) {
        deny(t.dropped ? `names ${t.dropped}` : 'is not a rule featspec can translate');
        continue;
      }
      if (t.dropped) ctx.diagnostics.push(diagnostic('compile-sql-policy', 'warning', `${op} policy of ${table} "${oneLine(rule.prose)}" names ${t.dropped}; only the rest is compiled`, src.path, src.line));
      if (membership && t.predicate.includes(`FROM ${sqlIdent(membership.table)} m`)) ctx.usedMemberships.set(membership.table, membership);
      out.push({ ...base, ...both(op, t.predicate), comments: [`translated from: ${oneLine(rule.prose)}`] });
      continue;
    }
    const texts = rule.kind === 'clauses' ? [rule.using, rule.check] : [rule.expr];
    const checked = texts.map((t) => (t === null ? null : checkExpr(t, scope)));
    const failed = checked.find((c) => c !== null && !c.ok);
    if (failed && !failed.ok) {
      deny(`cannot be compiled: ${failed.reason}`);
      continue;
    }
    const [a, b] = checked.map((c) => (c !== null && c.ok ? c.text : null));
    const clauses = rule.kind === 'clauses' ? shape(op, a ?? null, b ?? null) : both(op, a!);
    const comments = rule.kind === 'expression' && rule.prose ? [oneLine(rule.prose)] : [];
    out.push({ ...base, ...clauses, comments, guarded: true });
  }
  const covered = new Set(out.map((p) => p.operation));
  for (const op of OPERATIONS) {
    if (covered.has(op) || covered.has('ALL')) continue;
    ctx.diagnostics.push(diagnostic('compile-sql-policy', 'info', `${table} documents no ${op} policy: with row-level security on, ${op} is denied to everyone but superusers`, src.path, src.line));
  }
  return out;
}

function ownerOnly(r: Resource, member: Membership | undefined): PolicyDdl[] {
  const owner = `${sqlIdent(r.owner)} = ${CALLER_ONCE}`;
  return OPERATIONS.map((op) => {
    const predicate = op === 'SELECT' && member ? `${owner} OR ${sqlIdent(member.user)} = ${CALLER_ONCE}` : owner;
    const comments = op === 'SELECT' && member ? [`members see their own ${r.table} rows: policies of other tables look them up`] : [];
    return { name: `${r.table}_owner_${op.toLowerCase()}`, table: r.table, operation: op, ...both(op, predicate), comments, guarded: false };
  });
}

/** The policies of every resource, in the order of `resources`. */
export function compilePolicies(resources: Resource[], diagnostics: Diagnostic[]): TablePolicies[] {
  const tables = new Map(resources.map((r) => [r.table, new Set(r.fields.map((f) => f.name))]));
  const ctx: Context = { resources, tables, diagnostics, usedMemberships: new Map() };
  const documentedBy = new Map(resources.map((r) => [r.table, (r.table_?.policies.length ?? 0) > 0 ? documented(r, ctx) : null]));
  for (const m of ctx.usedMemberships.values()) {
    const r = resources.find((x) => x.table === m.table)!;
    if (!documentedBy.get(m.table)) continue;
    const src = r.table_!.source;
    diagnostics.push(diagnostic('compile-sql-policy', 'info', `membership policies look up ${m.table}.${m.user}; ${m.table} documents its own policies, so a member finds their membership only if those let them SELECT it`, src.path, src.line));
  }
  return resources.map((r) => {
    const own = documentedBy.get(r.table);
    if (own) {
      const src = r.table_!.source;
      return { table: r.table, origin: `policies documented at ${src.path}:${src.line}`, policies: own };
    }
    return { table: r.table, origin: 'the design documents no policies: owner-only access', policies: ownerOnly(r, ctx.usedMemberships.get(r.table)) };
  });
}
