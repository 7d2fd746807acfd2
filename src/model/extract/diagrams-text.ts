/**
 * Is an untagged (or `text`/`ascii`) code block a drawn diagram?
 *
 * Yes when it draws boxes (`┌ ┐ └ ┘`, `+---+`), or connects things with arrows (`A -> B`,
 * `[A] --> [B]`, `X → Y`, `<--HTTP-->`), or has arrow/pipe-only lines between steps (`↓`, `▼`, `|`, `v`),
 * or sits under a heading that names a diagram (`### Component Diagram`).
 * A tree of named parts (`├── ProfileCard (Display)`) is a diagram; a directory listing (`├── file.ts`
 * lines naming files) is not, nor JSON, nor pseudo-code whose arrows only start lines (`→ If not found`).
 */
import type { CodeBlock } from '../../markdown/types.js';

export const TEXT_LANGS = new Set(['', 'text', 'txt', 'ascii', 'asciiart', 'plain', 'plaintext', 'diagram', 'art', 'graph']);

const BOX = /[┌┐└┘╔╗╚╝╭╮╰╯]|\+-{2,}\+/;
const ARROW = /-{1,}>|<-{1,}|={1,}>|→|←|↔|⇒|⟶|─+>|──▶|▶|◀|►|◄|↑|↓|⬇|⬆|▼|▲/;
const ARROW_LINE = /^[\s│|↓↑⬇⬆▼▲v^:┃]+$/;
const TREE_LINE = /^[\s│|]*[├└`+][─-]{1,}\s*(\S.*)$/;
const FILE_NAME = /^[\w.@\-[\]()]+(?:\/[\w.@\-[\]()]*)*\/?(?:\s+(?:#|\/\/|<--).*)?$|^[\w.-]+\.[A-Za-z0-9]{1,6}\b/;

/** True when the block is a diagram drawn in text. `diagramHeading`: the block sits under a heading naming a diagram. */
export function isTextDiagram(block: CodeBlock, diagramHeading: boolean): boolean {
  if (!TEXT_LANGS.has(block.lang)) return false;
  const lines = block.code.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const first = lines[0]!.trim();
  if (/^[{[]\s*$|^\{\s*"|^\[\s*[{"]/.test(first)) return false;
  const tree = treeKind(lines);
  if (tree === 'files') return false;
  if (tree === 'other' || lines.some((l) => BOX.test(l))) return true;
  let connections = 0;
  let arrowLines = 0;
  let leading = 0;
  for (const l of lines) {
    if (ARROW_LINE.test(l) && /[↓↑⬇⬆▼▲v^|│]/.test(l)) arrowLines++;
    const m = ARROW.exec(l);
    if (!m) continue;
    const before = l.slice(0, m.index).trim() !== '';
    const after = l.slice(m.index + m[0].length).trim() !== '';
    if (before && after) connections++;
    else if (!before && after) leading++;
    else if (!before && !after) arrowLines++;
  }
  if (arrowLines > 0 || connections > leading) return true;
  return diagramHeading;
}

/** 'files' for a directory listing (tree lines naming mostly files or folders), 'other' for a drawn hierarchy. */
function treeKind(lines: string[]): 'files' | 'other' | null {
  let tree = 0;
  let files = 0;
  for (const l of lines) {
    const m = TREE_LINE.exec(l);
    if (!m) continue;
    tree++;
    if (FILE_NAME.test(m[1]!.trim()) && /[./]/.test(m[1]!)) files++;
  }
  if (tree === 0) return null;
  return files * 2 >= tree ? 'files' : 'other';
}
