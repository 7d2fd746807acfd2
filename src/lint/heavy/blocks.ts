/** Collect the code blocks of some languages from every document of the workspace, for one batch. */
import type { CodeBlock } from '../../markdown/types.js';
import { codeBlocks } from '../../markdown/walk.js';
import type { ParsedDoc } from '../../model/feature.js';
import type { WorkspaceContext } from '../types.js';

export interface DocBlock {
  doc: ParsedDoc;
  block: CodeBlock;
}

export function collectBlocks(ctx: Pick<WorkspaceContext<unknown>, 'workspace' | 'docs' | 'inScope'>, langs: ReadonlySet<string>): DocBlock[] {
  const out: DocBlock[] = [];
  const seen = new Set<string>();
  for (const feature of ctx.workspace.features) {
    for (const d of feature.docs) {
      if (seen.has(d.path) || !ctx.inScope(d.path)) continue; // (in scope first: documents may be parsed on demand)
      const doc = ctx.docs.get(d.path);
      if (!doc) continue;
      seen.add(d.path);
      for (const { block } of codeBlocks(doc.doc.root)) if (langs.has(block.lang)) out.push({ doc, block });
    }
  }
  return out;
}
