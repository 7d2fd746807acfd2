import { codePosition } from '../../sql/block.js';
import { collectBlocks } from '../heavy/blocks.js';
import { checkDiagrams } from '../heavy/mermaid-batch.js';
import type { DiagramResult } from '../heavy/mermaid-error.js';
import { defineRule } from '../types.js';

const MERMAID = new Set(['mermaid']);

export default defineRule({
  id: 'mermaid-syntax',
  description: "Mermaid diagrams parse with mermaid's own parser (mermaid 11): a known diagram type and valid syntax",
  defaultSeverity: 'error',
  scope: 'workspace',
  checksDocuments: true,
  heavy: true,
  examples: [
    {
      fail: '# Pitch Deck Design\n\n## Architecture\n\n```mermaid\nflowchart TD\n    G[Start Wizard] --> H{Provide Context (Text/URL)}\n    H --> I[Generate Deck]\n```\n',
      pass: '# Pitch Deck Design\n\n## Architecture\n\n```mermaid\nflowchart TD\n    G[Start Wizard] --> H{"Provide Context (Text/URL)"}\n    H --> I[Generate Deck]\n```\n',
    },
    {
      fail: '# Pitch Deck Design\n\n## Data Flow\n\n```mermaid\ndataflow\n    User --> API\n    API --> Database\n```\n',
      pass: '# Pitch Deck Design\n\n## Data Flow\n\n```mermaid\nflowchart LR\n    User --> API\n    API --> Database\n```\n',
    },
  ],
  async check(ctx) {
    const blocks = collectBlocks(ctx, MERMAID);
    if (blocks.length === 0) return;
    let results: Map<string, DiagramResult>;
    try {
      ({ results } = await checkDiagrams(blocks.map((b) => b.block.code)));
    } catch (e) {
      const first = blocks[0]!;
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      ctx.report({ path: first.doc.path, line: first.block.line, message: `mermaid could not be loaded (${why}); ${blocks.length} diagram(s) were not checked` });
      return;
    }
    for (const { doc, block } of blocks) {
      const r = results.get(block.code);
      if (!r || r.ok) continue;
      const at = r.offset === null ? { line: block.line, column: 1 } : codePosition(doc.doc, block, r.offset);
      ctx.report({ path: doc.path, ...at, message: r.message });
    }
  },
});
