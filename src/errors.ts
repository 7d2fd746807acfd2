/** Errors that end a command with exit 2 (one clear line): kept dependency-free so the CLI loads fast. */
export class ConfigError extends Error {}
export class WorkspaceError extends Error {}
