/**
 * Configuration variables: `NAME=value` lines of env blocks (```env anywhere; any code block under a
 * configuration section), env-var tables (`| Variable | Required | Description |`) and bullets under
 * configuration sections (`` - `NAME` - description ``, `- **NAME**: description`, `- NAME=value - description`).
 * One variable per name and document: the first mention wins, later ones fill a missing value or description.
 */
import { sectionWords } from '../../markdown/heading-key.js';
import { plainText } from '../../markdown/inline.js';
import type { CodeBlock, Section, TableBlock } from '../../markdown/types.js';
import { codeBlocks, listItems, tables } from '../../markdown/walk.js';
import type { ConfigVar } from '../schema.js';
import { source, type DocContext } from './context.js';

interface Found {
  name: string;
  value: string | null;
  description: string | null;
  line: number;
}

/** Upper snake case names, or a `[VAR_NAME]` template placeholder (kept for the linter to flag). */
const NAME = String.raw`(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|\[[A-Z][A-Z0-9_]*\])`;
const WHOLE_NAME = new RegExp(`^${NAME}$`);
const isName = (s: string) => WHOLE_NAME.test(s) && s.replace(/[[\]]/g, '').length >= 2;
const CONFIG_WORDS = /\b(config\w*|configur\w*|env|envs|environment|environments|entorno|settings|env vars?)\b/;

/** True under a configuration section: key `configuration` or a heading (below the title) naming environment/config. */
export function inConfigSection(section: Section | null): boolean {
  for (let s = section; s && s.level > 1; s = s.parent) if (s.key === 'configuration' || CONFIG_WORDS.test(sectionWords(s))) return true;
  return false;
}

const ENV_LANGS = new Set(['env', 'dotenv', '.env']);
const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'powershell', 'ps1', 'cmd', 'bat']);
/** Languages where `NAME: value` is a setting too. */
const KEY_VALUE_LANGS = new Set(['', 'yaml', 'yml', 'env', 'dotenv', '.env', 'ini', 'properties', 'conf', 'cfg', 'text', 'txt', 'plaintext']);

