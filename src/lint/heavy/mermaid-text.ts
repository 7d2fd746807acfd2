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
  /** Where the front matter's YAML is in the block's code (offsets), or null when there is none. */
  frontMatter: { start: number; end: number } | null;
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
  // Markdown parsing has already turned line endings into \n; a stray \r before one is dropped, as mermaid does.
  let t: MermaidText = remove({ text: code, origin: Array.from({ length: code.length }, (_v, i) => i), frontMatter: null }, /\r(?=\n)/g);
  const fm = FRONT_MATTER.exec(t.text);
  if (fm) {
    const body = /^[^\S\n\r]*-{3}\s*[\n\r]/.exec(fm[0])![0].length;
    const frontMatter = { start: t.origin[body] ?? 0, end: t.origin[body + fm[2]!.length] ?? code.length };
    t = { ...remove(t, FRONT_MATTER), frontMatter };
  }
  t = remove(t, DIRECTIVE);
  t = remove(t, COMMENT_LINE);
  return remove(t, /^\s+/);
}

/**
 * Offset in the block's code of a 1-based line and 0-based column of mermaid's text. Positions past
 * the end (mermaid reports end of input on a line after the last) map to just after the last character.
 */
export function originOf(t: MermaidText, line: number, column: number, skipSpaces = false): number {
  const lines = t.text.split('\n');
  const end = t.text.trimEnd().length;
  let offset = end;
  if (line <= lines.length) {
    const l = Math.max(1, line);
    offset = lines.slice(0, l - 1).reduce((n, s) => n + s.length + 1, 0) + Math.min(Math.max(0, column), lines[l - 1]!.length);
    if (skipSpaces) while (t.text[offset] === ' ' || t.text[offset] === '\t') offset++;
  }
  if (offset < end) return t.origin[offset]!;
  return end > 0 ? t.origin[end - 1]! + 1 : 0;
}

/** The diagram type word mermaid looks at: the first word of its text. */
export function diagramKeyword(t: MermaidText): string {
  return /^\S*/.exec(t.text)![0];
}
