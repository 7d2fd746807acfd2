/**
 * File plan: which files the feature creates, modifies or deletes.
 *
 * Recognized forms (all give entries at the line where the path is written):
 * - a table with a File/Path column and an Action/Change/Operation column, anywhere; or any table with
 *   a File/Path column under a file plan heading (the heading then gives the action);
 * - headings naming files and one action (`## Files to CREATE`, `### File to Modify`, `### Nuevos Archivos`,
 *   `### New Test Files`) with path bullets, path paragraphs, directory listings in code blocks, and
 *   sub-headings that are paths (`### 2. \`src/main.ts\``); the action is inherited by sub-headings;
 * - action headings anywhere: `### New: \`shared/src/gig.types.ts\``, `### Update: \`x.ts\``;
 * - `**Files**:` labels followed by `- Create: path` / `- Modify: path` / `- Delete: path` bullets.
 * A rename (`a.ts → b.ts`) is DELETE a + CREATE b. Actions normalize to CREATE / MODIFY / DELETE.
 * Project structure trees (`## Project Structure`) state no action and are not a file plan.
 * Entries are deduplicated by path and action (first wins) and returned in document order.
 */
import { sectionWords } from '../../markdown/heading-key.js';
import { plainText } from '../../markdown/inline.js';
import { within } from '../../markdown/walk.js';
import type { Block, ListItem, Section } from '../../markdown/types.js';
import type { FilePlanEntry } from '../schema.js';
import { source, type DocContext } from './context.js';
import { documentLabels } from './file-plan-labels.js';
import { actionOfWords, cleanPath, firstPath, isPathLike, normalizeAction, renamePair, type FileAction } from './file-plan-paths.js';
import { filePlanRows, isFilePlanTable } from './file-plan-table.js';
import { treeFiles } from './file-plan-tree.js';

const FILE_WORDS = /\b(?:files?|archivos?|ficheros?|arquivos?)\b|文件|檔案/;
const ACTION_HEADING = /^(?:\d+[.)]\s*)?(new|create|add|update|modify|edit|delete|remove)\s*[:\-–—]\s*(.+)$/i;
const LEADING_ACTION = /^\s*([A-Za-z]+)\s*:\s*(.+)$/s;

export function extractFilePlan(ctx: DocContext): FilePlanEntry[] {
  const out: FilePlanEntry[] = [];
  const add = (path: string, action: FileAction, description: string | null, line: number) =>
    out.push({ path, action, description, source: source(ctx, line) });
  const headings = rawHeadings(ctx);
  /** One section's entries; `scope` is what its enclosing headings (itself included) say. */
  const visit = (s: Section, scope: Scope, isRoot: boolean) => {
    const scoped = !isRoot && scope.files && !scope.structure;
    const action = scoped ? scope.action : null;
    for (const b of s.blocks) {
      // A File/Path table without actions is a plan only where a heading says so (`Files to CREATE`, `File Plan`).
      if (b.kind === 'table' && (isFilePlanTable(b) || scoped && (action || within(s, 'file-plan')))) {
        for (const r of filePlanRows(ctx, b, action)) add(r.path, r.action, r.description, r.source.line);
      }
    }
    if (isRoot) return;
    const raw = headings.get(s.line) ?? s.title;
    const explicit = /[:\-–—]/.test(raw) ? ACTION_HEADING.exec(plainText(raw).trim()) : null;
    if (explicit && !scoped) {
      const a = normalizeAction(explicit[1]!);
      const p = firstPath(raw.slice(raw.search(/[:\-–—]/) + 1));
      if (a && p) add(p, a, null, s.line);
      return;
    }
    if (!scoped) return;
    const own = headingPath(raw);
    if (!action && !own?.rename || underPathHeading(s, headings)) return;
    if (own && !own.path.endsWith('/')) {
      if (own.rename) {
        add(own.rename[0], 'DELETE', null, s.line);
        add(own.rename[1], 'CREATE', null, s.line);
      } else if (action) add(own.path, action, null, s.line);
      return;
    }
    if (action) scanBlocks(s.blocks, action, add);
  };
  const walk = (s: Section, parent: Scope) => {
    const scope = scopeOf(s, parent);
    visit(s, scope, false);
    for (const c of s.children) walk(c, scope);
  };
  visit(ctx.doc.root, NO_SCOPE, true);
  for (const c of ctx.doc.root.children) walk(c, NO_SCOPE);
  for (const hit of documentLabels(ctx.doc.root)) {
    if (!/^files?$/i.test(hit.label) || !hit.list) continue;
    for (const item of hit.list.items) {
      const m = LEADING_ACTION.exec(item.text);
      const a = m ? normalizeAction(m[1]!) : null;
      if (m && a) listEntry(m[2]!, a, item.line, add);
    }
  }
  return dedupe(out);
}

