/**
 * Workspace-wide look-ups that feature-scope rules need once per feature: computed once per lint run
 * instead of once per feature (which made those rules quadratic in the number of features).
 */
import type { Entity, Feature, Workspace } from '../../model/schema.js';
import { referencedNumber } from '../../workspace/feature-id.js';
import { entityIndex, fold } from '../model-utils.js';

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

/**
 * A workspace whose features are built on demand (lint/scoped.ts: a lint of some documents). Before an
 * entity name is looked up, `entity` builds the features that could define it; `generation` counts the
 * features built so far, so that a look-up table knows when to refill.
 */
export interface OnDemand {
  entity(foldedName: string): void;
  readonly generation: number;
}

const ON_DEMAND = new WeakMap<Workspace, OnDemand>();

/** Mark a workspace as built on demand (its entity look-ups build what they need first). */
export function buildsOnDemand(ws: Workspace, on: OnDemand): void {
  ON_DEMAND.set(ws, on);
}

type EntityEntry = { entity: Entity; feature: Feature };

const entityNamesOf = (ws: Workspace) => new Set(ws.features.flatMap((f) => f.entities.map((e) => e.name)));

/** An entity index that builds the features a key could come from before answering for it. */
class OnDemandIndex extends Map<string, EntityEntry> {
  private generation = -1;
  constructor(private readonly ws: Workspace, private readonly on: OnDemand) {
    super();
  }
  private ensure(key: string): void {
    this.on.entity(key);
    if (this.generation === this.on.generation) return;
    this.generation = this.on.generation;
    super.clear();
    for (const [k, v] of entityIndex(this.ws)) super.set(k, v);
  }
  override get(key: string): EntityEntry | undefined {
    this.ensure(key);
    return super.get(key);
  }
  override has(key: string): boolean {
    this.ensure(key);
    return super.has(key);
  }
}

/** Entity names, likewise. */
class OnDemandNames extends Set<string> {
  private generation = -1;
  constructor(private readonly ws: Workspace, private readonly on: OnDemand) {
    super();
  }
  override has(name: string): boolean {
    this.on.entity(fold(name));
    if (this.generation !== this.on.generation) {
      this.generation = this.on.generation;
      super.clear();
      for (const n of entityNamesOf(this.ws)) super.add(n);
    }
    return super.has(name);
  }
}

const eagerIndex = memo(entityIndex);
const onDemandIndex = memo((ws) => new OnDemandIndex(ws, ON_DEMAND.get(ws)!));

/** `entityIndex(ws)`, shared by the rules of one run (use `get` and `has` only: a workspace built on demand fills it as it is asked). */
export const sharedEntityIndex = (ws: Workspace): Map<string, EntityEntry> => (ON_DEMAND.has(ws) ? onDemandIndex(ws) : eagerIndex(ws));

const eagerNames = memo(entityNamesOf);
const onDemandNames = memo((ws) => new OnDemandNames(ws, ON_DEMAND.get(ws)!));

/** Names of every entity of the workspace (use `has` only, as for `sharedEntityIndex`). */
export const entityNames = (ws: Workspace): Set<string> => (ON_DEMAND.has(ws) ? onDemandNames(ws) : eagerNames(ws));

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

/**
 * The features plannedFiles visits from `feature`, in its order (dependencies depth first, each id once);
 * with an explicit stack, as a dependency chain can be longer than the call stack is deep.
 */
function plannedClosure(ws: Workspace, feature: Feature): Feature[] {
  const resolve = featureResolver(ws);
  const out: Feature[] = [feature];
  const seen = new Set<string>([feature.id]);
  const stack = [{ f: feature, at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const d = top.f.dependencies[top.at++];
    if (!d) {
      stack.pop();
      continue;
    }
    const r = resolve(d.feature);
    if (!('feature' in r) || seen.has(r.feature.id)) continue;
    seen.add(r.feature.id);
    out.push(r.feature);
    stack.push({ f: r.feature, at: 0 });
  }
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
