import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import type { Feature, Workspace } from '../model/schema.js';
import { discoverWorkspace, loadFeatures } from '../workspace/load.js';
import { UsageError } from './result.js';

/** What a feature is found by: the identity discovery gives (a built Feature, or a FeatureLocation). */
interface Identity {
  id: string;
  number: number | null;
  slug: string;
}

/** Find a feature by id (`002-bookmarks`), number (`2`, `002`, `FEAT-002`) or slug (`bookmarks`). */
export function findFeature(ws: Workspace, ref: string): Feature {
  return findIdentity(ws.features, ref, ws.root);
}

/** `findFeature` over identities (discovered feature locations, before any document is read). */
export function findIdentity<T extends Identity>(features: readonly T[], ref: string, root: string): T {
  const exact = features.find((f) => f.id === ref);
  if (exact) return exact;
  const num = /^(?:feat-?)?(\d+)$/i.exec(ref);
  const matches = num
    ? features.filter((f) => f.number === Number(num[1]))
    : features.filter((f) => f.slug === ref || f.id.toLowerCase() === ref.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UsageError(`"${ref}" matches several features: ${matches.map((f) => f.id).join(', ')}`);
  const known = features.map((f) => f.id).slice(0, 10).join(', ');
  throw new UsageError(`no feature "${ref}" in ${root}${known ? ` (features: ${known}${features.length > 10 ? ', ...' : ''})` : ''}`);
}

/**
 * Discover the workspace and build only the feature `ref` names: a feature's model depends on its own
 * documents only, so `show <feature>` need not read the others. Also gives the discovery problems.
 */
export async function loadOneFeature(rootArg: string, ref: string): Promise<{ feature: Feature; diagnostics: Diagnostic[] }> {
  const { root, config, found } = await discoverWorkspace(rootArg);
  const location = findIdentity(found.features, ref, root);
  const { features } = await loadFeatures(root, [location], config);
  return { feature: features[0]!, diagnostics: found.diagnostics.sort(compareDiagnostics) };
}
