/**
 * Workspace-wide look-ups that feature-scope rules need once per feature: computed once per lint run
 * instead of once per feature (which made those rules quadratic in the number of features).
 */
import type { Entity, Feature, Workspace } from '../../model/schema.js';
import { referencedNumber } from '../../workspace/feature-id.js';
import { entityIndex } from '../model-utils.js';

/**
 * A value computed from a workspace's features, reused while the workspace holds the same features
 * list (`lint --watch` replaces the list when it re-reads features; `--fix` loads a new workspace).
 */
function memo<T>(compute: (ws: Workspace) => T): (ws: Workspace) => T {
  const cache = new WeakMap<Workspace, { features: Feature[]; length: number; value: T }>();
  return (ws) => {
    const hit = cache.get(ws);
    if (hit && hit.features === ws.features && hit.length === ws.features.length) return hit.value;
    const value = compute(ws);
    cache.set(ws, { features: ws.features, length: ws.features.length, value });
    return value;
  };
}

/** `entityIndex(ws)`, shared by the rules of one run. */
export const sharedEntityIndex: (ws: Workspace) => Map<string, { entity: Entity; feature: Feature }> = memo(entityIndex);

/** Names of every entity of the workspace. */
export const entityNames: (ws: Workspace) => Set<string> = memo((ws) => new Set(ws.features.flatMap((f) => f.entities.map((e) => e.name))));

export type Resolved = { feature: Feature } | { problem: string };

/**
 * `resolveFeature(ws, ref)` (model-utils) with the workspace's features indexed once and each
 * reference resolved once: the same feature or the same problem message, without scanning every
 * feature for every reference.
 */
export const featureResolver: (ws: Workspace) => (ref: string) => Resolved = memo((ws) => {
  const byId = new Map<string, Feature>();
  const bySlug = new Map<string, Feature>();
  const byNumber = new Map<number, Feature[]>();
  for (const f of ws.features) {
    const id = f.id.toLowerCase();
    if (!byId.has(id)) byId.set(id, f);
    if (!bySlug.has(f.slug)) bySlug.set(f.slug, f);
    if (f.number !== null) {
      const list = byNumber.get(f.number);
      if (list) list.push(f);
      else byNumber.set(f.number, [f]);
    }
  }
  const resolve = (ref: string): Resolved => {
    const exact = byId.get(ref.toLowerCase());
    if (exact) return { feature: exact };
    const n = referencedNumber(ref);
    if (n === null) {
      const slug = bySlug.get(ref);
      return slug ? { feature: slug } : { problem: `no feature "${ref}" in the workspace` };
    }
    const numbered = byNumber.get(n) ?? [];
    if (numbered.length === 0) return { problem: `no feature numbered ${String(n).padStart(3, '0')} in the workspace` };
    const slug = /^(?:feat(?:ure)?[-_ ]?)?\d+[-_](.+)$/i.exec(ref)?.[1];
    const match = slug ? numbered.find((f) => f.slug === slug) : numbered[0];
    if (!match) return { problem: `"${ref}" names feature ${String(n).padStart(3, '0')}, which is ${numbered.map((f) => f.id).join(', ')}` };
    return { feature: match };
  };
  const seen = new Map<string, Resolved>();
  return (ref) => {
    let r = seen.get(ref);
    if (!r) seen.set(ref, (r = resolve(ref)));
    return r;
  };
});

const OWN = new WeakMap<Feature, Set<string>>();

/** What plannedFiles (lint/planned.ts) adds for one feature: its file plan (but deletions) and its components' files. */
function ownPlanned(f: Feature): Set<string> {
  let own = OWN.get(f);
  if (!own) {
    own = new Set<string>();
    for (const p of f.filePlan) if (p.action !== 'DELETE') own.add(p.path.replace(/^\.\//, ''));
    for (const c of f.components) if (c.file) own.add(c.file.replace(/^\.\//, ''));
    OWN.set(f, own);
  }
  return own;
}

/** The features plannedFiles visits from `feature`, in its order (dependencies depth first, each id once). */
export function plannedClosure(ws: Workspace, feature: Feature): Feature[] {
  const resolve = featureResolver(ws);
  const out: Feature[] = [];
  const seen = new Set<string>();
  const visit = (f: Feature) => {
    if (seen.has(f.id)) return;
    seen.add(f.id);
    out.push(f);
    for (const d of f.dependencies) {
      const r = resolve(d.feature);
      if ('feature' in r) visit(r.feature);
    }
  };
  visit(feature);
  return out;
}

/** Every feature whose own plan lists a path (see ownPlanned), by path. */
const plannersOf: (ws: Workspace) => Map<string, Feature[]> = memo((ws) => {
  const out = new Map<string, Feature[]>();
  for (const f of ws.features) {
    for (const path of ownPlanned(f)) {
      const list = out.get(path);
      if (list) list.push(f);
      else out.set(path, [f]);
    }
  }
  return out;
});

/**
 * `(path) => plannedFiles(ws, feature).has(path)` without building the set (the union of the plans of
 * every feature the dependencies reach): a path no feature plans is answered at once; otherwise the
 * features reachable from `feature` are listed once, on the first such question.
 */
export function plannedLookup(ws: Workspace, feature: Feature): (path: string) => boolean {
  let reach: Set<Feature> | null = null;
  return (path) => {
    const planners = plannersOf(ws).get(path);
    if (!planners) return false;
    if (planners.includes(feature)) return true;
    reach ??= new Set(plannedClosure(ws, feature));
    return planners.some((f) => reach!.has(f));
  };
}