type Add = (path: string, action: FileAction, description: string | null, line: number) => void;

function scanBlocks(blocks: Block[], action: FileAction, add: Add): void {
  for (const b of blocks) {
    if (b.kind === 'list') for (const item of b.items) scanItem(item, action, add);
    else if (b.kind === 'paragraph') {
      b.text.split('\n').forEach((line, i) => {
        if (/^\s*(?:[A-Za-z]+\s*:\s*)?`/.test(line)) listEntry(line, action, b.line + i, add, true);
      });
    } else if (b.kind === 'code') {
      for (const f of treeFiles(b)) add(f.path, action, f.description, f.line);
    } else if (b.kind === 'quote') scanBlocks(b.children, action, add);
  }
}

function scanItem(item: ListItem, action: FileAction, add: Add): void {
  listEntry(item.text, action, item.line, add);
  scanBlocks(item.children, action, add);
}

/** One bullet or line: `Create: \`path\` - description`, `path (note)`, `a.ts → b.ts`. */
function listEntry(raw: string, action: FileAction, line: number, add: Add, strict = false): void {
  let text = raw.split('\n')[0] ?? '';
  let a = action;
  const m = LEADING_ACTION.exec(text);
  if (m && normalizeAction(m[1]!)) {
    a = normalizeAction(m[1]!)!;
    text = m[2]!;
  }
  const rename = renamePair(text);
  if (rename) {
    add(rename[0], 'DELETE', null, line);
    add(rename[1], 'CREATE', null, line);
    return;
  }
  const path = firstPath(text);
  if (!path) return;
  const plain = plainText(text);
  const at = plain.indexOf(path);
  if (strict && at > 0) return;
  add(path, a, at < 0 ? null : describe(plain.slice(at + path.length)), line);
}

function describe(rest: string): string | null {
  let d = rest.trim().replace(/^[-–—:,]\s*/, '').trim();
  if (/^\(.*\)$/.test(d)) d = d.slice(1, -1).trim();
  return d || null;
}

/** What a section's headings, from the top down to it, say about files. */
interface Scope {
  /** Under a project-structure heading: a tree of the project, not a plan. */
  structure: boolean;
  /** Under a file plan heading or one that names files. */
  files: boolean;
  /** The action named by the nearest heading that names exactly one. */
  action: FileAction | null;
}

const NO_SCOPE: Scope = { structure: false, files: false, action: null };

function scopeOf(s: Section, parent: Scope): Scope {
  const words = sectionWords(s);
  return {
    structure: parent.structure || s.key === 'file-structure',
    files: parent.files || s.key === 'file-plan' || FILE_WORDS.test(words),
    action: actionOfWords(words) ?? parent.action,
  };
}

/** A heading that is itself a path (`1. \`a.ts\` → \`b.ts\``, `\`src/main.ts\``, `MCP Server (\`mcp-server/\`)`). */
function headingPath(raw: string): { path: string; rename: [string, string] | null } | null {
  const text = raw.replace(/^\s*\d+[.)]\s*/, '');
  const rename = renamePair(text);
  if (rename) return { path: rename[1], rename };
  const p = firstPath(text);
  if (p) return { path: p, rename: null };
  const t = cleanPath(plainText(text));
  return isPathLike(t) ? { path: t, rename: null } : null;
}

/** True when an ancestor heading is a file path: its body details that file, it lists no other files. */
function underPathHeading(s: Section, headings: Map<number, string>): boolean {
  for (let x = s.parent; x && x.level > 0; x = x.parent) {
    const p = headingPath(headings.get(x.line) ?? x.title);
    if (p && !p.path.endsWith('/')) return true;
  }
  return false;
}

function rawHeadings(ctx: DocContext): Map<number, string> {
  const m = new Map<number, string>();
  for (const b of ctx.doc.blocks) if (b.kind === 'heading') m.set(b.line, b.text);
  return m;
}

/** One entry per path and action: the first written wins, a later description fills a missing one. */
function dedupe(entries: FilePlanEntry[]): FilePlanEntry[] {
  const seen = new Map<string, FilePlanEntry>();
  const out: FilePlanEntry[] = [];
  for (const e of [...entries].sort((a, b) => a.source.line - b.source.line)) {
    const k = `${e.action} ${e.path}`;
    const first = seen.get(k);
    if (first) first.description ??= e.description;
    else {
      seen.set(k, e);
      out.push(e);
    }
  }
  return out;
}
