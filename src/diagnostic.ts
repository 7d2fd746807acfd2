/** The one diagnostic type shared by parsing, workspace loading, linting and compiling. */
export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
  /** 1-based line range [startLine, endLine] (inclusive) replaced by `text`. */
  startLine: number;
  endLine: number;
  text: string;
}

export interface Diagnostic {
  /** Stable id: a lint rule id or a parse/workspace problem id such as `file-encoding`. */
  rule: string;
  severity: Severity;
  message: string;
  /** Path relative to the workspace root (or as given when there is no workspace). */
  path: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  fix?: Fix;
}

export function diagnostic(
  rule: string,
  severity: Severity,
  message: string,
  path: string,
  line = 1,
  column = 1,
): Diagnostic {
  return { rule, severity, message, path, line: Math.max(1, line), column: Math.max(1, column) };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
