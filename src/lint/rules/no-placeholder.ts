import { docText, positionAt } from '../../markdown/doc-text.js';
import { codeBlocks, sections } from '../../markdown/walk.js';
import { defineRule } from '../types.js';

// Bracket text that is not a link, footnote, admonition, checkbox or wiki link (`[[Page]]`), and not glued to an
// identifier (`list[str]`).
const BRACKET = /(?<![\w\]!\\[])\[([^[\]\n]{1,100})\](?!\(|\[|:)/g;
const MARKERS = /\b(?:FEAT|TASK)-X{2,}\b|\bNEEDS CLARIFICATION\b|\bTBD\b/g;
/** Box names in text diagrams are real unless they are the templates' own phrases. */
const TEMPLATE_BOXES = /^(?:component [a-z0-9]|component name|user input|output|visual representation\b.*|service name|entity name|endpoint name|action|request|response|process|query|data|result|display)$/i;
/** Conventions that look like brackets but are not placeholders: spec-kit `[P]`, `[US1]`, `[FR-006]`, `[x]`. */
const CONVENTION = /^(?:[A-Z]{1,4}-?\d{1,4}|[A-Z]|[xX ]|-|\d[\d.,\s]*|[^\p{L}]*)$/u;
/** Keys to press: `[Ctrl+C]`, `[Cmd + Shift + P]`, `[Enter]`, `[F5]`. */
const KEYS = /^(?:(?:ctrl|control|cmd|command|alt|option|opt|shift|meta|super|win)\s*\+\s*)+\S{1,12}$|^(?:enter|return|esc|escape|tab|space|backspace|delete|del|insert|home|end|page ?up|page ?down|pgup|pgdn|up|down|left|right|f\d{1,2})$/i;
/** Status and priority tags written in brackets: `[WIP]`, `[Deprecated]`, `[MVP]`, `[High]`. */
const TAGS = /^(?:wip|done|completed?|in progress|deprecated|optional|required|beta|alpha|experimental|new|breaking|draft|blocked|high|medium|low|mvp|must|should|could)$/i;
/** Bracket notations that are not prose: `[a, b]` lists, `[a|b]` choices, escapes. */
const NOTATION = /^[\w.$-]+(?:\s*,\s*[\w.$-]+)+$|^[\w.-]+(?:\|[\w.-]+)+$|\\/;

/**
 * A character class or a range, `[a-z0-9_]`, `[1-5]`: no space, and every range ascends within letters or
 * digits, which a date format such as `[YYYY-MM-DD]` (Y-M, M-D) or a phrase (`[1-2 sentences]`) does not.
 */
function isCharClass(inner: string): boolean {
  if (/\s/.test(inner)) return false;
  const ranges = [...inner.matchAll(/([A-Za-z0-9])-([A-Za-z0-9])/g)];
  return ranges.length > 0 && ranges.every(([, a, b]) => a! <= b! && /\d/.test(a!) === /\d/.test(b!));
}
/** In a URL path `[id]` is a route parameter (Next.js); only the templates' own words are placeholders there. */
const PATH_TEMPLATE_WORDS = /^(?:resources?|endpoint|feature|entity|model|name|path|service|table_name)$/i;
/** A format legend such as spec-kit's `## Format: \`[ID] [P?] [Story] Description\`` explains the notation. */
const LEGEND = /^\s*(?:#+\s*)?\**format\**\s*:/i;

/** Whether bracket text (`inner`, after `before`) is a template placeholder where it stands. */
function isPlaceholder(inner: string, before: string | undefined, inDiagram: boolean, inCode: boolean, refs: Set<string>): boolean {
  if (CONVENTION.test(inner) || NOTATION.test(inner) || KEYS.test(inner) || TAGS.test(inner) || isCharClass(inner) || /["'`]/.test(inner) || refs.has(inner.toLowerCase()) || inner.startsWith('^')) return false;
  if (before === '/' && !PATH_TEMPLATE_WORDS.test(inner)) return false;
  if (inDiagram && !TEMPLATE_BOXES.test(inner)) return false;
  if (inCode && !/\s|^[A-Z][A-Z0-9]*_[A-Z0-9_]+$|^YYYY/.test(inner)) return false; // `[i]`, `[key]`, `[All]` in code are code
  return true;
}

/** A link reference definition (`[label]: url`) on one line. */
const REF_DEF = /^[^\S\n]{0,3}\[([^\]\n]+)\]:[^\S\n]*\S/gm;

const CODE = 1;
const DIAGRAM = 2;

/** A prose line drawing a flow between boxes, `Client -> [Gateway] -> [Service]`: a text diagram outside a code block. */
const FLOW_LINE = /\]\s*(?:-+>|→|=>|<-+|←)\s*\[/;

const isTextDiagram = (code: string) => /(?:-+>|<-+|→|▶|▼|│|┌|└)/.test(code) && !/^\s*[├└]──/m.test(code);

export default defineRule({
  id: 'no-placeholder',
  description: 'No template leftovers: bracketed placeholder text, FEAT-XXX, TASK-XXX, NEEDS CLARIFICATION, TBD',
  defaultSeverity: 'error',
  scope: 'document',
  examples: [
    {
      fail: '# FEAT-XXX Design: [Feature Name]\n\n## Overview\n\n[1-2 sentences: what this feature does technically]\n\nStorage engine: TBD\n',
      pass: '# FEAT-002 Design: Bookmarks\n\n## Overview\n\nSaves links per user and lists them newest first ([details](#overview)).\n\n- [x] reviewed\n',
    },
  ],
  check({ doc, report }) {
    const lines = doc.doc.sourceLines;
    // The whole text is searched once (no pattern crosses a line), each match placed by its offset.
    const text = docText(doc.doc);
    const refs = new Set<string>();
    if (text.includes(']:')) for (const m of text.matchAll(REF_DEF)) refs.add(m[1]!.trim().toLowerCase());
    // Which lines are inside code blocks (CODE), and whether that block is a diagram (DIAGRAM), by line number.
    const codeKind = new Uint8Array(lines.length + 2);
    for (const { block } of codeBlocks(doc.doc.root)) {
      const kind = block.lang === 'mermaid' || (isTextDiagram(block.code) && ['', 'text', 'txt', 'ascii', 'plain'].includes(block.lang)) ? DIAGRAM : CODE;
      const first = block.fenced ? block.line + 1 : block.line;
      const last = Math.min(block.fenced ? block.endLine - 1 : block.endLine, lines.length);
      if (first <= last) codeKind.fill(kind, first, last + 1);
    }
    const legends = [...sections(doc.doc.root)].filter((s) => LEGEND.test(s.title));
    const inLegend = (line: number) => LEGEND.test(lines[line - 1] ?? '') || legends.some((s) => line >= s.line && line <= s.endLine);
    const found = (at: { line: number; column: number }, what: string) => report({
      path: doc.path, ...at, message: `template placeholder ${what} left in the document; replace it with real content`,
    });
    // Reported brackets, as [start, end) offsets: a marker inside one (`[NEEDS CLARIFICATION: ...]`) is the same leftover.
    const reported: [number, number][] = [];
    for (const m of text.matchAll(BRACKET)) {
      const at = positionAt(doc.doc, m.index);
      const kind = codeKind[at.line];
      const diagram = kind === DIAGRAM || (kind !== CODE && FLOW_LINE.test(lines[at.line - 1] ?? ''));
      if (!inLegend(at.line) && isPlaceholder(m[1]!.trim(), text[m.index - 1], diagram, kind === CODE, refs)) {
        found(at, m[0]);
        reported.push([m.index, m.index + m[0].length]);
      }
    }
    if (/TBD|XXX|NEEDS/.test(text)) {
      for (const m of text.matchAll(MARKERS)) {
        if (reported.some(([start, end]) => m.index >= start && m.index < end)) continue;
        const at = positionAt(doc.doc, m.index);
        if (!inLegend(at.line)) found(at, m[0]);
      }
    }
  },
});
