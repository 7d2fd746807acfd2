import type { Cell, TableBlock, TableRow } from './types.js';

const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;

/**
 * Where a table row's text starts in its line: after the `quotes` block-quote markers every line of a
 * table in block quotes carries, after the list-item markers of the `items` list items that open on
 * this line (a table can be an item's first block), and after the whitespace around them.
 */
export function rowStart(line: string, quotes: number, items = 0): number {
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (quotes > 0 && line[i] === '>') {
      quotes--;
      i++;
      continue;
    }
    if (items > 0) {
      LIST_MARKER.lastIndex = i;
      if (LIST_MARKER.test(line)) {
        items--;
        i = LIST_MARKER.lastIndex;
        continue;
      }
    }
    return i;
  }
}

/**
 * Split one GFM table row into cells with their columns (1-based in `line`), reading from `from` (where
 * the row starts after its containers' markers: `rowStart`). Leading and trailing pipes are optional;
 * `\|` is an escaped pipe (kept as `|` in the cell text). Never throws.
 */
export function splitRow(line: string, from = 0): Cell[] {
  const cells: Cell[] = [];
  let i = from;
  const n = line.length;
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === '|') i++;
  let start = i;
  let escaped = false;
  const text = (end: number) => {
    const raw = line.slice(start, end);
    return escaped ? raw.replaceAll('\\|', '|') : raw;
  };
  const push = (end: number, t: string) => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: t.trim(), column: start + lead + 1 });
  };
  while (i < n) {
    const ch = line.charCodeAt(i);
    if (ch === 92 /* \ */ && line.charCodeAt(i + 1) === 124) {
      escaped = true;
      i += 2;
      continue;
    }
    if (ch === 124 /* | */) {
      push(i, text(i));
      i++;
      start = i;
      escaped = false;
      continue;
    }
    i++;
  }
  const last = text(n);
  if (last.trim() !== '' || cells.length === 0) push(n, last);
  return cells;
}

/** True for a delimiter row such as `|---|:--:|`. */
export function isDelimiterRow(line: string): boolean {
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c.text));
}

/**
 * Build a table block from its source lines; `first` is the 1-based line of the header row, `quotes`
 * the block quotes around the table and `items` the list items that open on the header's line.
 */
export function readTable(lines: readonly string[], first: number, last: number, quotes = 0, items = 0): TableBlock {
  const header = lines[first - 1] ?? '';
  const headerStart = rowStart(header, quotes, items);
  const row = (lineNo: number): TableRow => {
    const line = lines[lineNo - 1] ?? '';
    return { cells: splitRow(line, lineNo === first ? headerStart : quotes ? rowStart(line, quotes) : 0), line: lineNo };
  };
  const rows: TableRow[] = [];
  for (let l = first + 2; l <= last; l++) {
    if ((lines[l - 1] ?? '').trim() === '') break;
    rows.push(row(l));
  }
  return {
    kind: 'table',
    lead: header.slice(0, headerStart),
    header: row(first),
    delimiterLine: first + 1,
    rows,
    line: first,
    endLine: rows.length ? rows[rows.length - 1]!.line : first + 1,
  };
}
