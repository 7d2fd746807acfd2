/** Load a workspace: config, discovery, reading, parsing, extraction. The only stage that does I/O. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { parseMarkdown } from '../markdown/parse.js';
import type { ModelList } from '../model/constants.js';
import { ALL_LISTS, buildFeature, buildFeaturesWhileSqlLoads, type ParsedDoc } from '../model/feature.js';
import type { Feature, Workspace } from '../model/schema.js';
import { hasSql, loadSqlParser, mayHaveSql } from '../sql/load.js';
import type { SqlParser } from '../sql/parser.js';
import { CONFIG_FILE, ConfigError, defaultConfig, parseConfig, type ResolvedConfig } from './config.js';
import { discover, rel, type FeatureLocation } from './discover.js';
import { readDocument } from './read.js';

export { WorkspaceError } from '../errors.js';
import { WorkspaceError } from '../errors.js';

export async function loadConfig(root: string): Promise<ResolvedConfig> {
  let text: string;
  try {
    text = await readFile(join(root, CONFIG_FILE), 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return defaultConfig();
    throw new ConfigError(`${CONFIG_FILE}: cannot read: ${(e as Error).message}`);
  }
  return parseConfig(text, CONFIG_FILE);
}

export interface LoadedWorkspace {
  workspace: Workspace;
  config: ResolvedConfig;
  /** Feature roots that exist (relative). */
  roots: string[];
  /** Every parsed document, for stages that need the Markdown (lint). */
  docs: Map<string, ParsedDoc>;
  /** Where each feature was found (by id). */
  locations: Map<string, FeatureLocation>;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface ReadText {
  path: string;
  text: string;
}

/** One feature's documents as read (texts and the problems met reading them). */
export interface ReadFeature {
  f: FeatureLocation;
  texts: ReadText[];
  extra: Diagnostic[];
}

/** Read the documents of some features (a few files at a time). */
export function readFeatureTexts(root: string, locations: FeatureLocation[], config: ResolvedConfig): Promise<ReadFeature[]> {
  return mapLimit(locations, 16, async (f) => ({ f, ...(await readTexts(root, f, config)) }));
}

/** Read one feature's documents (problems reading them become diagnostics). */
async function readTexts(root: string, f: FeatureLocation, config: ResolvedConfig): Promise<{ texts: ReadText[]; extra: Diagnostic[] }> {
  const texts: ReadText[] = [];
  const extra: Diagnostic[] = [...f.diagnostics];
  for (const abs of f.files) {
    const path = rel(root, abs);
    const r = await readDocument(abs, path, config.maxFileBytes);
    extra.push(...r.diagnostics);
    if (r.text !== null) texts.push({ path, text: r.text });
  }
  return { texts, extra };
}

/** Longest stretch of parsing or extracting (ms) between two turns of the event loop while the SQL parser loads. */
const SLICE_MS = 8;

/**
 * The PostgreSQL parser loads asynchronously (its module and WebAssembly are read, then compiled off
 * the main thread), and each step waits for a turn of the event loop: parsing and extracting give it
 * one every few milliseconds until the load is done, so that it overlaps them instead of following.
 */
function loaderTurns(loading: Promise<unknown> | null): () => Promise<void> | undefined {
  let done = loading === null;
  loading?.then(() => (done = true), () => (done = true));
  let last = performance.now();
  // Nothing to wait for (the usual case) is answered without a promise, so callers need not await.
  return () => {
    if (done || performance.now() - last < SLICE_MS) return undefined;
    return new Promise<void>((resolve) => setImmediate(() => {
      last = performance.now();
      resolve();
    }));
  };
}

export const parseText = (t: ReadText): ParsedDoc => ({ path: t.path, ...parseMarkdown(t.text, t.path) });

/** Read and parse one feature's documents. */
async function readFeature(root: string, f: FeatureLocation, config: ResolvedConfig): Promise<{ parsed: ParsedDoc[]; extra: Diagnostic[] }> {
  const { texts, extra } = await readTexts(root, f, config);
  return { parsed: texts.map(parseText), extra };
}

/** Built features kept between runs (`lint --cache`), by the hash of everything a feature is built from. */
export interface FeatureCache {
  get(key: string): Feature | undefined;
  set(key: string, feature: Feature): void;
}

/** The cache key of a feature: its identity, its documents' paths and texts, and the problems met reading them. */
export function featureKey(f: FeatureLocation, texts: ReadText[], extra: Diagnostic[], salt: string): string {
  const h = createHash('sha1');
  h.update(JSON.stringify([salt, f.id, f.number, f.slug, extra, texts.map((t) => t.path)]));
  for (const t of texts) h.update('\0').update(t.text);
  return h.digest('base64url');
}

/** The key of a feature read in a cache salted with `salt`, built with `lists` (fewer lists: another entry). */
export function cacheKey(r: ReadFeature, salt: string, lists: ReadonlySet<ModelList>): string {
  return featureKey(r.f, r.texts, r.extra, `${salt}\0${[...lists].sort().join(',')}`);
}

/** Keep a feature just built in the cache, unless it was built without the SQL parser it needed (the next run may have it). */
export function keepBuilt(cache: FeatureCache, key: string, feature: Feature, parsed: readonly ParsedDoc[], sql: SqlParser | null): void {
  if (sql || !parsed.some((p) => hasSql(p.doc))) cache.set(key, feature);
}

export interface LoadOptions {
  /** Reuse features built by an earlier run (their documents unchanged). */
  cache?: { features: FeatureCache; salt: string };
  /** The documents whose Markdown the caller needs (default: all); a feature from the cache parses only these. */
  needDoc?: (path: string) => boolean;
  /** The model lists to extract (default: all; a lint needs fewer, lint/lists.ts). */
  lists?: ReadonlySet<ModelList>;
}

