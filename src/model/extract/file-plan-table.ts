/**
 * File Plan tables: `| # | File | Action | Description |` with columns in any order and under other
 * names (File/Path, Action/Change/Operation, Description/Purpose/Notes/Reason). Rows keep their `#`
 * so that tasks can refer to them (`(files 1-2)`).
 */
import { diagnostic } from '../../diagnostic.js';
import { plainText } from '../../markdown/inline.js';
import type { TableBlock } from '../../markdown/types.js';
import { source, type DocContext } from './context.js';
import { cleanPath, firstPath, isPathLike, normalizeAction, renamePair, type FileAction } from './file-plan-paths.js';
import type { FilePlanEntry } from '../schema.js';

export interface FilePlanRow extends FilePlanEntry {
  /** The row's `#` cell as written ("3"), or its 1-based position when the table has no `#` column. */
  number: string;
}

const PATH_COL = /^(?:files?|paths?|file ?paths?|file ?names?|filenames?|location)$/;
const ACTION_COL = /^(?:actions?|changes?|change type|operations?|op|kind|type of change)$/;
const DESC_COL = /^(?:descriptions?|purpose|notes?|reasons?|details?|summary|what|why|responsibilit(?:y|ies)|changes? summary)$/;
const NUM_COL = /^(?:#|no\.?|nr\.?|n|№|num|number|id|step)$/;

interface Columns { path: number; action: number; desc: number; num: number }

function columns(table: TableBlock): Columns {
  const names = table.header.cells.map((c) => plainText(c.text).toLowerCase().trim());
  const find = (re: RegExp) => names.findIndex((n) => re.test(n));
  return { path: find(PATH_COL), action: find(ACTION_COL), desc: find(DESC_COL), num: find(NUM_COL) };
}

/** True when the table is a file plan by its columns alone (a path column and an action column). */
export function isFilePlanTable(table: TableBlock): boolean {
  const c = columns(table);
  return c.path >= 0 && c.action >= 0;
}

/**
 * Rows of a file plan table. `fallback` is the action a heading states (`## Files to DELETE`) for
 * tables without an action column. A rename cell (`a.ts → b.ts`) gives DELETE a + CREATE b.
 */
export function filePlanRows(ctx: DocContext, table: TableBlock, fallback: FileAction | null): FilePlanRow[] {
  const c = columns(table);
  if (c.path < 0) return [];
  const out: FilePlanRow[] = [];
  table.rows.forEach((row, i) => {
    const cell = (k: number) => (k >= 0 ? row.cells[k]?.text ?? '' : '');
    const rawPath = cell(c.path);
    const number = c.num >= 0 ? plainText(cell(c.num)) : String(i + 1);
    const desc = plainText(cell(c.desc)) || null;
    const at = source(ctx, row.line);
    const actionText = cell(c.action);
    const action = actionText ? normalizeAction(actionText) : fallback;
    const rename = renamePair(rawPath);
    if (rename && (action === null || action === 'MODIFY' || /^(?:rename|move)/i.test(plainText(actionText)))) {
      out.push({ path: rename[0], action: 'DELETE', description: desc, source: at, number });
      out.push({ path: rename[1], action: 'CREATE', description: desc, source: at, number });
      return;
    }
    const path = firstPath(rawPath) ?? cleanPath(plainText(rawPath));
    if (!path || !isPathLike(path)) return;
    if (!action) {
      const what = actionText ? `action "${plainText(actionText)}"` : 'no action';
      ctx.diagnostics.push(diagnostic('file-plan-action', 'warning',
        `file plan row for ${path} has ${what}; expected CREATE, MODIFY or DELETE`, ctx.path, row.line,
        c.action >= 0 ? row.cells[c.action]?.column ?? 1 : 1));
      return;
    }
    out.push({ path, action, description: desc, source: at, number });
  });
  return out;
}