function unquote(v: string): string {
  const m = /^(["'`])([\s\S]*)\1$/.exec(v);
  return m ? m[2]! : v;
}

/** Split `value # comment` (unquoted values only; the comment marker needs a space before it). */
function valueAndComment(rest: string, shell: boolean): { value: string | null; comment: string | null } {
  let text = rest.trim();
  let comment: string | null = null;
  const quoted = /^(["'`])(?:\\.|(?!\1).)*\1/.exec(text);
  const after = quoted ? text.slice(quoted[0].length) : text;
  const c = /(?:^|\s)(?:#|\/\/)\s?(.*)$/.exec(after);
  if (c) {
    comment = c[1]!.trim() || null;
    text = (quoted ? quoted[0] : '') + after.slice(0, c.index);
  }
  text = text.trim();
  if (shell && !quoted) text = text.split(/\s+/)[0] ?? '';
  else if (quoted) text = quoted[0];
  const value = unquote(text.replace(/[;,]$/, '').trim());
  return { value: value === '' ? null : value, comment };
}

const COMMENT = /^\s*(?:#|\/\/|;|--)\s?(.*)$/;

function fromCode(block: CodeBlock, inConfig: boolean): Found[] {
  const out: Found[] = [];
  const shell = SHELL_LANGS.has(block.lang);
  const keyValue = KEY_VALUE_LANGS.has(block.lang);
  const assign = new RegExp(`^\\s*(?:-\\s+)?(?:export\\s+|set\\s+)?(${NAME})=(.*)$`);
  const colon = new RegExp(`^\\s*(?:-\\s+)?(${NAME}):\\s+(\\S.*)$`);
  const lines = block.code.replace(/\n$/, '').split('\n');
  const first = block.line + (block.fenced ? 1 : 0);
  const isAssignment = (l: string | undefined) => l !== undefined && (assign.test(l) || (inConfig && keyValue && colon.test(l)));
  lines.forEach((line, i) => {
    const m = assign.exec(line) ?? (inConfig && keyValue ? colon.exec(line) : null);
    if (!m || !isName(m[1]!)) return;
    const { value, comment } = valueAndComment(m[2] ?? '', shell);
    let description = comment;
    const above = COMMENT.exec(lines[i - 1] ?? '');
    // A comment above a run of several assignments heads the group; it describes only a lone variable.
    if (!description && above && !isAssignment(lines[i + 1])) description = above[1]!.trim() || null;
    out.push({ name: m[1]!, value, description, line: first + i });
  });
  return out;
}

const cellIndex = (cols: string[], re: RegExp) => cols.findIndex((c) => re.test(c));

function fromTable(t: TableBlock, inConfig: boolean): Found[] {
  const cols = t.header.cells.map((c) => plainText(c.text).toLowerCase());
  const envHeader = /^(variable|variables|env|env var|env variable|environment variable|environment variables|env name)$/;
  const name = cellIndex(cols, inConfig ? /^(variable|variables|name|env|env var|env variable|environment variable|environment variables|key|setting|var|env name)$/ : envHeader);
  if (name < 0) return [];
  const valueCols = [/^value$/, /^(default|default value)$/, /^(example|example value|sample)$/].map((re) => cellIndex(cols, re));
  const desc = cellIndex(cols, /^(description|purpose|notes?|meaning|usage|details)$/);
  const out: Found[] = [];
  for (const row of t.rows) {
    const cell = (i: number) => (i < 0 ? '' : plainText(row.cells[i]?.text ?? ''));
    const n = cell(name).replace(/^\$/, '');
    if (!isName(n)) continue;
    const description = cell(desc) || null;
    const given = valueCols.map(cell).find((v) => v !== '' && v !== '-' && v !== '—');
    const prose = description ? /\(default:?\s*([^)]+)\)/i.exec(description)?.[1]?.trim() : undefined;
    out.push({ name: n, value: given ?? prose ?? null, description, line: row.line });
  }
  return out;
}

const BULLETS = [
  // `NAME` / `NAME=value`, then an optional (note) and a description
  new RegExp(`^\`(${NAME})(?:=([^\`]*))?\`\\s*(?:\\([^)]*\\))?\\s*(?:(?::|-|–|—)\\s*([\\s\\S]*))?$`),
  // **NAME**: description, **NAME:** description
  new RegExp(`^\\*\\*(${NAME}):?\\*\\*()\\s*(?::|-|–|—)?\\s*([\\s\\S]*)$`),
  // NAME=value - description
  new RegExp(`^(${NAME})=(\\S*)\\s*(?:(?::|-|–|—)\\s*([\\s\\S]*))?$`),
];

function fromBullet(raw: string, line: number): Found | null {
  const text = raw.trim();
  for (const [k, re] of BULLETS.entries()) {
    const m = re.exec(text);
    if (!m || !isName(m[1]!)) continue;
    if (k > 0 && !m[1]!.includes('_') && !m[1]!.startsWith('[')) continue;
    const value = m[2] ? unquote(m[2].trim()) : '';
    const description = plainText(m[3] ?? '');
    return { name: m[1]!, value: value === '' ? null : value, description: description === '' ? null : description, line };
  }
  return null;
}

const ENV_MENTION = /\b(?:environment variables?|env vars?|env variables?|variables de entorno|configuration)\b|(?:^|[\s(])\.env\b/i;

/** A block introduced as configuration: by the paragraph right above it (`**Configuration**:`) or its first comment. */
function introducedAsConfig(block: CodeBlock, section: Section): boolean {
  const k = section.blocks.indexOf(block);
  const prev = k > 0 ? section.blocks[k - 1] : undefined;
  if (prev?.kind === 'paragraph' && ENV_MENTION.test(plainText(prev.text))) return true;
  const nl = block.code.indexOf('\n');
  const first = /^\s*(?:#|\/\/)\s*(.*)$/.exec(nl < 0 ? block.code : block.code.slice(0, nl));
  return first !== null && ENV_MENTION.test(first[1]!);
}

export function extractConfig(ctx: DocContext): ConfigVar[] {
  const found: Found[] = [];
  for (const { block, section } of codeBlocks(ctx.doc.root)) {
    const inConfig = inConfigSection(section) || introducedAsConfig(block, section);
    if (inConfig || ENV_LANGS.has(block.lang)) found.push(...fromCode(block, inConfig));
  }
  for (const { block, section } of tables(ctx.doc.root)) found.push(...fromTable(block, inConfigSection(section)));
  let last: Section | null = null;
  let lastIn = false;
  for (const { item, section } of listItems(ctx.doc.root)) {
    if (section !== last) {
      last = section;
      lastIn = inConfigSection(section);
    }
    if (!lastIn) continue;
    const f = fromBullet(item.text, item.line);
    if (f) found.push(f);
  }
  found.sort((a, b) => a.line - b.line);
  const byName = new Map<string, Found>();
  for (const f of found) {
    const first = byName.get(f.name);
    if (!first) byName.set(f.name, { ...f });
    else {
      first.value ??= f.value;
      first.description ??= f.description;
    }
  }
  return [...byName.values()].map((f) => ({ name: f.name, value: f.value, description: f.description, source: source(ctx, f.line) }));
}
