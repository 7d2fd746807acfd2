import type { Feature, Workspace } from '../model/schema.js';
import { UsageError } from './result.js';

/** Find a feature by id (`002-bookmarks`), number (`2`, `002`, `FEAT-002`) or slug (`bookmarks`). */
export function findFeature(ws: Workspace, ref: string): Feature {
  const exact = ws.features.find((f) => f.id === ref);
  if (exact) return exact;
  const num = /^(?:feat-?)?(\d+)$/i.exec(ref);
  const matches = num
    ? ws.features.filter((f) => f.number === Number(num[1]))
    : ws.features.filter((f) => f.slug === ref || f.id.toLowerCase() === ref.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UsageError(`"${ref}" matches several features: ${matches.map((f) => f.id).join(', ')}`);
  const known = ws.features.map((f) => f.id).slice(0, 10).join(', ');
  throw new UsageError(`no feature "${ref}" in ${ws.root}${known ? ` (features: ${known}${ws.features.length > 10 ? ', ...' : ''})` : ''}`);
}
