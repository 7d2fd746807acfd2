/** The lint engine's contracts: a rule is an object with an id and a check over one scope. */
import type { z } from 'zod';
import type { Diagnostic, Fix, Severity } from '../diagnostic.js';
import type { ParsedDoc } from '../model/feature.js';
import type { ModelList } from '../model/constants.js';
import type { Feature, Style, Workspace } from '../model/schema.js';

export type RuleSeverity = Severity | 'off';

export interface RuleExample {
  /** A document (Markdown) that the rule reports. */
  fail: string;
  /** The same document, fixed. */
  pass: string;
  /** Path the example document is linted at (default `docs/features/001-example/design.md`). */
  path?: string;
  /** Other files of the example workspace (path -> content), e.g. another feature or a source file. */
  files?: Record<string, string>;
}

export interface Report {
  path: string;
  line: number;
  column?: number;
  message: string;
  fix?: Fix;
}

interface BaseContext<O> {
  workspace: Workspace;
  /** Rule options from featspec.config.json (`["error", { ... }]`), or undefined. */
  options: O | undefined;
  /** True when a path (relative to the workspace root) exists; provided by the loader. */
  exists(path: string): boolean;
  /** The text of a file (relative to the workspace root), or null when it cannot be read. */
  read(path: string): string | null;
  /** Parsed documents by path. */
  docs: ReadonlyMap<string, ParsedDoc>;
  /** True when findings on this document are wanted (`lint one-file.md` lints one file; workspace rules may skip the rest). */
  inScope(path: string): boolean;
  /** The current time (injected so that rules stay pure and tests can fix it). */
  now: Date;
  report(r: Report): void;
}

export interface DocumentContext<O> extends BaseContext<O> {
  doc: ParsedDoc;
  style: Style;
  feature: Feature;
}

export interface FeatureContext<O> extends BaseContext<O> {
  feature: Feature;
}

export type WorkspaceContext<O> = BaseContext<O>;

interface RuleBase {
  id: string;
  description: string;
  defaultSeverity: RuleSeverity;
  /** Rules that load heavy parsers (skipped from the fast path of the benchmark comparison). */
  heavy?: boolean;
  fixable?: boolean;
  /**
   * A workspace-scope rule that only checks the documents in `ctx.docs` (batched across documents for
   * speed, as the heavy parsers are): in a parallel run every shard runs it over its own documents.
   * Other workspace-scope rules compare features with each other and run once, over all of them.
   */
  checksDocuments?: boolean;
  /**
   * The model lists the rule reads, of any feature (feature.endpoints, the entity index ...). A lint
   * extracts only the lists its enabled rules read (lint/lists.ts); a test checks every rule against
   * a full build.
   */
  uses?: readonly ModelList[];
  /** Failing and passing example documents: tests and rule docs are generated from them. */
  examples: RuleExample[];
}

export type Rule<O = unknown> = RuleBase & {
  /** The options object the rule takes (`["error", { ... }]` in featspec.config.json), described; none when absent. */
  options?: z.ZodType<O>;
  /** Options shown in the rule's doc (a test checks that they parse). */
  optionsExample?: O;
} & (
    | { scope: 'document'; check(ctx: DocumentContext<O>): void | Promise<void> }
    | { scope: 'feature'; check(ctx: FeatureContext<O>): void | Promise<void> }
    | { scope: 'workspace'; check(ctx: WorkspaceContext<O>): void | Promise<void> }
  );

export function defineRule<O = unknown>(rule: Rule<O>): Rule<O> {
  return rule;
}

export interface LintDiagnostic extends Diagnostic {
  feature: string | null;
  fixable: boolean;
}
