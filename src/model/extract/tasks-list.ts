/**
 * Checkbox tasks in lists.
 *
 * - spec-kit: `- [ ] T001 [P] [US1] Create model in src/models/x.py` → id `T001`, the `[P]`/`[USn]`
 *   markers dropped from the title, files = the paths in the text.
 * - Kiro: `- [ ] 1. Title`, `  - [x] 1.2 Sub title`, optional `- [ ]* 1.6 ...` → ids `1`, `1.2`, `1.6`.
 *   `_Requirements: 8.1_` lines are metadata, not files.
 * - JFB: `- [x] 🟩 **Step 1: Title**` → id `Step 1` (status emoji dropped).
 * - `- [ ] TASK-004: Title` → id `TASK-004`.
 * - Plain checkbox items with no id count only under a tasks heading (`## Tasks`, `## TODO`,
 *   `## Implementation Checklist`); they get the id `#n`, n = their 1-based ordinal among the
 *   document's id-less tasks (adding or removing an id'd task does not renumber them).
 *
 * A sub-item with its own id is a task of its own and does not count toward its parent; a sub-item
 * without an id is part of its parent's checklist. So a task is done when its own box and the boxes
 * of its id-less sub-items are all ticked: a Kiro parent `[x] 2.` with a child `[-] 2.1` is done.
 * `[-]` (in progress) and `[ ]` are not done.
 */
import { sectionWords } from '../../markdown/heading-key.js';
import type { Block, Checkbox, ListItem, Section } from '../../markdown/types.js';
import type { Task } from '../schema.js';
import { source, type DocContext } from './context.js';
import { plainKeepCode } from './file-plan-paths.js';
import { TaskBody } from './tasks-body.js';

const DECOR = /^(?:[\p{Extended_Pictographic}\u2B1C\u2B1B\u25A0-\u25FF]\uFE0F?\s*)+/u;
const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(T\d{2,}[a-z]?)\b\s*[:.\-–—]?\s*(.*)$/s, (m) => m[1]!],
  [/^(TASK[-_ ]?(?:\d+(?:\.\d+)*[a-z]?|X{2,}))\b\s*[:.\-–—]?\s*(.*)$/is, (m) => m[1]!],
  [/^((?:Step|Task)\s+\d+(?:\.\d+)*[a-z]?)\s*[:.\-–—]\s*(.*)$/is, (m) => m[1]!],
  [/^(\d+(?:\.\d+)*)(?:[.)]\s+|\s+)(\S.*)$/s, (m) => m[1]!],
];
const MARKERS = /^(?:\[(?:P\??|US\d+|Story|S\d+|[A-Z]{1,4}-?\d*)\]\s*)+/;
const TASKS_HEADING = /\b(?:tasks?|todos?|to do|work items|implementation checklist|action items|checklist de implementacion|tareas)\b|任务|任務/;
const NOT_TASKS = /\b(?:progress tracking|gate|gates|review|acceptance|quality checklist|requirements?)\b/;

/** The id and title of a checkbox item's text, or null when it has no id. */
export function listTaskId(raw: string): { id: string; title: string } | null {
  const text = plainKeepCode(raw.split('\n')[0] ?? '').replace(DECOR, '').trim();
  for (const [re, id] of PATTERNS) {
    const m = re.exec(text);
    if (m) return { id: id(m), title: m[2]!.replace(MARKERS, '').replace(/\*+$/, '').trim() };
  }
  return null;
}

/** Kiro's optional marker: `[ ]* 1.6 Title` (the parser sees no checkbox there). */
function checkboxOf(item: ListItem): { checkbox: Checkbox; text: string } {
  if (item.checkbox) return { checkbox: item.checkbox, text: item.text };
  const m = /^\[([ xX-])\]\*\s+/.exec(item.text);
  if (!m) return { checkbox: null, text: item.text };
  return { checkbox: m[1] === ' ' ? ' ' : m[1] === '-' ? '-' : 'x', text: item.text.slice(m[0].length) };
}

function plainScope(section: Section): boolean {
  for (let s: Section | null = section; s && s.level > 0; s = s.parent) {
    const words = sectionWords(s);
    if (NOT_TASKS.test(words) || s.key === 'requirements') return false;
    if (s.key === 'tasks' || TASKS_HEADING.test(words)) return true;
  }
  return false;
}

export function listTasks(ctx: DocContext, sections: Section[], skip: (s: Section) => boolean): Task[] {
  const out: Task[] = [];
  let plain = 0;
  const walk = (blocks: Block[], section: Section, allowPlain: boolean) => {
    for (const b of blocks) {
      if (b.kind === 'quote') walk(b.children, section, allowPlain);
      if (b.kind !== 'list') continue;
      for (const item of b.items) visit(item, section, allowPlain);
    }
  };
  const visit = (item: ListItem, section: Section, allowPlain: boolean) => {
    const { checkbox, text } = checkboxOf(item);
    const named = checkbox ? listTaskId(text) : null;
    if (!checkbox || (!named && !allowPlain)) {
      walk(item.children, section, allowPlain);
      return;
    }
    const id = named ? named.id : `#${++plain}`;
    const title = named ? named.title : plainKeepCode(text.split('\n')[0] ?? '').replace(DECOR, '').trim();
    const task: Task = { id, title, done: null, files: [], reads: [], source: source(ctx, item.line) };
    out.push(task);
    const body = new TaskBody();
    body.checks.push(checkbox);
    text.split('\n').forEach((l) => body.line(l));
    // Sub-items with an id are tasks of their own (visited after the parent, in document order).
    const subtasks: ListItem[] = [];
    body.blocks(item.children, (child) => {
      const c = checkboxOf(child);
      if (c.checkbox && listTaskId(c.text)) {
        subtasks.push(child);
        return true;
      }
      return false;
    });
    task.done = body.done();
    task.files = body.files([]);
    task.reads = body.reads;
    for (const sub of subtasks) visit(sub, section, false);
  };
  // Only lists hold checkbox tasks: a section without one (directly or in a quote) is not scoped at all.
  for (const s of sections) if (s.blocks.some((b) => b.kind === 'list' || b.kind === 'quote') && !skip(s)) walk(s.blocks, s, plainScope(s));
  return out;
}
