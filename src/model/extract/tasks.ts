/**
 * Tasks: `### TASK-NNN:` headings (tasks-heading.ts) and checkbox task lists (tasks-list.ts:
 * spec-kit `T001`, Kiro `1.2`, JFB `Step 1`, id-less items under a tasks heading as `#n`).
 * Returned in document order. Checkbox items inside a TASK heading are that task's checklist.
 */
import { sections as allSections, within } from '../../markdown/walk.js';
import type { Section } from '../../markdown/types.js';
import type { Task } from '../schema.js';
import type { DocContext } from './context.js';
import { filePlanRows, isFilePlanTable, type FilePlanRow } from './file-plan-table.js';
import { headingTask, headingTasks } from './tasks-heading.js';
import { listTasks } from './tasks-list.js';

export function extractTasks(ctx: DocContext): Task[] {
  const all = [ctx.doc.root, ...allSections(ctx.doc.root)];
  const taskHeadings = new Set(all.filter((s) => s.level > 0 && headingTask(s.title)));
  const underTask = (s: Section) => {
    if (taskHeadings.size === 0) return false;
    for (let x: Section | null = s; x; x = x.parent) if (taskHeadings.has(x)) return true;
    return false;
  };
  const tasks = [
    ...headingTasks(ctx, [...taskHeadings], taskHeadings.size ? planRows(ctx, all) : []),
    ...listTasks(ctx, all, underTask),
  ];
  return tasks.sort((a, b) => a.source.line - b.source.line);
}

/** The document's File Plan table rows (with their `#`), for `(files 1-2)` references; only paths and numbers matter here. */
function planRows(ctx: DocContext, all: Section[]): FilePlanRow[] {
  const quiet: DocContext = { ...ctx, diagnostics: [] };
  const rows: FilePlanRow[] = [];
  for (const s of all) {
    for (const b of s.blocks) {
      if (b.kind === 'table' && (isFilePlanTable(b) || within(s, 'file-plan'))) rows.push(...filePlanRows(quiet, b, 'MODIFY'));
    }
  }
  return rows;
}
