/**
 * A lint of some documents (`featspec lint <paths>`) builds only what the findings on those documents
 * can depend on. The features holding them are built in full. Every other feature starts as a stub (its
 * identity and the paths of its documents, every list empty) and is built as soon as a rule that compares
 * features could find something in it:
 * - the features the linted ones depend on, transitively (dependency-cycle, planned files);
 * - those whose text holds every word of a linted endpoint's path outside its parameters
 *   (endpoint-duplicate: a path's static segments are copied from the text);
 * - those whose text holds every word of a linted TASK id (task-id-unique: ids are kept as written);
 * - when a rule looks an entity name up (schema-ref, example-matches-model, field-type), those whose
 *   text, lower-cased without what is not a letter or digit, holds the name: entity names are copied
 *   from the text, and a table's name gives its singular (`categories` -> Category, so the stem
 *   `categor` is looked for);
 * and a document of a stub is parsed when a rule reads it (a link's anchor, reference-exists).
 * A feature built here is the feature a full load builds, so the findings on the linted documents are
 * those of a full lint (test/lint/scoped.test.ts holds them to it, document by document).
 */
import type { ModelList } from '../model/constants.js';
import { buildFeature, emptyFeature, type ParsedDoc } from '../model/feature.js';
import type { Feature, Workspace } from '../model/schema.js';
import { loadSqlParser, mayHaveSql } from '../sql/load.js';
import type { SqlParser } from '../sql/parser.js';
import { compareDiagnostics } from '../diagnostic.js';
import { buildRead, cacheKey, keepBuilt, parseText, readFeatureTexts, type DiscoveredWorkspace, type LoadedWorkspace, type LoadOptions, type ReadFeature, type ReadText } from '../workspace/load.js';
import { PLANNED_LISTS } from './lists.js';
import { isSpecified } from './model-utils.js';
import { buildsOnDemand, featureResolver, type OnDemand } from './rules/workspace-index.js';

/** Documents parsed when first asked for. Iterating gives only those parsed so far. */
class DocsOnDemand extends Map<string, ParsedDoc> {
  constructor(private readonly unparsed: Map<string, ReadText>) {
    super();
  }
  override get(path: string): ParsedDoc | undefined {
    const hit = super.get(path);
    if (hit !== undefined) return hit;
    const text = this.unparsed.get(path);
    if (text === undefined) return undefined;
    this.unparsed.delete(path);
    const parsed = parseText(text);
    super.set(path, parsed);
    return parsed;
  }
  override has(path: string): boolean {
    return super.has(path) || this.unparsed.has(path);
  }
}

interface Stub {
  feature: Feature;
  read: ReadFeature;
  lower?: string;
  folded?: string;
}

const GLOBAL_TASK = /^TASK-\d+$/i;

/** Words most design documents hold: looked for last. */
const COMMON = new Set(['api', 'v1', 'v2', 'v3', 'task', 'tasks', 'id']);

/** The distinct words (runs of letters and digits) of a text, lower-cased, the rarest first (the longest, common words last). */
export function wordsOf(text: string): string[] {
  const rank = (w: string) => (COMMON.has(w) ? 0 : w.length);
  return [...new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])].sort((a, b) => rank(b) - rank(a));
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Whether a lower-cased text holds `word` (letters and digits) as a whole word. */
export function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(at + word.length))) return true;
  }
  return false;
}

/** What a folded entity name needs in a folded text: the name, or its stem when it ends in y (`categories`). */
export const entityStem = (folded: string): string => (folded.endsWith('y') ? folded.slice(0, -1) : folded);

/** How many entity names are searched for in the texts as they are before the texts are folded. */
const SEARCHED_NAMES = 4;

/** What finds `folded` (letters and digits) in a lower-cased text as its folded form would: anything else may stand between them. */
export const foldedPattern = (folded: string): RegExp => new RegExp(folded.split('').join('[^a-z0-9]*'));

