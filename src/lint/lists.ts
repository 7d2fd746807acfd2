/**
 * Which model lists a lint extracts: the lists its enabled rules read (`uses`), plus the lists whose
 * extractors report problems of their own (a SQL block that cannot be read, a file-plan action that is
 * not one), which a lint shows whatever rules run. The other extractors (configuration, diagrams,
 * targets, decisions, and components when no rule reads planned files) are skipped.
 */
import type { ModelList } from '../model/constants.js';
import { extractMore, type ParsedDoc } from '../model/feature.js';
import type { Workspace } from '../model/schema.js';
import { plannedClosure } from './rules/workspace-index.js';
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

/** The lists that only planned files read (lint/planned.ts): a feature's own, and those of the features it depends on. */
export const PLANNED_LISTS: readonly ModelList[] = ['filePlan', 'components'];

/**
 * A lint of some documents (`featspec lint <paths>`): the features holding them get every list the
 * rules read; the others only what the rules that compare features read (endpoints, tasks, entities,
 * tables, dependencies), without their file plans and components, unless a linted feature depends on
 * them: `completePlanned` adds those after loading. ~10% of a lint of one document in a big workspace.
 */
export function scopedLists(lists: ReadonlySet<ModelList>, linted: ReadonlySet<string>): (featureId: string) => ReadonlySet<ModelList> {
  const others = new Set([...lists].filter((l) => !PLANNED_LISTS.includes(l)));
  return (id) => (linted.has(id) ? lists : others);
}

/** Extract the planned-file lists of every feature a linted feature depends on (transitively); returns how many. */
export function completePlanned(workspace: Workspace, docs: ReadonlyMap<string, ParsedDoc>, linted: ReadonlySet<string>, lists: ReadonlySet<ModelList>): number {
  const planned = new Set(PLANNED_LISTS.filter((l) => lists.has(l)));
  if (planned.size === 0) return 0;
  const done = new Set(linted);
  let completed = 0;
  for (const f of workspace.features) {
    if (!linted.has(f.id)) continue;
    for (const dep of plannedClosure(workspace, f)) {
      if (done.has(dep.id)) continue;
      done.add(dep.id);
      extractMore(dep, dep.docs.map((d) => docs.get(d.path)).filter((p): p is ParsedDoc => p !== undefined), null, planned);
      completed++;
    }
  }
  return completed;
}
