/** Database errors a request can cause, as problems; anything else stays an internal error. */
import { ProblemError } from './problems.js';
import type { ResourcePlan } from './resource-plan.js';
import { isDbError } from './store/types.js';

/** The column a constraint is about: `bookmarks_status_check` -> status (when it is a column of the table). */
function constraintField(plan: ResourcePlan, constraint: string | undefined, detail: string | undefined): string {
  const fromDetail = detail ? /Key \(([^)]+)\)/.exec(detail)?.[1] : undefined;
  if (fromDetail) return fromDetail.split(',')[0]!.trim().replace(/^"|"$/g, '');
  if (constraint) {
    const rest = constraint.startsWith(`${plan.table}_`) ? constraint.slice(plan.table.length + 1) : constraint;
    const col = rest.replace(/_(?:check|fkey|key|not_null|pkey)$/, '');
    if (plan.columns.has(col)) return col;
  }
  return '(body)';
}

/**
 * Map a database error to a problem, or return it unchanged. `item` operations answer 404 when a
 * policy refuses the row (it is someone else's); a create refused by a policy is 403.
 */
export function mapDbError(e: unknown, plan: ResourcePlan, item: boolean): unknown {
  if (!isDbError(e)) return e;
  const field = () => constraintField(plan, e.constraint, e.detail);
  switch (e.code) {
    case '23505':
      return new ProblemError(409, `a ${plan.resource.name} with this ${field()} already exists`, [{ field: field(), message: 'must be unique' }]);
    case '23503':
      return new ProblemError(400, `${field()} refers to a row that does not exist`, [{ field: field(), message: 'refers to a row that does not exist' }]);
    case '23502':
      return new ProblemError(400, `${e.column ?? field()} is required`, [{ field: e.column ?? field(), message: 'must not be null' }]);
    case '23514':
      return new ProblemError(400, `${field()} breaks the rule ${e.constraint ?? 'of the table'}`, [{ field: field(), message: `breaks the rule ${e.constraint ?? 'of the table'}` }]);
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
      return new ProblemError(400, 'a value does not fit its column', [{ field: '(body)', message: e.message }]);
    case '42501':
      return item ? new ProblemError(404, `${plan.resource.name} not found`) : new ProblemError(403, `the row-level security policy of ${plan.table} refuses this ${plan.resource.name}`);
    default:
      return e;
  }
}
