/**
 * Parallel lint, the part that runs in each shard (a worker thread, or in-process in tests). The
 * workspace's features are dealt round-robin into shards; a shard
 *   1. reads, parses and builds its own features (`buildShard`), which are then shared with the others;
 *   2. with every feature in hand, runs the rules over its own documents and features (`lintShard`):
 *      document and feature rules for its features, the heavy syntax rules over its documents, and,
 *      in the first shard only, the rules that compare features across the workspace.
 * The union of the shards' findings is the finding set of a one-thread run over the whole workspace.
 */
import type { Diagnostic } from '../../diagnostic.js';
import type { ParsedDoc } from '../../model/feature.js';
import type { ModelList } from '../../model/constants.js';
import type { Feature } from '../../model/schema.js';
import type { ResolvedConfig } from '../../workspace/config.js';
import type { FeatureLocation } from '../../workspace/discover.js';
import { loadFeatures } from '../../workspace/load.js';
import { lint, type RuleSetting } from '../engine.js';
import { fsAccess } from '../fs-access.js';
import type { LintDiagnostic } from '../types.js';

export interface ShardJob {
  /** Absolute workspace root. */
  root: string;
  config: ResolvedConfig;
  /** This shard's features, in workspace order. */
  locations: FeatureLocation[];
  /** This shard's position (0-based) and the number of shards. */
  index: number;
  count: number;
  /** Discovery problems: reported by the first shard. */
  discovery: Diagnostic[];
  rules: Record<string, RuleSetting> | undefined;
  disable: string[];
  /** The model lists to extract (lint/lists.ts). */
  lists: ModelList[];
  /** Lint only these documents (all when absent); every feature is still built. */
  paths?: string[];
  /** The run's clock (ms since the epoch), the same for every shard. */
  now: number;
}

export interface BuiltShard {
  job: ShardJob;
  features: Feature[];
  docs: Map<string, ParsedDoc>;
}

/** Feature i of the workspace goes to shard i % count. */
export function dealFeatures<T>(items: T[], count: number): T[][] {
  const out: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, i) => out[i % count]!.push(item));
  return out;
}

/** The inverse of `dealFeatures`: every shard's items back in workspace order. */
export function gatherFeatures<T>(shards: T[][]): T[] {
  const out: T[] = [];
  const total = shards.reduce((n, s) => n + s.length, 0);
  for (let i = 0; i < total; i++) out.push(shards[i % shards.length]![Math.floor(i / shards.length)]!);
  return out;
}

/** Stage 1: read, parse and build the shard's features. */
export async function buildShard(job: ShardJob): Promise<BuiltShard> {
  const { features, docs } = await loadFeatures(job.root, job.locations, job.config, { lists: new Set(job.lists) });
  return { job, features, docs };
}

/** Stage 2: lint the shard's part, given every shard's features (this one's included) in shard order. */
export async function lintShard(built: BuiltShard, shards: Feature[][]): Promise<LintDiagnostic[]> {
  const { job, docs } = built;
  const all = shards.map((s, k) => (k === job.index ? built.features : s));
  return lint(
    { workspace: { version: 1, root: job.root, features: gatherFeatures(all), diagnostics: job.index === 0 ? job.discovery : [] }, docs },
    {
      rules: job.rules, disable: new Set(job.disable), now: new Date(job.now), ...fsAccess(job.root),
      ...(job.paths ? { paths: new Set(job.paths) } : {}),
      shard: { local: new Set(built.features.map((f) => f.id)), first: job.index === 0 },
    },
  );
}
