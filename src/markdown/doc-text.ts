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
  if (!starts) {
    starts = new Array<number>(doc.sourceLines.length);
    let at = 0;
    doc.sourceLines.forEach((l, i) => {
      starts![i] = at;
      at += l.length + 1;
    });
    STARTS.set(doc.sourceLines, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
