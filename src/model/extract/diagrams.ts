/**
 * Diagrams: every ```mermaid block, and text diagrams (untagged / `text` / `ascii` blocks that draw
 * boxes, arrows or a tree of named parts; see diagrams-text.ts). Source line = the opening fence.
 *
 * Mermaid type = the diagram keyword of the first meaningful line (front matter `---` blocks,
 * `%%` comments and `%%{init}%%` directives skipped): `graph`/`flowchart` → "flowchart",
 * `stateDiagram-v2` → "stateDiagram", `classDiagram-v2` → "classDiagram", others as written
 * (`sequenceDiagram`, `erDiagram`, `gantt`, and unknown keywords such as `dataflow`); null when empty.
 * Text diagrams have type null.
 */
import { sectionWords } from '../../markdown/heading-key.js';
import { codeBlocks } from '../../markdown/walk.js';
import type { Section } from '../../markdown/types.js';
import type { Diagram } from '../schema.js';
import { source, type DocContext } from './context.js';
import { isTextDiagram } from './diagrams-text.js';

const DIAGRAM_HEADING = /\bdiagrams?\b|\bgraph\b|\bdfd\b|\berd\b|\bdiagrama\b|图|圖/;

export function extractDiagrams(ctx: DocContext): Diagram[] {
  const out: Diagram[] = [];
  for (const { block, section } of codeBlocks(ctx.doc.root)) {
    if (block.lang === 'mermaid') {
      out.push({ language: 'mermaid', type: mermaidType(block.code), code: block.code, source: source(ctx, block.line) });
    } else if (isTextDiagram(block, namesDiagram(section))) {
      out.push({ language: 'text', type: null, code: block.code, source: source(ctx, block.line) });
    }
  }
  return out.sort((a, b) => a.source.line - b.source.line);
}

function namesDiagram(s: Section): boolean {
  return s.level > 0 && DIAGRAM_HEADING.test(sectionWords(s));
}

/** The diagram keyword of a mermaid block, normalized. */
export function mermaidType(code: string): string | null {
  const lines = code.split('\n');
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((l, k) => k > 0 && l.trim() === '---') + 1;
    if (i === 0) return null;
  }
  for (; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (!l || l.startsWith('%%')) continue;
    const word = /^[A-Za-z][\w-]*/.exec(l)?.[0];
    if (!word) return null;
    if (/^(?:graph|flowchart)(?:-elk)?$/i.test(word)) return 'flowchart';
    if (/^stateDiagram(?:-v2)?$/.test(word)) return 'stateDiagram';
    if (/^classDiagram(?:-v2)?$/.test(word)) return 'classDiagram';
    return word;
  }
  return null;
}
