import { parseMarkdown } from '../src/markdown/parse.js';
import type { DocContext } from '../src/model/extract/context.js';
import { detectStyle } from '../src/model/style.js';
import type { Style } from '../src/model/schema.js';
import type { SqlParser } from '../src/sql/parser.js';

/** Build an extractor context from Markdown text (style detected unless given). */
export function docContext(markdown: string, opts: { path?: string; style?: Style; sql?: SqlParser | null } = {}): DocContext {
  const path = opts.path ?? 'docs/features/001-test/design.md';
  const { doc, diagnostics } = parseMarkdown(markdown, path);
  return { path, doc, style: opts.style ?? detectStyle(doc, path).style, featureId: '001-test', sql: opts.sql ?? null, diagnostics: [...diagnostics] };
}

/** Join lines: keeps fixtures readable and their line numbers obvious. */
export const md = (...lines: string[]) => lines.join('\n') + '\n';

export const SHARED = new URL('../../shared/', import.meta.url);
