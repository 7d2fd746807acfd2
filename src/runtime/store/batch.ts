/**
 * The shape of a request on both stores ({@link Store.asUser}): the caller context ({@link CONTEXT_SQL})
 * and the request's statement sent together as one batch of extended-protocol messages ending in a
 * single Sync. PostgreSQL runs everything before a Sync in one implicit transaction, so the context's
 * `set_config(..., true)` (role, app.user_id, app.role) holds for the statement and ends with it: the
 * transaction commits at the Sync, or rolls back when either statement fails (a failed context skips
 * the statement). One write and one round trip, where BEGIN / context / statement / COMMIT took four.
 *
 * Both statements are named prepared statements, parsed once per database session: a request then
 * costs PostgreSQL a Bind and an Execute per statement instead of parsing, rewriting (row-level
 * security) and planning both again. A statement is known to be held by the session only after a
 * batch that parsed it completed; one not known is closed (a no-op when absent) and parsed again.
 */
import { CONTEXT_SQL, type UserContext } from './types.js';

/**
 * One statement of a batch: its name ('' = unnamed), text, parameters as text, whether to parse it, and
 * whether its result is wanted (described). The context's is not: its one row arrives without a
 * description and is dropped with its CommandComplete, so the answer is the request statement's result.
 */
export interface BatchStatement {
  name: string;
  text: string;
  values: (string | null)[];
  parse: boolean;
  describe: boolean;
}

const CONTEXT_NAME = 'featspec_context';
/** Distinct statements that get a name; past this, statements run unnamed (parsed every time). */
export const MAX_NAMED_STATEMENTS = 500;
const names = new Map<string, string>([[CONTEXT_SQL, CONTEXT_NAME]]);

/** The name of a statement (the same in every session), or '' once {@link MAX_NAMED_STATEMENTS} are named. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined && names.size <= MAX_NAMED_STATEMENTS) names.set(sql, (name = `featspec_${names.size}`));
  return name ?? '';
}

function arrayLiteral(xs: readonly unknown[]): string {
  return `{${xs.map((x) => {
    if (x === null || x === undefined) return 'NULL';
    if (Array.isArray(x)) return arrayLiteral(x);
    return `"${textParam(x)!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }).join(',')}}`;
}

/** A parameter in PostgreSQL's text format (the statements cast their parameters: `$1::uuid`). */
export function textParam(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (Array.isArray(v)) return arrayLiteral(v);
  return JSON.stringify(v);
}

/**
 * SQLSTATEs after which the session may not hold what we think it holds: a prepared statement is gone
 * (26000) or its cached plan no longer fits the table (0A000, "cached plan must not change result type").
 * The batch's statements are forgotten, and since the failed batch changed nothing, it runs once more.
 */
const STALE = new Set(['26000', '0A000']);

export const isStale = (error: unknown): boolean => STALE.has((error as { code?: unknown } | null)?.code as string);

/** Run a request batch; when it failed on a stale prepared statement (it changed nothing), run it once more. */
export async function onceMoreIfStale<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!isStale(e)) throw e;
    return run();
  }
}

/** The named statements one database session holds. */
export class SessionStatements {
  private readonly held = new Set<string>();

  /** The context and the statement of one request. */
  batch(ctx: UserContext, sql: string, params: readonly unknown[]): BatchStatement[] {
    return [this.statement(CONTEXT_SQL, [ctx.userId, ctx.role], false), this.statement(sql, params.map(textParam), true)];
  }

  private statement(text: string, values: (string | null)[], describe: boolean): BatchStatement {
    const name = statementName(text);
    return { name, text, values, parse: name === '' || !this.held.has(name), describe };
  }

  /** Record how a batch ended (error null or undefined: it succeeded): the statements it parsed are held after success. */
  settle(batch: readonly BatchStatement[], error: unknown): void {
    if (error === null || error === undefined) {
      for (const s of batch) if (s.parse && s.name !== '') this.held.add(s.name);
    } else if (isStale(error)) {
      for (const s of batch) this.held.delete(s.name);
    }
  }
}
