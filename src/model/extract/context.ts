import type { Diagnostic } from '../../diagnostic.js';
import type { MarkdownDoc } from '../../markdown/types.js';
import type { Source, Style } from '../schema.js';
import type { SqlParser } from '../../sql/parser.js';

/** What every extractor gets: one parsed document of one feature. Extractors are pure. */
export interface DocContext {
  /** Path of the document relative to the workspace root. */
  path: string;
  doc: MarkdownDoc;
  style: Style;
  /** Id of the feature the document belongs to. */
  featureId: string;
  /** Loaded PostgreSQL parser, or null when the workspace has no SQL block (extractors then skip SQL). */
  sql: SqlParser | null;
  /** Extractors push content problems here (never throw). */
  diagnostics: Diagnostic[];
}

export function source(ctx: DocContext, line: number): Source {
  return { path: ctx.path, line: Math.max(1, line) };
}
