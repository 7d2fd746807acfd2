/**
 * Membership tables for "members of the team" / "shared with" policies: another table with a user column
 * (`user_id`, `member_id`, `invitee_id`, ...) that links to the policy's table, either by a column that
 * references it (`shares.collection_id` -> `collections.id`) or by a shared key (`team_members.team_id`
 * and `boards.team_id`).
 */
import { singular } from '../names.js';
import type { Resource } from '../resources.js';
import { CALLER_ONCE } from './expr.js';
import { sqlIdent } from '../names.js';

export interface Membership {
  /** The membership table. */
  table: string;
  /** Its column holding the member's user id. */
  user: string;
  /** Its column that links to the policy's table. */
  link: string;
  /** The policy table's column it is compared with. */
  target: string;
}

const USER_COLUMNS = ['user_id', 'member_id', 'account_id', 'invitee_id', 'profile_id', 'collaborator_id'];
const PREFERRED = /member|share|collaborat|invit|participant/;

function userColumn(m: Resource): string | null {
  return USER_COLUMNS.find((c) => c !== m.owner && m.fields.some((f) => f.name === c && /^uuid$/i.test(f.sqlType))) ?? null;
}

function link(r: Resource, m: Resource, user: string): { link: string; target: string } | null {
  const key = `${r.table}.${r.primaryKey}`;
  const byRef = m.fields.find((f) => f.name !== user && f.name !== m.owner && (f.references === key || f.name === `${singular(r.table)}_${r.primaryKey}`));
  if (byRef) return { link: byRef.name, target: r.primaryKey };
  for (const g of r.fields) {
    const prefix = /^([a-z][a-z0-9_]*)_id$/.exec(g.name)?.[1];
    if (!prefix || g.primaryKey || g.name === r.owner || g.name === user) continue;
    if (m.table.includes(prefix) && m.fields.some((f) => f.name === g.name)) return { link: g.name, target: g.name };
  }
  return null;
}

/** The membership table for `r`, preferring names that say so (`*_members`, `shares`), then by name. */
export function findMembership(r: Resource, resources: Resource[]): Membership | null {
  const found: Membership[] = [];
  for (const m of resources) {
    if (m.table === r.table) continue;
    const user = userColumn(m);
    const l = user ? link(r, m, user) : null;
    if (user && l) found.push({ table: m.table, user, ...l });
  }
  found.sort((a, b) => Number(PREFERRED.test(b.table)) - Number(PREFERRED.test(a.table)) || (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
  return found[0] ?? null;
}

/** `EXISTS (SELECT 1 FROM shares m WHERE m.collection_id = collections.id AND m.invitee_id = <caller>)`. */
export function memberPredicate(table: string, m: Membership): string {
  return `EXISTS (SELECT 1 FROM ${sqlIdent(m.table)} m WHERE m.${sqlIdent(m.link)} = ${sqlIdent(table)}.${sqlIdent(m.target)} AND m.${sqlIdent(m.user)} = ${CALLER_ONCE})`;
}
