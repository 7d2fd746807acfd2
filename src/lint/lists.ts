/**
 * Which model lists a lint extracts: the lists its enabled rules read (`uses`), plus the lists whose
 * extractors report problems of their own (a SQL block that cannot be read, a file-plan action that is
 * not one), which a lint shows whatever rules run. The other extractors (configuration, diagrams,
 * targets, decisions, and components when no rule reads planned files) are skipped.
 */
import type { ModelList } from '../model/constants.js';
import { setting, type RuleSetting } from './engine.js';
import { RULES } from './rules/index.js';

/** The lists whose extractors push diagnostics (model/extract/*: ctx.diagnostics). */
export const REPORTING_LISTS: readonly ModelList[] = ['entities', 'endpoints', 'tables', 'filePlan', 'tasks'];

export function listsForLint(rules: Record<string, RuleSetting> | undefined, disable: Iterable<string> = []): Set<ModelList> {
  const off = new Set(disable);
  const lists = new Set<ModelList>(REPORTING_LISTS);
  for (const rule of RULES) {
    if (off.has(rule.id) || setting(rule, rules).severity === 'off') continue;
    for (const l of rule.uses ?? []) lists.add(l);
  }
  return lists;
}

/**
 * The lists that only planned files read (lint/planned.ts): a feature's own, and those of the features it
 * depends on. A lint of some documents builds the other features without them unless a linted one
 * depends on them (lint/scoped.ts).
 */
export const PLANNED_LISTS: readonly ModelList[] = ['filePlan', 'components'];
