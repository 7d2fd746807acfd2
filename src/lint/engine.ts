/** The lint engine: runs the registered rules over a loaded workspace and returns diagnostics. */
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostic.js';
import type { ParsedDoc } from '../model/feature.js';
import type { Feature, Workspace } from '../model/schema.js';
import { readDirectives, type Directives } from './directives.js';
import { RULES } from './rules/index.js';
import type { LintDiagnostic, Report, Rule, RuleSeverity } from './types.js';
import { checkRuleSettings, isRuleId, unknownRuleHint } from './settings.js';
import { docText } from '../markdown/doc-text.js';

type DocumentRule = Extract<Rule, { scope: 'document' }>;

export type RuleSetting = RuleSeverity | [RuleSeverity, ...unknown[]];

export interface LintOptions {
  /** Rule settings from featspec.config.json. */
  rules?: Record<string, RuleSetting>;
  /** Rule ids to turn off regardless of the config (e.g. the benchmark's fast path). */
  disable?: ReadonlySet<string>;
  /** Lint only these document paths (and the features they belong to); all when undefined. */
  paths?: ReadonlySet<string>;
  exists(path: string): boolean;
  read(path: string): string | null;
  /** The current time for date checks (default: now). */
  now?: Date;
  /**
   * One shard of a parallel run (lint/shard): the workspace holds every feature, `docs` only the
   * shard's documents; document and feature rules check the `local` features only, workspace rules
   * that compare features run in the `first` shard only.
   */
  shard?: { local: ReadonlySet<string>; first: boolean };
}

export interface LintInput {
  workspace: Workspace;
  docs: ReadonlyMap<string, ParsedDoc>;
}

export function setting(rule: Pick<Rule, 'id' | 'defaultSeverity'>, rules: LintOptions['rules']): { severity: RuleSeverity; options: unknown } {
  const s = rules?.[rule.id];
  if (s === undefined) return { severity: rule.defaultSeverity, options: undefined };
  if (typeof s === 'string') return { severity: s, options: undefined };
  return { severity: s[0], options: s[1] };
}

