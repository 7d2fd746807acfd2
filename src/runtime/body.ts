/** Request bodies of create (POST), replace (PUT) and update (PATCH) checked against a resource plan. */
import type { FieldError } from './problems.js';
import type { ResourcePlan } from './resource-plan.js';

export type WriteMode = 'create' | 'replace' | 'update';

export interface CheckedBody {
  /** The fields to write (only those the client sent). */
  values: Record<string, unknown>;
  errors: FieldError[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkBody(plan: ResourcePlan, body: unknown, mode: WriteMode): CheckedBody {
  if (!isObject(body)) {
    return { values: {}, errors: [{ field: '(body)', message: `must be a JSON object with the fields of ${plan.resource.name}` }] };
  }
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    const v = body[key];
    const field = plan.writable.get(key);
    if (!field) {
      errors.push({ field: key, message: plan.readOnly.has(key) ? 'is read-only: the server sets it' : `is not a field of ${plan.resource.name}` });
      continue;
    }
    const m = field.check(v);
    if (m) errors.push({ field: key, message: m });
    else values[key] = v;
  }
  if (mode !== 'update') {
    for (const f of plan.writable.values()) if (f.required && !Object.hasOwn(body, f.name)) errors.push({ field: f.name, message: 'is required' });
  }
  return { values, errors };
}