class OnDemandFeatures implements OnDemand {
  generation = 0;
  /** Stubs by feature id, in workspace order. */
  private readonly stubs = new Map<string, Stub>();
  private readonly asked = new Set<string>();
  /** The stems searched for so far (every stub holding one is built). */
  private readonly searched: string[] = [];
  /** The lists of a feature built for what it holds (its planned files are read only through a dependency). */
  private readonly others: ReadonlySet<ModelList>;

  constructor(
    private readonly ws: Workspace,
    private readonly docs: DocsOnDemand,
    private readonly sql: SqlParser | null,
    private readonly lists: ReadonlySet<ModelList>,
    stubs: Stub[],
    private readonly cache: FeatureCacheOption | undefined,
  ) {
    for (const s of stubs) this.stubs.set(s.feature.id, s);
    this.others = new Set([...lists].filter((l) => !PLANNED_LISTS.includes(l)));
  }

  private lower(s: Stub): string {
    return (s.lower ??= s.read.texts.map((t) => t.text).join('\n').toLowerCase());
  }

  private folded(s: Stub): string {
    return (s.folded ??= this.lower(s).replace(/[^a-z0-9]+/g, ''));
  }

  /**
   * Build a stub in place (the workspace and every look-up keep the same feature object). With a cache,
   * every list is built, so that the feature is the cache entry a whole-workspace lint would use (the
   * lists a stub does not need are read by no rule for it).
   */
  private build(s: Stub, lists: ReadonlySet<ModelList>): void {
    this.stubs.delete(s.feature.id);
    this.generation++;
    const key = this.cache ? cacheKey(s.read, this.cache.salt, this.lists) : null;
    const hit = key === null ? undefined : this.cache!.features.get(key);
    if (hit) {
      Object.assign(s.feature, hit);
      return;
    }
    const parsed = s.read.texts.map((t) => this.docs.get(t.path)!);
    const { f, extra } = s.read;
    const feature = buildFeature({ id: f.id, number: f.number, slug: f.slug }, parsed, this.sql, extra, key === null ? lists : this.lists);
    if (key !== null) keepBuilt(this.cache!.features, key, feature, parsed, this.sql);
    Object.assign(s.feature, feature);
  }

  private buildWhere(test: (s: Stub) => boolean, lists: ReadonlySet<ModelList>): void {
    for (const s of [...this.stubs.values()]) if (test(s)) this.build(s, lists);
  }

  entity(key: string): void {
    if (this.asked.has(key)) return;
    this.asked.add(key);
    if (this.stubs.size === 0) return;
    const stem = entityStem(key);
    // A stub holding this stem holds any searched stem inside it (`notificationdetail` holds
    // `notification`), so it has been built already.
    if (this.searched.some((s) => stem.includes(s))) return;
    this.searched.push(stem);
    // The first few names are searched in the lower-cased texts, letters and digits apart by anything
    // else (~15 ms over 20 MB); after that, folding every text once (~100 ms) is cheaper.
    if (this.searched.length <= SEARCHED_NAMES) {
      const re = foldedPattern(stem);
      this.buildWhere((s) => re.test(this.lower(s)), this.others);
    } else this.buildWhere((s) => this.folded(s).includes(stem), this.others);
  }

