import type { Diagnostic } from '../diagnostic.js';

/** What a command returns: the CLI edge renders it and sets the exit code. */
export interface CommandResult {
  exitCode: 0 | 1 | 2;
  /** Printed with --json (one JSON document on stdout). */
  json?: unknown;
  /** Printed otherwise. */
  text?: string;
  /** Progress or notes for stderr. */
  notes?: string[];
}

/** A usage, configuration or input error: exit 2 with one clear line. */
export class UsageError extends Error {}

export interface GlobalOptions {
  root: string;
  json?: boolean;
  color: boolean;
}

/** Workspace problems (discovery, reading) as stderr notes: `path: severity: message`. */
export function problemNotes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.path}: ${d.severity}: ${d.message}`);
}
