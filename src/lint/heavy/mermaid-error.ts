/** Turn what mermaid throws into a message and a position in the block's code. */
import { diagramKeyword, mermaidText, originOf, type MermaidText } from './mermaid-text.js';

/** The outcome of checking one diagram; plain data, so that it crosses worker threads. */
export type DiagramResult =
  | { ok: true }
  /** `offset`: 0-based offset in the block's code, or null when mermaid gives no position. */
  | { ok: false; message: string; offset: number | null };

/** The diagram types of mermaid 11, in the order of its documentation. */
export const DIAGRAM_TYPES = [
  'flowchart', 'graph', 'sequenceDiagram', 'classDiagram', 'stateDiagram-v2', 'stateDiagram', 'erDiagram', 'journey',
  'gantt', 'pie', 'quadrantChart', 'requirementDiagram', 'gitGraph', 'C4Context', 'C4Container', 'C4Component',
  'C4Dynamic', 'C4Deployment', 'mindmap', 'timeline', 'sankey-beta', 'xychart-beta', 'block-beta', 'packet-beta',
  'kanban', 'architecture-beta', 'radar-beta', 'treemap-beta',
];

/** Expected-token lists longer than this are cut (mermaid lists every token its grammar allows). */
const MAX_EXPECTED = 8;

interface JisonHash {
  text?: string;
  loc?: { last_line: number; last_column: number };
}

function field<T>(e: unknown, key: string): T | undefined {
  return e !== null && typeof e === 'object' ? ((e as Record<string, unknown>)[key] as T | undefined) : undefined;
}

function shorten(expecting: string): string {
  const m = /^Expecting (.*), got (.*)$/.exec(expecting);
  if (!m) return expecting;
  const tokens = m[1]!.split(', ');
  if (tokens.length <= MAX_EXPECTED) return expecting;
  return `Expecting ${tokens.slice(0, MAX_EXPECTED).join(', ')} or ${tokens.length - MAX_EXPECTED} more, got ${m[2]}`;
}

/** A jison parser error (flowchart, sequence, class, state, er, gantt, ...): `Parse error on line N:` + excerpt + `Expecting ...`. */
function jison(message: string, hash: JisonHash, t: MermaidText): DiagramResult {
  const lines = message.split('\n');
  const expecting = lines.find((l) => l.startsWith('Expecting'));
  const found = hash.text?.replace(/\s+/g, ' ').trim() ?? '';
  const got = found === '' ? '' : ` (found "${found.length > 40 ? `${found.slice(0, 40).trimEnd()}…` : found}")`;
  const text = expecting ? `Parse error: ${shorten(expecting)}${got}` : lines[0]!.replace(/ on line \d+[.:]?\s*/, ': ');
  const lexical = /^Lexical error on line (\d+)/.exec(message);
  let offset: number | null = null;
  if (hash.loc) offset = originOf(t, hash.loc.last_line, hash.loc.last_column, true);
  else if (lexical) offset = originOf(t, Number(lexical[1]), 0, true);
  return { ok: false, message: `mermaid: ${text}`, offset };
}

/** A langium parser error (pie, gitGraph, info, packet, architecture, radar, treemap): `... on line N, column M: ...`. */
function langium(message: string, t: MermaidText): DiagramResult {
  const body = message.replace(/^Parsing failed:\s*/, '');
  const m = /(Lexer|Parse) error on line (\d+), column (\d+): ([\s\S]*?)(?=(?:Lexer|Parse) error on line|$)/.exec(body);
  if (!m) return { ok: false, message: `mermaid: ${body.split('\n')[0]}`, offset: null };
  const what = m[4]!.replace(/\s+/g, ' ').trim();
  return { ok: false, message: `mermaid: ${m[1]} error: ${what}`, offset: originOf(t, Number(m[2]), Number(m[3]) - 1) };
}

export function describeError(e: unknown, code: string): DiagramResult {
  const t = mermaidText(code);
  const name = field<string>(e, 'name');
  const message = field<string>(e, 'message') ?? String(e);
  if (name === 'UnknownDiagramError') {
    const word = diagramKeyword(t);
    const found = word === '' ? 'no diagram type (the block is empty)' : `unknown diagram type "${word}"`;
    return { ok: false, message: `${found}; expected one of ${DIAGRAM_TYPES.join(', ')}`, offset: null };
  }
  if (name === 'YAMLException') {
    const position = field<{ position?: number }>(e, 'mark')?.position;
    const reason = field<string>(e, 'reason') ?? message.split('\n')[0];
    const fm = t.frontMatter;
    const offset = fm && typeof position === 'number' ? Math.min(fm.start + position, fm.end) : null;
    return { ok: false, message: `mermaid: front matter is not valid YAML: ${reason}`, offset };
  }
  const hash = field<JisonHash>(e, 'hash');
  if (hash || /^(?:Parse|Lexical) error on line \d+/.test(message)) return jison(message, hash ?? {}, t);
  if (field<unknown>(e, 'result') !== undefined || message.startsWith('Parsing failed')) return langium(message, t);
  return { ok: false, message: `mermaid: ${message.split('\n')[0]}`, offset: null };
}
