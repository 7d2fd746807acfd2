/** TypeScript names for the resources: valid identifiers, no clash with each other or with the file's own names. */
import { entityNameOf } from '../names.js';
import type { Resource } from '../resources.js';

/** Names the generated file declares or uses itself. */
const TAKEN = ['Json', 'PaginatedResponse', 'paginatedResponseSchema', 'Record', 'Partial', 'Array', 'z'];

const SUFFIXES = ['', 'Create', 'Update', 'Schema', 'CreateSchema', 'UpdateSchema'];

/** A PascalCase type name: `Bookmark` as is, `task_step_templates` -> `TaskStepTemplate`, `2fa codes` -> `T2faCode`. */
function identifier(name: string): string {
  const pascal = /^[A-Z][A-Za-z0-9]*$/.test(name) ? name : entityNameOf(name.replace(/[^A-Za-z0-9]+/g, '_'));
  return /^[A-Za-z]/.test(pascal) ? pascal : `T${pascal || 'Resource'}`;
}

/**
 * The base name of each resource's declarations, by table (unique): the resource name itself unless that
 * is not an identifier or one of its six names (`X`, `XCreate`, ... `XUpdateSchema`) is already taken.
 * Shorter names choose first, so `Tag` keeps its name and an entity `TagCreate` becomes `TagCreateResource`.
 */
export function typeNames(resources: readonly Resource[]): Map<string, string> {
  const used = new Set(TAKEN);
  const out = new Map<string, string>();
  const order = [...resources].sort((a, b) => a.name.length - b.name.length || (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
  for (const r of order) {
    const base = identifier(r.name);
    let name = base;
    for (let i = 1; SUFFIXES.some((s) => used.has(`${name}${s}`)); i++) name = `${base}Resource${i === 1 ? '' : i}`;
    for (const s of SUFFIXES) used.add(`${name}${s}`);
    out.set(r.table, name);
  }
  return out;
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export const propertyKey = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));

/** Text safe inside a `/** ... *\/` comment, on one line. */
export const commentText = (s: string) => s.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim();
