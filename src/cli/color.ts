import { showControls } from '../util/text.js';

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const id = (s: string) => s;

export function paint(enabled: boolean): Paint {
  if (!enabled) return { bold: id, dim: id, red: id, yellow: id, green: id, cyan: id };
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), cyan: wrap(36, 39) };
}

/** The colour codes `paint` writes; a document's control characters are anything else. */
const PAINTED = /\u001b\[(?:1|2|22|31|32|33|36|39)m/g;

/**
 * Text bound for a terminal or a log: control characters from documents and file names (escape
 * sequences that retitle or clear the terminal, bells, carriage returns) are shown as `\xNN`; the colour
 * codes of `paint` pass when colours are on.
 */
export function terminalText(s: string, colors: boolean): string {
  if (!colors) return showControls(s);
  let out = '';
  let from = 0;
  for (const m of s.matchAll(PAINTED)) {
    out += showControls(s.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + showControls(s.slice(from));
}