  /** Build what the linted features' dependencies, endpoints and tasks can meet in the other features. */
  prepare(linted: Feature[]): void {
    const resolve = featureResolver(this.ws);
    // A worklist, not recursion: a dependency chain can be longer than the call stack is deep.
    const pending = [...linted];
    while (pending.length > 0) {
      for (const d of pending.pop()!.dependencies) {
        const r = resolve(d.feature);
        if (!('feature' in r)) continue;
        const stub = this.stubs.get(r.feature.id);
        if (stub) {
          this.build(stub, this.lists);
          pending.push(stub.feature);
        }
      }
    }
    // What a stub's lower-cased text must hold for each linted endpoint or task id: word lists, each
    // longest word first (the rarest, so that most stubs fail on their first look). Words, not whole
    // paths or ids: the extractors read them from plain text, where markup or escapes may have stood.
    // Whole words: a path or an id ends where its letters and digits do (`021` is not in `TASK-29021`).
    const needs = new Map<string, string[]>();
    for (const f of linted) {
      for (const e of f.endpoints) {
        if (!isSpecified(e)) continue;
        const words = wordsOf(e.path.replace(/\{[^}]*\}/g, ' '));
        needs.set(words.join('/'), words);
      }
      // (An id is read from the plain text, so markup may sit between its words: `**TASK**-001`.)
      for (const t of f.tasks) if (GLOBAL_TASK.test(t.id)) needs.set(t.id.toLowerCase(), wordsOf(t.id));
    }
    if (needs.size === 0) return;
    const lists = [...needs.values()];
    if (lists.some((words) => words.length === 0)) return this.buildWhere(() => true, this.others);
    // One search for the first words of all lists, then the other words of the lists a stub may meet.
    const first = new RegExp(`(?<![a-z0-9])(?:${[...new Set(lists.map((words) => words[0]!))].join('|')})(?![a-z0-9])`);
    this.buildWhere((s) => {
      const text = this.lower(s);
      return first.test(text) && lists.some((words) => words.every((w) => hasWord(text, w)));
    }, this.others);
  }
}

export interface ScopedLoad extends LoadedWorkspace {
  /** How many of the other features were built. */
  built: () => number;
}

type FeatureCacheOption = NonNullable<LoadOptions['cache']>;

export interface ScopedOptions {
  /** Features built by an earlier run (`lint --cache`). */
  cache?: FeatureCacheOption;
  /** The documents linted: with the cache, a linted feature's other documents are parsed only when read. */
  paths?: ReadonlySet<string>;
}

/**
 * Load a workspace for a lint of the documents of `linted` (feature ids): those features in full (the
 * model lists `lists`), the others as stubs built on demand.
 */
export async function loadScoped(discovered: DiscoveredWorkspace, linted: ReadonlySet<string>, lists: ReadonlySet<ModelList>, options: ScopedOptions = {}): Promise<ScopedLoad> {
  const { root, config, found } = discovered;
  const { cache, paths } = options;
  const read = await readFeatureTexts(root, found.features, config);
  const own = read.filter((r) => linted.has(r.f.id));
  const rest = read.filter((r) => !linted.has(r.f.id));
  // Another feature with SQL may be built while a rule runs, which cannot wait: load the parser now.
  const sqlLoad = rest.some((r) => r.texts.some((t) => mayHaveSql(t.text))) ? loadSqlParser() : Promise.resolve(null);
  const built = await buildRead(own, { lists, ...(cache ? { cache } : {}), ...(paths ? { needDoc: (p: string) => paths.has(p) } : {}) });
  const byId = new Map(own.map((r, i) => [r.f.id, built.features[i]!]));
  const unparsed = new Map<string, ReadText>();
  for (const r of read) for (const t of r.texts) if (!built.docs.has(t.path)) unparsed.set(t.path, t);
  const docs = new DocsOnDemand(unparsed);
  for (const [path, doc] of built.docs) docs.set(path, doc);
  const stubs: Stub[] = rest.map((r) => {
    const feature = emptyFeature(r.f);
    feature.docs = r.texts.map((t) => ({ path: t.path, style: 'unknown', styleSource: 'none', title: '', lines: 0 }));
    byId.set(r.f.id, feature);
    return { feature, read: r };
  });
  const workspace: Workspace = {
    version: 1, root, features: found.features.map((f) => byId.get(f.id)!), diagnostics: found.diagnostics.sort(compareDiagnostics),
  };
  const onDemand = new OnDemandFeatures(workspace, docs, await sqlLoad, lists, stubs, cache);
  onDemand.prepare(built.features);
  buildsOnDemand(workspace, onDemand);
  return {
    workspace, config, roots: found.roots, docs,
    locations: new Map(found.features.map((f) => [f.id, f])),
    built: () => onDemand.generation,
  };
}
