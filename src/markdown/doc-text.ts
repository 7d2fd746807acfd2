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
