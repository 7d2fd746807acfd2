/**
 * Heading tasks: `### TASK-001: Title (files 1-2)`, `### TASK-XXX: Repository (file 3)`, `### Task 4 - Title`.
 * The id is kept as written (placeholders such as `TASK-XXX` included). `(files 1-2)` / `(file 3)` /
 * `(files 1, 3-4)` name rows of the document's File Plan table by its `#` column; a reference to a
 * row that does not exist is reported (`task-file-ref`). The body is everything under the heading.
 */
import { diagnostic } from '../../diagnostic.js';
import { sectionBlocks } from '../../markdown/walk.js';
import type { Section } from '../../markdown/types.js';
import type { Task } from '../schema.js';
import { source, type DocContext } from './context.js';
import type { FilePlanRow } from './file-plan-table.js';
import { plainKeepCode } from './file-plan-paths.js';
import { TaskBody } from './tasks-body.js';

const HEADING_ID = /^(?:\p{Extended_Pictographic}\uFE0F?\s*)*((?:TASK|Task)[-_ ]?(?:\d+(?:\.\d+)*[a-z]?|X{2,}|N{2,}|#+))\s*(?:[:.\-–—]\s*|\s+|$)(.*)$/u;
const FILE_REF = /\s*\((files?)\s+([\d\s,\-–&]+(?:and\s+\d+)?)\)\s*/i;

/** The task id and title of a heading, or null when the heading is not a task. */
export function headingTask(title: string): { id: string; title: string; refs: string[] } | null {
  const m = HEADING_ID.exec(plainKeepCode(title).trim());
  if (!m) return null;
  let rest = m[2]!.trim();
  const ref = FILE_REF.exec(rest);
  const refs = ref ? expandRefs(ref[2]!) : [];
  if (ref) rest = (rest.slice(0, ref.index) + ' ' + rest.slice(ref.index + ref[0].length)).trim();
  return { id: m[1]!, title: rest.replace(/\s+/g, ' '), refs };
}

/** `1-2` → 1, 2; `1, 3-4` → 1, 3, 4; `5 and 6` → 5, 6. */
export function expandRefs(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/\s*(?:,|&|\band\b)\s*/)) {
    const r = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part.trim());
    if (r) {
      const [a, b] = [Number(r[1]), Number(r[2])];
      if (b >= a && b - a < 200) for (let i = a; i <= b; i++) out.push(String(i));
    } else if (/^\d+$/.test(part.trim())) out.push(part.trim());
  }
  return out;
}

export function headingTasks(ctx: DocContext, sections: Section[], plan: FilePlanRow[]): Task[] {
  const out: Task[] = [];
  const raw = new Map<number, string>();
  for (const b of ctx.doc.blocks) if (b.kind === 'heading') raw.set(b.line, b.text);
  for (const s of sections) {
    const t = headingTask(raw.get(s.line) ?? s.title);
    if (!t) continue;
    const referenced: string[] = [];
    for (const n of t.refs) {
      const rows = plan.filter((r) => r.number === n);
      if (rows.length === 0) {
        ctx.diagnostics.push(diagnostic('task-file-ref', 'warning',
          `${t.id} refers to file ${n} but the File Plan table has no row ${n}`, ctx.path, s.line));
      }
      for (const r of rows) referenced.push(r.path);
    }
    const body = new TaskBody();
    body.blocks([...sectionBlocks(s)].map((x) => x.block));
    out.push({ id: t.id, title: t.title, done: body.done(), files: body.files(referenced), reads: body.reads, source: source(ctx, s.line) });
  }
  return out;
}
