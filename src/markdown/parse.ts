import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { readFrontMatter } from './front-matter.js';
import { headingWords, keyOfWords, rememberWords } from './heading-key.js';
import { plainText } from './inline.js';
import { readTable } from './table.js';
import type { Block, Checkbox, ListItem, MarkdownDoc, Section } from './types.js';
import { splitLines } from '../util/text.js';

// Block structure only: inline text stays raw (extractors read it), which also keeps parsing fast.
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Line endings are normalized by the split below and NULs replaced before parsing, which is all that
// markdown-it's `normalize` rule does (it would copy the whole text once more).
md.core.ruler.disable(['normalize', 'inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
// `- [Decision 1]: rationale` is a list item in design documents, not a link reference definition.
md.block.ruler.disable('reference');

export interface ParseResult {
  doc: MarkdownDoc;
  diagnostics: Diagnostic[];
}

/** Parse one Markdown file into blocks and a section tree with 1-based line positions. Never throws. */
export function parseMarkdown(text: string, path: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const crlf = text.includes('\r');
  const { lines: sourceLines, finalNewline: dropLast } = splitLines(text);
  const fm = readFrontMatter(sourceLines);
  if (fm.error) diagnostics.push(diagnostic('front-matter', 'error', `front matter is not valid YAML: ${fm.error}`, path, 1));
  // Blank the front matter so that markdown-it's line numbers stay those of the file.
  // (Without \r the lines joined again are the text itself, less a final newline.)
  let body = fm.lines ? '\n'.repeat(fm.lines) + sourceLines.slice(fm.lines).join('\n')
    : crlf ? sourceLines.join('\n') : dropLast ? text.slice(0, -1) : text;
  if (body.includes('\0')) body = body.replace(/\0/g, '\uFFFD');
  let tokens: Token[];
  try {
    tokens = md.parse(body, {});
  } catch (e) {
    diagnostics.push(diagnostic('markdown-parse', 'error', `Markdown could not be parsed: ${String(e)}`, path));
    tokens = [];
  }
  const blocks = new Walker(tokens, sourceLines).blocks(0, tokens.length);
  const root = buildSections(blocks, sourceLines.length);
  for (const b of allTables(blocks)) diagnostics.push(...tableShape(b, path));
  return { doc: { frontMatter: fm.data, blocks, root, lines: sourceLines.length, sourceLines }, diagnostics };
}

function allTables(blocks: Block[], out: Extract<Block, { kind: 'table' }>[] = []): Extract<Block, { kind: 'table' }>[] {
  for (const b of blocks) {
    if (b.kind === 'table') out.push(b);
    else if (b.kind === 'quote') allTables(b.children, out);
    else if (b.kind === 'list') for (const it of b.items) allTables(it.children, out);
  }
  return out;
}

function tableShape(t: Extract<Block, { kind: 'table' }>, path: string): Diagnostic[] {
  const want = t.header.cells.length;
  const out: Diagnostic[] = [];
  for (const r of t.rows) {
    if (r.cells.length !== want) {
      out.push(diagnostic('table-shape', 'error',
        `table row has ${r.cells.length} cell${r.cells.length === 1 ? '' : 's'}, expected ${want} as in the header (line ${t.header.line})`, path, r.line));
    }
  }
  return out;
}

class Walker {
  /** Block quotes around the blocks being read. */
  private quotes = 0;
  /** First lines of the list items around the blocks being read. */
  private readonly itemLines: number[] = [];

  constructor(private readonly tokens: Token[], private readonly lines: string[]) {}

  /** Find the index of the token closing the one opened at `i`. */
  private close(i: number): number {
    const open = this.tokens[i]!;
    let depth = 0;
    for (let j = i; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.nesting === 1 && t.level === open.level) depth++;
      else if (t.nesting === -1 && t.level === open.level) {
        depth--;
        if (depth === 0) return j;
      }
    }
    return this.tokens.length - 1;
  }

  blocks(from: number, to: number): Block[] {
    const out: Block[] = [];
    for (let i = from; i < to; i++) {
      const t = this.tokens[i]!;
      const map = t.map ?? [0, 0];
      const line = map[0] + 1;
      const endLine = Math.max(line, map[1]);
      switch (t.type) {
        case 'heading_open': {
          const inline = this.tokens[i + 1];
          out.push({ kind: 'heading', level: Number(t.tag.slice(1)), text: inline?.content ?? '', line, endLine });
          i = this.close(i);
          break;
        }
        case 'paragraph_open': {
          out.push({ kind: 'paragraph', text: this.tokens[i + 1]?.content ?? '', line, endLine });
          i = this.close(i);
          break;
        }
        case 'fence':
        case 'code_block': {
          const info = t.info.trim();
          out.push({
            kind: 'code', lang: (info.split(/[\s{]/)[0] ?? '').toLowerCase(), info, code: t.content,
            line, endLine, fenced: t.type === 'fence',
          });
          break;
        }
        case 'html_block':
          out.push({ kind: 'html', text: t.content, line, endLine });
          break;
        case 'hr':
          out.push({ kind: 'hr', line, endLine });
          break;
        case 'table_open': {
          let items = 0;
          for (const l of this.itemLines) if (l === line) items++;
          out.push(readTable(this.lines, line, endLine, this.quotes, items));
          i = this.close(i);
          break;
        }
        case 'blockquote_open': {
          const end = this.close(i);
          this.quotes++;
          out.push({ kind: 'quote', children: this.blocks(i + 1, end), line, endLine });
          this.quotes--;
          i = end;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const end = this.close(i);
          out.push({ kind: 'list', ordered: t.type === 'ordered_list_open', items: this.items(i + 1, end), line, endLine });
          i = end;
          break;
        }
        default:
          break;
      }
    }
    return out;
  }

  private items(from: number, to: number): ListItem[] {
    const items: ListItem[] = [];
    for (let i = from; i < to; i++) {
      const t = this.tokens[i]!;
      if (t.type !== 'list_item_open') continue;
      const end = this.close(i);
      const map = t.map ?? [0, 0];
      this.itemLines.push(map[0] + 1);
      const children = this.blocks(i + 1, end);
      this.itemLines.pop();
      let text = '';
      let checkbox: Checkbox = null;
      const first = children[0];
      if (first && first.kind === 'paragraph' && first.line === map[0] + 1) {
        children.shift();
        text = first.text;
      }
      const m = /^\[([ xX\-])\](?:\s+|$)/.exec(text);
      if (m) {
        checkbox = m[1] === ' ' ? ' ' : m[1] === '-' ? '-' : 'x';
        text = text.slice(m[0].length);
      }
      items.push({ text, checkbox, line: map[0] + 1, endLine: Math.max(map[0] + 1, map[1]), children });
      i = end;
    }
    return items;
  }
}

function buildSections(blocks: Block[], lines: number): Section {
  const root: Section = { level: 0, title: '', key: '', line: 0, endLine: lines, blocks: [], children: [], parent: null };
  const stack: Section[] = [root];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      while (stack.length > 1 && stack[stack.length - 1]!.level >= b.level) {
        stack.pop()!.endLine = b.line - 1;
      }
      const parent = stack[stack.length - 1]!;
      const title = plainText(b.text);
      const words = headingWords(title);
      const s: Section = { level: b.level, title, key: keyOfWords(words), line: b.line, endLine: lines, blocks: [], children: [], parent };
      rememberWords(s, words);
      parent.children.push(s);
      stack.push(s);
    } else {
      stack[stack.length - 1]!.blocks.push(b);
    }
  }
  return root;
}