export async function lint(input: LintInput, options: LintOptions): Promise<LintDiagnostic[]> {
  checkRuleSettings(options.rules);
  const { workspace, docs } = input;
  const out: LintDiagnostic[] = [];
  const featureOf = new Map<string, Feature>();
  for (const f of workspace.features) for (const d of f.docs) featureOf.set(d.path, f);
  const { shard } = options;
  const featureInScope = (f: Feature) => (!shard || shard.local.has(f.id)) && (!options.paths || f.docs.some((d) => options.paths!.has(d.path)));
  const features = workspace.features.filter(featureInScope);

  const push = (rule: string, severity: Severity, fixable: boolean, r: Report | Diagnostic, feature?: string) => {
    out.push({
      rule, severity, message: r.message, path: r.path, line: Math.max(1, r.line), column: Math.max(1, r.column ?? 1),
      feature: feature ?? featureOf.get(r.path)?.id ?? null,
      fixable: fixable && r.fix !== undefined,
      ...(r.fix ? { fix: r.fix } : {}),
    });
  };

  // Problems found while reading and parsing (encoding, binary, front matter ...) are diagnostics too;
  // those that a rule owns (table-shape) are reported by that rule.
  const parseProblems: [Diagnostic, string | undefined][] = [
    ...(!shard || shard.first ? workspace.diagnostics : []).map((d): [Diagnostic, undefined] => [d, undefined]),
    ...features.flatMap((f) => f.diagnostics.map((d): [Diagnostic, string] => [d, f.id])),
  ];
  for (const [d, feature] of parseProblems) {
    if (isRuleId(d.rule)) continue;
    const { severity } = setting({ id: d.rule, defaultSeverity: d.severity }, options.rules);
    if (severity !== 'off') push(d.rule, severity, false, d, feature);
  }

  const inScope = (p: string) => !options.paths || options.paths.has(p);
  const { exists, read } = options;
  const now = options.now ?? new Date();
  const documentRules: { check: DocumentRule['check']; options: unknown; report: (r: Report) => void }[] = [];
  for (const rule of RULES) {
    const { severity, options: ruleOptions } = setting(rule, options.rules);
    if (severity === 'off' || options.disable?.has(rule.id)) continue;
    if (shard && !shard.first && rule.scope === 'workspace' && !rule.checksDocuments) continue;
    const report = (r: Report) => push(rule.id, severity, rule.fixable ?? false, r);
    // Contexts are object literals of one shape (spreading a base object for every document cost
    // ~0.1 s of a 3,000-document lint). Most rules are synchronous: their result is awaited only when
    // it is a promise (tens of thousands of needless awaits cost a measurable share too).
    if (rule.scope === 'workspace') await rule.check({ workspace, docs, exists, read, now, inScope, options: ruleOptions, report });
    else if (rule.scope === 'feature') {
      for (const feature of features) {
        const pending = rule.check({ workspace, docs, exists, read, now, inScope, options: ruleOptions, report, feature });
        if (pending) await pending;
      }
    } else documentRules.push({ check: rule.check, options: ruleOptions, report });
  }
  // A file's directives, read once: for the ids they name, and for the findings they silence.
  // A shard holds only its own documents; a finding on another shard's document reads that file's directives.
  const directives = new Map<string, Directives | null>();
  const directivesOf = (path: string): Directives | null => {
    let dir = directives.get(path);
    if (dir === undefined) {
      const lines = docs.get(path)?.doc.sourceLines ?? (shard ? options.read(path)?.split(/\r?\n/) : undefined);
      directives.set(path, (dir = lines ? readDirectives(lines) : null));
    }
    return dir;
  };
  // Document rules run document by document, every rule over one document before the next document:
  // its blocks and lines stay in the processor's caches while the rules read them. (The order in which
  // rules report does not matter: findings are sorted, and only one rule's findings can tie.)
  for (const feature of features) {
    for (const d of feature.docs) {
      const doc = docs.get(d.path);
      if (!doc) continue;
      if (docText(doc.doc).includes('featspec-')) unknownDirectiveRules(doc.path, directivesOf(doc.path)!, (r) => push('directive', 'warning', false, r, feature.id));
      for (const rule of documentRules) {
        const pending = rule.check({ workspace, docs, exists, read, now, inScope, options: rule.options, report: rule.report, feature, doc, style: d.style });
        if (pending) await pending;
      }
    }
  }
  return withoutRepeats(applyDirectives(out, (p) => featureOf.has(p), directivesOf, options.paths).sort(compareDiagnostics));
}

/** A directive naming no rule silences nothing: most likely a misspelt id. */
function unknownDirectiveRules(path: string, directives: Directives, report: (r: Report) => void): void {
  for (const { rule, directive, line, column } of directives.named) {
    if (!isRuleId(rule)) report({ path, line, column, message: `${directive} names an unknown rule "${rule}"${unknownRuleHint(rule)}` });
  }
}

/** Drop findings reported twice (same rule, place and message; the first reported is kept) from a sorted list. */
export function withoutRepeats(sorted: LintDiagnostic[]): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  // compareDiagnostics orders by path, line, column and rule: findings at one spot are adjacent.
  let spot = 0;
  for (const d of sorted) {
    const first = out[spot];
    if (!first || first.path !== d.path || first.line !== d.line || first.column !== d.column || first.rule !== d.rule) spot = out.length;
    let repeat = false;
    for (let k = spot; k < out.length && !repeat; k++) repeat = out[k]!.message === d.message;
    if (!repeat) out.push(d);
  }
  return out;
}

function applyDirectives(diags: LintDiagnostic[], isDocument: (path: string) => boolean, directivesOf: (path: string) => Directives | null, paths?: ReadonlySet<string>): LintDiagnostic[] {
  return diags.filter((d) => {
    // With paths, findings on the workspace's other documents are dropped (not those on other files).
    if (paths && !paths.has(d.path) && isDocument(d.path)) return false;
    const dir = directivesOf(d.path);
    return !dir || !dir.silenced(d.rule, d.line);
  });
}
