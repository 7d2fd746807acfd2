import { lineOf, lineStarts } from '../util/text.js';
import type { MarkdownDoc } from './types.js';

const TEXTS = new WeakMap<readonly string[], string>();

/**
 * The document's lines joined by `\n`, made once per document: rules that look for rare words test the
 * whole text once and read line by line only when it holds one.
 */
export function docText(doc: MarkdownDoc): string {
  let t = TEXTS.get(doc.sourceLines);
  if (t === undefined) TEXTS.set(doc.sourceLines, (t = doc.sourceLines.join('\n')));
  return t;
}

const STARTS = new WeakMap<readonly string[], number[]>();

/** The 1-based line and column of an offset in `docText(doc)`. */
export function positionAt(doc: MarkdownDoc, offset: number): { line: number; column: number } {
  let starts = STARTS.get(doc.sourceLines);
  if (!starts) STARTS.set(doc.sourceLines, (starts = lineStarts(doc.sourceLines)));
  const i = lineOf(starts, offset);
  return { line: i + 1, column: offset - (starts[i] ?? 0) + 1 };
}
