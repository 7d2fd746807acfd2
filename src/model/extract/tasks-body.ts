/**
 * What a task's body says: its checkboxes, the files it touches and the files it reads.
 *
 * - `Read: CONVENTIONS.md#python-models, #pydantic` → reads `CONVENTIONS.md#python-models`,
 *   `CONVENTIONS.md#pydantic` (a bare `#anchor` continues the previous file); words that are not
 *   paths (`task 1 output files`) are skipped.
 * - `**Files**:` followed by `- Create: path` bullets (or `**Files**: \`a\`, \`b\``) → files.
 * - Otherwise every path written in the body (code spans, or slash paths with an extension) → files.
 */
import type { Block, Checkbox, ListItem } from '../../markdown/types.js';
import { lineLabels } from './file-plan-labels.js';
import { cleanPath, isPathLike, pathsIn, plainKeepCode, unique } from './file-plan-paths.js';

const READ_LINE = /^\s*(?:reads?|read first|reference|see)\s*:\s*(.+)$/i;
const ACTION_PREFIX = /^\s*(?:create|new|add|modify|update|edit|change|delete|remove)\s*:\s*/i;

export class TaskBody {
  checks: Checkbox[] = [];
  reads: string[] = [];
  private listed: string[] = [];
  private mentioned: string[] = [];

  /** One line of the body (raw Markdown). */
  line(raw: string): void {
    const labels = lineLabels(raw);
    const files = labels.find((l) => /^files?$/i.test(l.label));
    if (files) {
      this.listed.push(...pathsIn(files.value));
      return;
    }
    const read = raw.includes(':') ? READ_LINE.exec(plainKeepCode(raw)) : null; // the label's colon
    if (read) {
      this.reads.push(...parseReads(read[1]!));
      return;
    }
    this.mentioned.push(...pathsIn(raw));
  }

  /** The bullets of a `**Files**:` list. */
  listedItem(raw: string): void {
    this.listed.push(...pathsIn(raw.replace(ACTION_PREFIX, '')));
  }

  /** Files: those a File Plan reference or a Files list names, else every path the body mentions. */
  files(referenced: string[]): string[] {
    const named = unique([...referenced, ...this.listed]);
    return named.length ? named : unique(this.mentioned);
  }

  /** true when every checkbox is ticked, false when one is not, null without checkboxes. */
  done(): boolean | null {
    if (this.checks.length === 0) return null;
    return this.checks.every((c) => c === 'x');
  }

  /** Read a run of blocks; `onItem` may claim a list item (a sub-task) so that it is not read as body. */
  blocks(blocks: Block[], onItem?: (item: ListItem) => boolean): void {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.kind === 'paragraph') {
        const lines = b.text.split('\n');
        lines.forEach((l) => this.line(l));
        const next = blocks[i + 1];
        const last = lineLabels(lines[lines.length - 1] ?? '');
        if (next?.kind === 'list' && last.some((l) => /^files?$/i.test(l.label) && l.value === '')) {
          for (const item of next.items) this.listedItem(item.text);
          i++;
        }
      } else if (b.kind === 'list') {
        for (const item of b.items) if (!onItem?.(item)) this.item(item, onItem);
      } else if (b.kind === 'quote') this.blocks(b.children, onItem);
    }
  }

  /** A list item that belongs to the body (its checkbox counts, its text is read). */
  item(item: ListItem, onItem?: (item: ListItem) => boolean): void {
    if (item.checkbox) this.checks.push(item.checkbox);
    const first = item.text.split('\n')[0] ?? '';
    const isFiles = lineLabels(first).some((l) => /^files?$/i.test(l.label) && l.value === '');
    if (isFiles) {
      for (const c of item.children) if (c.kind === 'list') for (const it of c.items) this.listedItem(it.text);
      return;
    }
    item.text.split('\n').forEach((l) => this.line(l));
    this.blocks(item.children, onItem);
  }
}

/** `CONVENTIONS.md#python-models, #pydantic` → both anchors on CONVENTIONS.md; non-paths skipped. */
export function parseReads(value: string): string[] {
  const out: string[] = [];
  let file: string | null = null;
  for (const part of value.split(/\s*[,;]\s*|\s+and\s+/)) {
    const token = cleanPath(part.trim().split(/\s+/)[0] ?? '');
    if (!token) continue;
    if (token.startsWith('#') && token.length > 1) {
      if (file) out.push(file + token);
      continue;
    }
    if (!isPathLike(token)) continue;
    out.push(token);
    file = token.replace(/#.*$/, '');
  }
  return unique(out);
}