export interface DiscoveredWorkspace {
  /** Absolute root. */
  root: string;
  config: ResolvedConfig;
  found: Awaited<ReturnType<typeof discover>>;
}

/** The cheap first stage of loading: check the root, read the config, find the features and their files. */
export async function discoverWorkspace(rootArg: string): Promise<DiscoveredWorkspace> {
  const root = resolve(rootArg);
  const s = await stat(root).catch(() => null);
  if (!s?.isDirectory()) throw new WorkspaceError(`workspace root ${rootArg} is not a folder`);
  const config = await loadConfig(root);
  return { root, config, found: await discover(root, config) };
}

/** Read, parse and build some features (in the order given); the PostgreSQL parser loads only when a document has SQL. */
export async function loadFeatures(root: string, locations: FeatureLocation[], config: ResolvedConfig, options: LoadOptions = {}): Promise<{ features: Feature[]; docs: Map<string, ParsedDoc> }> {
  return buildRead(await readFeatureTexts(root, locations, config), options);
}

/** Parse and build features already read (in the order given); the PostgreSQL parser loads only when a document has SQL. */
export async function buildRead(read: ReadFeature[], options: LoadOptions = {}): Promise<{ features: Feature[]; docs: Map<string, ParsedDoc> }> {
  const { cache, needDoc = () => true, lists = ALL_LISTS } = options;
  const docs = new Map<string, ParsedDoc>();
  // The parser's WebAssembly compiles off the main thread while the documents are parsed.
  const turn = loaderTurns(read.some((r) => r.texts.some((t) => mayHaveSql(t.text))) ? loadSqlParser() : null);
  const features = new Array<Feature>(read.length);
  const pending: { i: number; key: string | null; parsed: ParsedDoc[]; extra: Diagnostic[] }[] = [];
  for (let i = 0; i < read.length; i++) {
    const pause = turn();
    if (pause) await pause;
    const { texts, extra } = read[i]!;
    const key = cache ? cacheKey(read[i]!, cache.salt, lists) : null;
    const hit = key === null ? undefined : cache!.features.get(key);
    if (hit) {
      features[i] = hit;
      for (const t of texts) if (needDoc(t.path)) docs.set(t.path, parseText(t));
      continue;
    }
    const parsed = texts.map(parseText);
    for (const p of parsed) docs.set(p.path, p);
    pending.push({ i, key, parsed, extra });
  }
  // The extractors that do not read SQL run while the parser may still be loading.
  const sqlLoad = pending.some((x) => x.parsed.some((p) => hasSql(p.doc))) ? loadSqlParser() : Promise.resolve(null);
  const built = await buildFeaturesWhileSqlLoads(pending.map(({ i, parsed, extra }) => {
    const f = read[i]!.f;
    return { identity: { id: f.id, number: f.number, slug: f.slug }, parsed, extra };
  }), sqlLoad, lists, async () => turn());
  const sql = await sqlLoad;
  pending.forEach(({ i, key, parsed }, k) => {
    const feature = built[k]!;
    features[i] = feature;
    if (cache && key !== null) keepBuilt(cache.features, key, feature, parsed, sql);
  });
  return { features, docs };
}

export async function loadWorkspace(rootArg: string, discovered?: DiscoveredWorkspace, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const { root, config, found } = discovered ?? (await discoverWorkspace(rootArg));
  const { features, docs } = await loadFeatures(root, found.features, config, options);
  return {
    workspace: { version: 1, root, features, diagnostics: found.diagnostics.sort(compareDiagnostics) },
    config,
    roots: found.roots,
    docs,
    locations: new Map(found.features.map((f) => [f.id, f])),
  };
}

/**
 * Re-read the features whose folders hold `changedPaths` (relative), in place: the cheap path of
 * `lint --watch`. Discovery runs again (a feature may have appeared or gone); unchanged features are kept.
 * Returns the ids of the features that were re-read, added or removed.
 */
export async function refreshWorkspace(loaded: LoadedWorkspace, changedPaths: string[]): Promise<string[]> {
  const root = loaded.workspace.root;
  const found = await discover(root, loaded.config);
  const touched = new Set<string>();
  const next = new Map(found.features.map((f) => [f.id, f]));
  for (const id of loaded.locations.keys()) if (!next.has(id)) touched.add(id);
  for (const f of found.features) {
    const old = loaded.locations.get(f.id);
    if (!old || old.files.join('\n') !== f.files.join('\n')) touched.add(f.id);
    else if (changedPaths.some((p) => p === f.path || p.startsWith(`${f.path}/`))) touched.add(f.id);
  }
  const byId = new Map(loaded.workspace.features.map((f) => [f.id, f]));
  for (const id of touched) {
    for (const d of byId.get(id)?.docs ?? []) loaded.docs.delete(d.path);
    byId.delete(id);
    const f = next.get(id);
    if (!f) continue;
    const { parsed, extra } = await readFeature(root, f, loaded.config);
    for (const p of parsed) loaded.docs.set(p.path, p);
    const sql = parsed.some((p) => hasSql(p.doc)) ? await loadSqlParser() : null;
    byId.set(id, buildFeature({ id: f.id, number: f.number, slug: f.slug }, parsed, sql, extra));
  }
  loaded.workspace.features = found.features.map((f) => byId.get(f.id)!).filter(Boolean);
  loaded.workspace.diagnostics = found.diagnostics.sort(compareDiagnostics);
  loaded.locations = next;
  return [...touched].sort();
}
