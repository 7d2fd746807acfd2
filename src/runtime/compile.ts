/** What `serve` compiles from a loaded workspace: the resource model, schema.sql, OpenAPI and rate limits. */
import { compileModel, type CompileModel } from '../compile/model.js';
import { compileOpenApi } from '../compile/openapi.js';
import { compileSql } from '../compile/sql.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { featureLimits, type RateLimit } from './limits.js';
import { snapshotOf, type SchemaSnapshot } from './schema-diff.js';

export interface ServeBuild {
  model: CompileModel;
  schemaSql: string;
  snapshot: SchemaSnapshot;
  openapi: string;
  limits: Map<string, RateLimit[]>;
  /** Compile diagnostics (document parse problems are lint's business and not included). */
  diagnostics: Diagnostic[];
}

export function compileForServe(loaded: LoadedWorkspace): ServeBuild {
  const model = compileModel(loaded.workspace);
  const sql = compileSql(model);
  const openapi = compileOpenApi(model);
  const limits = new Map(loaded.workspace.features.map((f) => [f.id, featureLimits(f, loaded.docs)]));
  return {
    model, schemaSql: sql.text, snapshot: snapshotOf(model.resources), openapi: openapi.text, limits,
    diagnostics: [...model.diagnostics, ...sql.diagnostics, ...openapi.diagnostics].sort(compareDiagnostics),
  };
}

export const buildErrors = (b: ServeBuild) => b.diagnostics.filter((d) => d.severity === 'error');
