import type { Cell, TableBlock, TableRow } from './types.js';

/**
 * Split one GFM table row into cells with their columns. Leading and trailing pipes are optional;
 * `\|` is an escaped pipe (kept as `|` in the cell text). Never throws.
 */
export function splitRow(line: string): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  // Blockquote or list markers are not part of a table row we split here.
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

/** Build a table block from its source lines; `first` is the 1-based line of the header row. */
export function readTable(lines: readonly string[], first: number, last: number): TableBlock {
  const row = (lineNo: number): TableRow => ({ cells: splitRow(lines[lineNo - 1] ?? ''), line: lineNo });
  const rows: TableRow[] = [];
  for (let l = first + 2; l <= last; l++) {
    if ((lines[l - 1] ?? '').trim() === '') break;
    rows.push(row(l));
  }
  return {
    kind: 'table',
    header: row(first),
    delimiterLine: first + 1,
    rows,
    line: first,
    endLine: rows.length ? rows[rows.length - 1]!.line : first + 1,
  };
}
