/** The statements around the tables: the serve role, grants, late foreign keys, row-level security and policies. */
import { sqlIdent } from '../names.js';
import type { ForeignKey } from './foreign-keys.js';
import type { PolicyDdl, TablePolicies } from './policies.js';

/** The role featspec serve switches to for every request (`set_config('role', 'featspec_app', true)`, i.e. SET LOCAL ROLE). */
export const APP_ROLE = 'featspec_app';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A `--` comment line: whitespace (line breaks included) folded, so text from a design cannot end it early. */
export const sqlComment = (text: string) => `-- ${text.replace(/\s+/g, ' ').trim()}`;

export function roleBlock(): string {
  return [
    `-- The role featspec serve runs requests as: NOLOGIN, not the tables' owner, so row-level security applies to it.`,
    `-- Created when missing; the role applying this file becomes a member (when it may) so it can SET ROLE to it.`,
    `DO $$`,
    `BEGIN`,
    `  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(APP_ROLE)}) THEN`,
    `    CREATE ROLE ${APP_ROLE} NOLOGIN;`,
    `  END IF;`,
    `  BEGIN`,
    `    GRANT ${APP_ROLE} TO CURRENT_USER;`,
    `  EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN`,
    `    NULL;`,
    `  END;`,
    `END`,
    `$$;`,
  ].join('\n');
}

export function foreignKeyBlock(k: ForeignKey): string {
  return [
    `DO $$`,
    `BEGIN`,
    `  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = ${literal(k.name)} AND conrelid = ${literal(sqlIdent(k.table))}::regclass) THEN`,
    `    ALTER TABLE ${sqlIdent(k.table)} ADD CONSTRAINT ${sqlIdent(k.name)} FOREIGN KEY (${sqlIdent(k.column)}) REFERENCES ${sqlIdent(k.target)} (${sqlIdent(k.targetColumn)});`,
    `  END IF;`,
    `END`,
    `$$;`,
  ].join('\n');
}

function createPolicy(p: PolicyDdl, indent: string): string {
  const lines = [`CREATE POLICY ${sqlIdent(p.name)} ON ${sqlIdent(p.table)} FOR ${p.operation}`];
  if (p.using !== null) lines.push(`  USING (${p.using})`);
  if (p.check !== null) lines.push(`  WITH CHECK (${p.check})`);
  return `${lines.map((l) => `${indent}${l}`).join('\n')};`;
}

function denying(p: PolicyDdl): PolicyDdl {
  return { ...p, using: p.using === null ? null : 'false', check: p.check === null ? null : 'false' };
}

function policyStatements(p: PolicyDdl): string {
  const out = p.comments.map((c) => sqlComment(c));
  out.push(`DROP POLICY IF EXISTS ${sqlIdent(p.name)} ON ${sqlIdent(p.table)};`);
  if (!p.guarded) {
    out.push(createPolicy(p, ''));
    return out.join('\n');
  }
  // SQL carried over from the design: if PostgreSQL refuses it (a type mismatch), the policy denies instead.
  out.push(
    `DO $policy$`,
    `BEGIN`,
    createPolicy(p, '  '),
    `EXCEPTION WHEN OTHERS THEN`,
    `  RAISE WARNING 'featspec: policy % on % was refused (%); it denies instead', ${literal(p.name)}, ${literal(p.table)}, SQLERRM;`,
    createPolicy(denying(p), '  '),
    `END`,
    `$policy$;`,
  );
  return out.join('\n');
}

export function securityStatements(t: TablePolicies): string {
  const table = sqlIdent(t.table);
  return [
    sqlComment(`${t.table}: ${t.origin}`),
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
    ...t.policies.map(policyStatements),
  ].join('\n');
}

export function grantStatements(tables: string[], serials: { table: string; column: string }[]): string {
  const out = [`GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE ${tables.map(sqlIdent).join(', ')} TO ${APP_ROLE};`];
  for (const s of serials) {
    const seq = `pg_get_serial_sequence(${literal(sqlIdent(s.table))}, ${literal(s.column)})`;
    out.push([
      `DO $$`,
      `BEGIN`,
      `  IF ${seq} IS NOT NULL THEN`,
      `    EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO ${APP_ROLE}', ${seq});`,
      `  END IF;`,
      `END`,
      `$$;`,
    ].join('\n'));
  }
  return out.join('\n');
}
