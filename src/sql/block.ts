/** Parse the SQL of a code block statement by statement, and place offsets in the Markdown file. */
import type { CodeBlock, MarkdownDoc } from '../markdown/types.js';
import { lineOf, lineStarts } from '../util/text.js';
import { mapLocations } from './offsets.js';
import type { SqlParser, SqlStatement } from './parser.js';
import { recoverCreateTable } from './recover.js';
import { splitSql } from './split.js';

export interface SqlSyntaxError {
  message: string;
  /** 0-based offset in the parsed text. */
  offset: number;
}

export interface SqlScript {
  /** Statements that parse (offsets into the whole text). */
  statements: SqlStatement[];
  /** Statements that do not parse, one error each. */
  errors: SqlSyntaxError[];
}

/**
 * Parse a script. When it does not parse as a whole, it is cut at its top-level semicolons and each
 * statement is parsed alone, so one bad statement does not hide the others. With `recover`, a
 * CREATE TABLE that fails because of one element is read without that element (its error is kept).
 */
export function parseScript(parser: SqlParser, sql: string, recover = false): SqlScript {
  const whole = parser.parse(sql);
  if (whole.ok) {
    rememberErrors(sql, []);
    return { statements: whole.stmts, errors: [] };
  }
  const out: SqlScript = { statements: [], errors: [] };
  for (const span of splitSql(sql)) parsePiece(parser, sql, span.start, span.end, recover, out, 0);
  rememberErrors(sql, out.errors);
  return out;
}

// The syntax errors of the texts parsed in this process (the same with or without `recover`: recovery
// only reads more of a failed statement), so that the sql-syntax rule does not parse a block that
// the model's extraction already parsed.
const ERRORS_LIMIT = 20_000;
const errorsByText = new Map<string, SqlSyntaxError[]>();

function rememberErrors(sql: string, errors: SqlSyntaxError[]): void {
  if (errorsByText.size >= ERRORS_LIMIT) errorsByText.delete(errorsByText.keys().next().value!);
  errorsByText.set(sql, errors);
}

/** The syntax errors of a script: from an earlier parseScript of the same text when there was one. */
export function scriptErrors(parser: SqlParser, sql: string): SqlSyntaxError[] {
  return errorsByText.get(sql) ?? parseScript(parser, sql).errors;
}

const STATEMENT_LINE = /^\s*(?:CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|COMMENT|GRANT|REVOKE)\b/i;

/** Parse sql[start, end); on failure, with `recover`, read what can be read (the first error is kept). */
function parsePiece(parser: SqlParser, sql: string, start: number, end: number, recover: boolean, out: SqlScript, depth: number): void {
  const text = sql.slice(start, end);
  const r = parser.parse(text);
  if (!r.ok && depth === 0) out.errors.push({ message: r.message, offset: start + (r.offset ?? 0) });
  if (!r.ok && recover && r.offset !== null && depth < 8) {
    // A missing semicolon: the error is at a line that starts a new statement; read both parts.
    const lineStart = text.lastIndexOf('\n', r.offset - 1) + 1;
    if (lineStart > 0 && text.slice(lineStart, r.offset).trim() === '' && STATEMENT_LINE.test(text.slice(lineStart))) {
      parsePiece(parser, sql, start, start + lineStart, recover, out, depth + 1);
      parsePiece(parser, sql, start + lineStart, end, recover, out, depth + 1);
      return;
    }
  }
  const stmts = r.ok ? r.stmts : recover ? recoverCreateTable(parser, text, r.offset) ?? [] : [];
  for (const s of stmts) {
    mapLocations(s.stmt, (o) => o + start);
    out.statements.push({ stmt: s.stmt, start: s.start + start, end: s.end + start });
  }
}

/** psql meta-command lines (`\\c db`, `\\i file.sql`) are not SQL: blanked with spaces, so that offsets stay those of the block. */
export function blankMetaCommands(code: string): string {
  return code.replace(/^[ \t]*\\[^\n]*/gm, (line) => ' '.repeat(line.length));
}

export interface FilePosition {
  /** 1-based line of the file. */
  line: number;
  /** 1-based column of the file. */
  column: number;
}

/** Where each line of the last block's code starts, and its lines: the statements of one script are placed one after another. */
let lastIndex: { code: string; starts: number[]; lines: string[] } | null = null;

function lineIndexOf(code: string): { starts: number[]; lines: string[] } {
  if (lastIndex?.code !== code) {
    const lines = code.split('\n');
    lastIndex = { code, starts: lineStarts(lines), lines };
  }
  return lastIndex;
}

/**
 * Where a 0-based offset of a code block's code sits in the file (list and quote indentation counted).
 * The line is found by a binary search over the line starts (slicing the code up to each offset made a
 * script of thousands of statements quadratic).
 */
export function codePosition(doc: MarkdownDoc, block: CodeBlock, offset: number): FilePosition {
  const { starts, lines } = lineIndexOf(block.code);
  const at = Math.min(Math.max(0, offset), block.code.length);
  const lineIndex = lineOf(starts, at);
  const column = at - starts[lineIndex]!;
  const line = block.line + (block.fenced ? 1 : 0) + lineIndex;
  const codeLine = lines[lineIndex] ?? '';
  const fileLine = doc.sourceLines[line - 1] ?? '';
  const indent = codeLine !== '' && fileLine.endsWith(codeLine) ? fileLine.length - codeLine.length : 0;
  return { line, column: indent + column + 1 };
}
