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
