import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import type { Feature, Workspace } from '../model/schema.js';
import { resolveFeature } from '../lint/model-utils.js';
import { emptyFeature, type FeatureIdentity } from '../model/feature.js';
import { discoverWorkspace, loadFeatures, type DiscoveredWorkspace } from '../workspace/load.js';
import { UsageError } from './result.js';

/**
 * Find a feature by id (`002-bookmarks`), number (`2`, `002`, `FEAT-002`) or slug (`bookmarks`) among
 * identities (built features, or the locations discovery gives before any document is read).
 */
export function findFeature<T extends FeatureIdentity>(features: readonly T[], ref: string, root: string): T {
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
export async function loadOneFeature(rootArg: string, ref: string): Promise<{ feature: Feature; diagnostics: Diagnostic[]; discovered: DiscoveredWorkspace }> {
  const discovered = await discoverWorkspace(rootArg);
  const { root, config, found } = discovered;
  const location = findFeature(found.features, ref, root);
  const { features } = await loadFeatures(root, [location], config);
  return { feature: features[0]!, diagnostics: found.diagnostics.sort(compareDiagnostics), discovered };
}

/**
 * The workspace as far as a feature's direct dependencies go: that feature and those it depends on
 * built, every other one with its identity only (enough to resolve a dependency as the whole workspace
 * would, ambiguous numbers included).
 */
export async function withDependencies(feature: Feature, discovered: DiscoveredWorkspace, diagnostics: Diagnostic[]): Promise<Workspace> {
  const { root, config, found } = discovered;
  const ws: Workspace = { version: 1, root, diagnostics, features: found.features.map((l) => (l.id === feature.id ? feature : emptyFeature(l))) };
  const needed = new Set<string>();
  for (const d of feature.dependencies) {
    const r = resolveFeature(ws, d.feature);
    if ('feature' in r && r.feature !== feature) needed.add(r.feature.id);
  }
  const { features } = await loadFeatures(root, found.features.filter((l) => needed.has(l.id)), config);
  const built = new Map(features.map((f) => [f.id, f]));
  ws.features = ws.features.map((f) => built.get(f.id) ?? f);
  return ws;
}
