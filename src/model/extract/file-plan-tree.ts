/**
 * Directory listings in code blocks under a file plan heading:
 *
 *     src/code_forge/tools/task/          mcp-server/
 *         __init__.py   # Module init      ├── package.json
 *         task.py       # TaskTool          └── src/
 *                                               └── index.ts   # Entry point
 *
 * Folders nest by the column of their name; files become full paths with the `#` comment as description.
 */
import type { CodeBlock } from '../../markdown/types.js';

export interface TreeFile { path: string; description: string | null; line: number }

const NAME = /^[\w.@\-[\]()]+(?:\/[\w.@\-[\]()]+)*\/?$/;
const TREE_LANGS = new Set(['', 'text', 'txt', 'plaintext', 'plain', 'tree', 'files', 'sh', 'bash', 'shell']);

interface Entry { column: number; name: string; comment: string | null; line: number }

function readLine(text: string, line: number): Entry | null | 'skip' {
  if (!text.trim() || /^\s*(?:#|\/\/)/.test(text)) return 'skip';
  const m = /^([\s│├└─|`+*-]*)(.*)$/.exec(text)!;
  let rest = m[2]!;
  let comment: string | null = null;
  const c = /\s+(?:#|\/\/|<--|←)\s*(.*)$/.exec(rest);
  if (c) {
    comment = c[1]!.trim() || null;
    rest = rest.slice(0, c.index);
  }
  const name = rest.trim().replace(/\s+\((?:new|updated?|modified|optional|existing)\)$/i, '');
  if (!NAME.test(name)) return null;
  return { column: m[1]!.length, name, comment, line };
}

/** The files of a directory listing block, or [] when the block is not a listing. */
export function treeFiles(block: CodeBlock): TreeFile[] {
  if (!TREE_LANGS.has(block.lang)) return [];
  const lines = block.code.replace(/\n$/, '').split('\n');
  const entries: Entry[] = [];
  let bad = 0;
  lines.forEach((text, i) => {
    const e = readLine(text, block.fenced ? block.line + 1 + i : block.line + i);
    if (e === 'skip') return;
    if (e === null) bad++;
    else entries.push(e);
  });
  if (entries.length === 0 || bad * 3 > entries.length) return [];
  const stack: { column: number; path: string }[] = [];
  const out: TreeFile[] = [];
  for (const e of entries) {
    while (stack.length && stack[stack.length - 1]!.column >= e.column) stack.pop();
    const parent = stack[stack.length - 1]?.path ?? '';
    const path = parent + e.name.replace(/^\/+/, '');
    if (path.endsWith('/')) stack.push({ column: e.column, path });
    else out.push({ path, description: e.comment, line: e.line });
  }
  return out;
}
