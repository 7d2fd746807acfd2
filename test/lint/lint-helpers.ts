import { lint } from '../../src/lint/engine.js';
import { fsAccess } from '../../src/lint/fs-access.js';
import type { RuleSetting } from '../../src/lint/engine.js';
import type { LintDiagnostic } from '../../src/lint/types.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { tempWorkspace } from '../helpers.js';

/** Lint one document (plus optional other workspace files) in a temporary workspace. */
export async function lintText(text: string, opts: { path?: string; files?: Record<string, string>; rules?: Record<string, RuleSetting> } = {}): Promise<LintDiagnostic[]> {
  const path = opts.path ?? 'docs/features/001-example/design.md';
  const w = tempWorkspace({ ...(opts.files ?? {}), [path]: text });
  try {
    return await lintRoot(w.root, opts.rules);
  } finally {
    w.cleanup();
  }
}

export async function lintRoot(root: string, rules?: Record<string, RuleSetting>): Promise<LintDiagnostic[]> {
  const loaded = await loadWorkspace(root);
  return lint(loaded, { rules: rules ?? loaded.config.rules, ...fsAccess(loaded.workspace.root) });
}
