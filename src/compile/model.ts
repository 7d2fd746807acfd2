/** What every generator compiles from: the workspace, its resources and the documents it was read from. */
import type { Diagnostic } from '../diagnostic.js';
import type { Workspace } from '../model/schema.js';
import { resourceModel, type Resource } from './resources.js';

export interface CompileModel {
  workspace: Workspace;
  resources: Resource[];
  /** Document paths (relative to the workspace root), sorted. */
  sources: string[];
}

/** Build the compile model; `diagnostics` are the resource model's (duplicates). */
export function compileModel(workspace: Workspace): CompileModel & { diagnostics: Diagnostic[] } {
  const { resources, diagnostics } = resourceModel(workspace);
  const sources = [...new Set(workspace.features.flatMap((f) => f.docs.map((d) => d.path)))].sort();
  return { workspace, resources, sources, diagnostics };
}
