/**
 * Path and action vocabulary shared by the file plan and the task extractors.
 * A "path" is a repository-relative file or folder as written (`src/models/[resource].py`,
 * `backend/internal/kube/exec/`, `.env`), never a URL, an HTTP route or a command.
 */
import { codeSpans, plainText } from '../../markdown/inline.js';

export type FileAction = 'CREATE' | 'MODIFY' | 'DELETE';

/** File extensions that make a slash-less token (`README.md`) a path. */
const KNOWN_EXT = new Set([
  'md', 'mdx', 'txt', 'rst', 'py', 'pyi', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json', 'jsonc', 'yaml', 'yml',
  'toml', 'ini', 'cfg', 'conf', 'env', 'sql', 'go', 'rs', 'java', 'kt', 'kts', 'swift', 'rb', 'php', 'cs', 'c', 'h',
  'cc', 'cpp', 'hpp', 'm', 'mm', 'css', 'scss', 'sass', 'less', 'html', 'htm', 'vue', 'svelte', 'astro', 'sh', 'bash',
  'zsh', 'ps1', 'bat', 'ipynb', 'png', 'jpg', 'jpeg', 'svg', 'gif', 'webp', 'ico', 'lock', 'xml', 'proto', 'graphql',
  'gql', 'prisma', 'tf', 'hcl', 'dart', 'ex', 'exs', 'erl', 'scala', 'lua', 'r', 'jl', 'csv', 'tsv', 'pdf', 'gradle',
  'dockerfile', 'mod', 'sum', 'csproj', 'sln', 'xaml', 'plist', 'storyboard', 'template', 'example', 'sample',
]);

const ACTION_WORDS: [RegExp, FileAction][] = [
  [/^(?:create[ds]?|creating|new|nuevos?|nuevas?|creados?|add(?:ed|s)?|added)$/i, 'CREATE'],
  [/^(?:modif(?:y|ied|ies)|update[ds]?|updating|edit(?:ed|s)?|change[ds]?|modificados?|modificadas?|actualizados?)$/i, 'MODIFY'],
  [/^(?:delete[ds]?|deleting|remove[ds]?|removing|eliminados?|eliminadas?|borrados?)$/i, 'DELETE'],
];

/** `CREATE`/`new`/`Add` → CREATE, `Update`/`edit` → MODIFY, `remove` → DELETE; null when unknown. */
export function normalizeAction(raw: string): FileAction | null {
  const word = plainText(raw).trim().replace(/[:.!]+$/, '');
  for (const [re, action] of ACTION_WORDS) if (re.test(word)) return action;
  return null;
}

/** The single action named by a heading's words (`files to create`, `nuevos archivos`), or null (none or several). */
export function actionOfWords(words: string): FileAction | null {
  const found = new Set<FileAction>();
  for (const w of words.split(/\s+/)) {
    const a = normalizeAction(w);
    if (a) found.add(a);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** True when a token is a repository path (with a slash, a known extension, or a dotfile). */
export function isPathLike(token: string): boolean {
  const t = token.trim();
  if (!t || t.length > 300 || /\s/.test(t)) return false;
  if (/:\/\/|^[a-z]+:|@|[{}<>*?=$|;,"'`]/i.test(t)) return false;
  if (/^\.{1,2}\/?$/.test(t) || /^[-–—./#]+$/.test(t)) return false;
  const bare = t.replace(/#.*$/, '');
  if (!bare) return false;
  const hasSlash = /[^/]\/|\/[^/]/.test(bare);
  if (/[()]/.test(bare) && !hasSlash) return false;
  const ext = /\.([A-Za-z][A-Za-z0-9]{0,11})$/.exec(bare)?.[1]?.toLowerCase();
  if (bare.startsWith('/')) return ext !== undefined && KNOWN_EXT.has(ext);
  if (hasSlash) return /[A-Za-z0-9_\]]/.test(bare);
  if (/^\.[A-Za-z0-9_][\w.-]*$/.test(bare)) return true;
  return ext !== undefined && KNOWN_EXT.has(ext) && /^[\w.\-[\]]+$/.test(bare) && /[A-Za-z_\]]/.test(bare.slice(0, -ext.length - 1));
}

/** Strip backticks, quotes, emphasis and trailing punctuation from a path as written. */
export function cleanPath(raw: string): string {
  let t = raw.trim().replace(/^[`'"]+|[`'"]+$/g, '').trim();
  const bold = /^(\*\*|__|\*)(.+)\1$/.exec(t);
  if (bold) t = bold[2]!.replace(/^`+|`+$/g, '').trim();
  return t.replace(/[.,;:]+$/, '');
}

/** plainText keeps code spans verbatim (`__init__.py` stays `__init__.py`); kept as a name for the extractors. */
export const plainKeepCode = plainText;

/** Paths written in code spans of a raw Markdown text, in order. */
export function codeSpanPaths(raw: string): string[] {
  return codeSpans(raw).map(cleanPath).filter(isPathLike);
}

/** Paths written as plain words (outside code spans): only slash paths with a known extension. */
export function barePaths(raw: string): string[] {
  if (!raw.includes('/')) return []; // only slash paths count
  const text = plainText(raw.replace(/(`+)[^`]*?\1/g, ' '));
  const out: string[] = [];
  for (const word of text.split(/\s+/)) {
    const t = cleanPath(word.replace(/^[([{]+|[)\]},.;:!?]+$/g, ''));
    if (!/\//.test(t) || !isPathLike(t)) continue;
    const ext = /\.([A-Za-z][A-Za-z0-9]*)$/.exec(t)?.[1]?.toLowerCase();
    if (ext && KNOWN_EXT.has(ext)) out.push(t);
  }
  return out;
}

/** Every path of a raw text: code spans first, then bare paths; deduplicated, in order. */
export function pathsIn(raw: string): string[] {
  return unique([...codeSpanPaths(raw), ...barePaths(raw)]);
}

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** `a.ts → b.ts` / `a.ts -> b.ts` (a rename), as the two paths; null when the text is not a rename. */
export function renamePair(raw: string): [string, string] | null {
  const m = /^(.*?)\s*(?:→|->|=>|⇒)\s*(.*)$/.exec(raw);
  if (!m) return null;
  const from = firstPath(m[1]!);
  const to = firstPath(m[2]!);
  return from && to ? [from, to] : null;
}

/** The first path of a raw text: a code span path, else a leading path-like word. */
export function firstPath(raw: string): string | null {
  const span = codeSpanPaths(raw)[0];
  if (span) return span;
  const word = plainText(raw).split(/\s+/)[0] ?? '';
  const t = cleanPath(word);
  return isPathLike(t) ? t : null;
}
