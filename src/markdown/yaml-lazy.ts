/**
 * The YAML parsers, loaded on first use: most documents have no front matter and no YAML block, so a
 * short command (one document) does not pay for loading them. `yaml` (front matter, data-model blocks)
 * is the same module instance as `import 'yaml'` (the package's Node entry point is CommonJS); js-yaml
 * checks the syntax of YAML blocks (lint/yaml-check.ts).
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let yaml: Yaml | null = null;

export function lazyYaml(): Yaml {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml;
}

/** The part of js-yaml that featspec uses. */
export interface JsYaml {
  loadAll(text: string, each: (doc: unknown) => void): void;
}

let jsYaml: JsYaml | null = null;

export function lazyJsYaml(): JsYaml {
  jsYaml ??= createRequire(import.meta.url)('js-yaml') as JsYaml;
  return jsYaml;
}

/**
 * Run a YAML parse without capturing a stack trace for each error the library creates (its errors
 * are Error subclasses; callers read their messages and positions only).
 */
export function withoutStacks<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
