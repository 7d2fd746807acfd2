/** Positions are 1-based lines of the original file (front matter included). */

export interface Cell {
  /** Cell text, trimmed, with `\|` unescaped. */
  text: string;
  /** 1-based column of the cell's first non-space character in the line. */
  column: number;
}

export interface TableRow {
  cells: Cell[];
  line: number;
}

export interface TableBlock {
  kind: 'table';
  /** What precedes the header row in its line: indentation, block-quote and list-item markers. */
  lead: string;
  header: TableRow;
  /** Line of the delimiter row (`|---|---|`). */
  delimiterLine: number;
  rows: TableRow[];
  line: number;
  endLine: number;
}

export interface CodeBlock {
  kind: 'code';
  /** First word of the info string, lower-cased (`json`, `mermaid`, `sql`), or '' when untagged. */
  lang: string;
  info: string;
  code: string;
  /** Line of the opening fence; the code itself starts on `line + 1` (for indented code: `line`). */
  line: number;
  endLine: number;
  fenced: boolean;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Raw Markdown of the paragraph (inline markup kept). */
  text: string;
  line: number;
  endLine: number;
}

export interface HtmlBlock {
  kind: 'html';
  text: string;
  line: number;
  endLine: number;
}

export type Checkbox = ' ' | 'x' | '-' | null;

export interface ListItem {
  /** Raw Markdown of the item's first paragraph, without the checkbox. */
  text: string;
  checkbox: Checkbox;
  line: number;
  endLine: number;
  /** Blocks nested in the item after its first paragraph (sub-lists, code, more paragraphs). */
  children: Block[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
  line: number;
  endLine: number;
}

export interface QuoteBlock {
  kind: 'quote';
  children: Block[];
  line: number;
  endLine: number;
}

export interface HeadingBlock {
  kind: 'heading';
  level: number;
  text: string;
  line: number;
  endLine: number;
}

export interface RuleBlock {
  kind: 'hr';
  line: number;
  endLine: number;
}

export type Block =
  | TableBlock
  | CodeBlock
  | ParagraphBlock
  | HtmlBlock
  | ListBlock
  | QuoteBlock
  | HeadingBlock
  | RuleBlock;

export interface Section {
  level: number;
  /** Heading text with inline markup removed. */
  title: string;
  /** Normalized key: lower case, no numbering, emoji or punctuation, synonyms folded (`api-contracts`). */
  key: string;
  /** Line of the heading (0 for the virtual root). */
  line: number;
  /** Last line of the section, sub-sections included. */
  endLine: number;
  /** Blocks directly under this heading, before the first sub-heading. */
  blocks: Block[];
  children: Section[];
  parent: Section | null;
}

export interface MarkdownDoc {
  /** Front matter key/values (YAML), or {} when absent or invalid. */
  frontMatter: Record<string, unknown>;
  /** All blocks in order, headings included. */
  blocks: Block[];
  /** Virtual root section (level 0) holding everything. */
  root: Section;
  /** Number of lines in the file. */
  lines: number;
  /** The file's lines (without line terminators). */
  sourceLines: string[];
}
