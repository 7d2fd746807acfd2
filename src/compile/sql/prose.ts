/**
 * Policies written as prose, translated when the words are recognisable:
 * - the owner ("own records", "their own", "only the owner", "creator") -> `owner_id = <caller>`;
 * - members ("members of the team", "shared with", "collaborators") -> EXISTS over the membership table, when
 *   the workspace has one ("shared with" also keeps the owner);
 * - administrators ("only admins") -> `current_setting('app.role', true) = 'admin'` (serve sets app.role from
 *   the token's role);
 * - any signed-in user ("authenticated users") -> the caller is set; anyone ("public") -> true;
 *   nobody ("no one", "not allowed") -> false.
 * Anything else is not translated (the caller compiles a policy that denies, and warns).
 */
import { sqlIdent } from '../names.js';
import { CALLER_ONCE } from './expr.js';
import { memberPredicate, type Membership } from './membership.js';

const OWNER = /\b(?:own|owns|owned|owners?|their|creators?|authors?|themselves|himself|herself|self)\b/i;
const MEMBER = /\b(?:members?|membership|shared|team|teammates?|collaborators?|invitees?|participants?)\b/i;
const SHARED = /\bshared\b/i;
const ADMIN = /\b(?:admins?|administrators?)\b/i;
const SIGNED_IN = /\b(?:authenticated|signed[- ]in|logged[- ]in|any user|all users|every user)\b/i;
const ANYONE = /\b(?:anyone|everyone|public|anonymous|unauthenticated)\b/i;
const NOBODY = /\b(?:no one|nobody|not allowed|denied|forbidden|disallowed)\b/i;

export const ADMIN_PREDICATE = "current_setting('app.role', true) = 'admin'";
export const SIGNED_IN_PREDICATE = `${CALLER_ONCE} IS NOT NULL`;

export interface ProseTranslation {
  /** The predicate, or null when the prose is not recognisable. */
  predicate: string | null;
  /** A part of the prose that was recognised but could not be compiled (members without a membership table). */
  dropped: string | null;
}

export function translateProse(prose: string, table: string, owner: string, membership: Membership | null): ProseTranslation {
  const parts: string[] = [];
  let dropped: string | null = null;
  const member = MEMBER.test(prose);
  if (OWNER.test(prose) || SHARED.test(prose)) parts.push(`${sqlIdent(owner)} = ${CALLER_ONCE}`);
  if (member && membership) parts.push(memberPredicate(table, membership));
  else if (member) dropped = 'members: the workspace has no membership table for this table (a table with a user_id or member_id column that links to it)';
  if (ADMIN.test(prose)) parts.push(ADMIN_PREDICATE);
  if (parts.length > 0) return { predicate: parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(' OR '), dropped };
  if (dropped !== null) return { predicate: null, dropped };
  if (SIGNED_IN.test(prose)) return { predicate: SIGNED_IN_PREDICATE, dropped };
  if (ANYONE.test(prose)) return { predicate: 'true', dropped };
  if (NOBODY.test(prose)) return { predicate: 'false', dropped };
  return { predicate: null, dropped };
}
