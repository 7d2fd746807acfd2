/**
 * What mermaid parses is not the text of the block: before parsing, mermaid 11 (`preprocessDiagram`)
 * removes the front matter, `%%{...}%%` directives and `%%` comment lines, and trims the start. Its
 * error positions are in that shorter text. This module repeats those removals while remembering
 * where every kept character came from, so that a position mermaid reports maps back to the block.
 */

// The expressions of mermaid 11.17 (src/diagram-api/regexes.ts, comments.ts), copied verbatim.
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;

export interface MermaidText {
  /** The text mermaid parses. */
  text: string;
  /** Offset in the block's code of each character of `text`. */
  origin: number[];
  /** Offset in the block's code where the front matter's YAML starts, or null when there is none. */
  frontMatterBody: number | null;
}

function remove(t: MermaidText, re: RegExp): MermaidText {
  const keep: boolean[] = new Array<boolean>(t.text.length).fill(true);
  for (const m of t.text.matchAll(re.global ? re : new RegExp(re.source, re.flags + 'g'))) {
    for (let i = m.index; i < m.index + m[0].length; i++) keep[i] = false;
    if (!re.global) break;
  }
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < t.text.length; i++) {
    if (!keep[i]) continue;
    text += t.text[i];
    origin.push(t.origin[i]!);
  }
  return { ...t, text, origin };
}

/** Mermaid's view of a block's code, with the origin of every character. */
export function mermaidText(code: string): MermaidText {
  const clean = code.replace(/\r\n?/g, '\n');
  let t: MermaidText = { text: clean, origin: Array.from(clean, (_c, i) => i), frontMatterBody: null };
  const fm = FRONT_MATTER.exec(t.text);
  if (fm) {
    const open = /^[^\S\n\r]*-{3}\s*[\n\r]/.exec(fm[0])!;
    t = { ...remove(t, FRONT_MATTER), frontMatterBody: open[0].length };
  }
  t = remove(t, DIRECTIVE);
  t = remove(t, COMMENT_LINE);
  return remove(t, /^\s+/);
}

/** Offset in the block's code of a 1-based line and 0-based column of mermaid's text (clamped to the text). */
export function originOf(t: MermaidText, line: number, column: number, skipSpaces = false): number {
  const lines = t.text.split('\n');
  const l = Math.min(Math.max(1, line), lines.length);
  let offset = lines.slice(0, l - 1).reduce((n, s) => n + s.length + 1, 0) + Math.min(Math.max(0, column), lines[l - 1]!.length);
  if (skipSpaces) while (t.text[offset] === ' ' || t.text[offset] === '\t') offset++;
  if (offset < t.origin.length) return t.origin[offset]!;
  return t.origin.length ? t.origin[t.origin.length - 1]! + 1 : 0;
}

/** The diagram type word mermaid looks at: the first word of its text. */
export function diagramKeyword(t: MermaidText): string {
  return /^\S*/.exec(t.text)![0];
}
