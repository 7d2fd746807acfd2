/**
 * The document as one flat stream in reading order: headings, paragraphs, list items (with
 * their nesting depth), code blocks and tables. Endpoint recognizers walk this stream.
 */
import { plainText } from '../../../markdown/inline.js';
import type { Block, CodeBlock, ListItem, MarkdownDoc, TableBlock } from '../../../markdown/types.js';

export type Event =
  | { kind: 'heading'; level: number; raw: string; title: string; line: number }
  | { kind: 'paragraph'; text: string; line: number; depth: number }
  | { kind: 'item'; item: ListItem; text: string; line: number; depth: number }
  | { kind: 'code'; block: CodeBlock; depth: number }
  | { kind: 'table'; block: TableBlock; depth: number }
  | { kind: 'break'; line: number };

export function events(doc: MarkdownDoc): Event[] {
  const out: Event[] = [];
  for (const b of doc.blocks) walk(b, -1, out);
  return out;
}

function walk(b: Block, depth: number, out: Event[]): void {
  switch (b.kind) {
    case 'heading':
      out.push({ kind: 'heading', level: b.level, raw: b.text, title: plainText(b.text), line: b.line });
      break;
    case 'paragraph':
      out.push({ kind: 'paragraph', text: b.text, line: b.line, depth });
      break;
    case 'code':
      out.push({ kind: 'code', block: b, depth });
      break;
    case 'table':
      out.push({ kind: 'table', block: b, depth });
      break;
    case 'quote':
      for (const c of b.children) walk(c, depth, out);
      break;
    case 'list':
      for (const item of b.items) {
        out.push({ kind: 'item', item, text: item.text, line: item.line, depth: depth + 1 });
        for (const c of item.children) walk(c, depth + 1, out);
      }
      break;
    case 'hr':
      out.push({ kind: 'break', line: b.line });
      break;
    case 'html':
      break;
  }
}

/** The lines of a paragraph or list item text with their file lines. */
export function textLines(text: string, line: number): { text: string; line: number }[] {
  return text.split('\n').map((t, i) => ({ text: t, line: line + i }));
}

const EVENT_LINES = new WeakMap<Event, { text: string; line: number }[]>();

/** textLines of a paragraph or item event, computed once for the readers that share the event stream; never mutate. */
export function eventLines(e: Extract<Event, { kind: 'paragraph' | 'item' }>): readonly { text: string; line: number }[] {
  let lines = EVENT_LINES.get(e);
  if (!lines) EVENT_LINES.set(e, (lines = textLines(e.text, e.line)));
  return lines;
}
