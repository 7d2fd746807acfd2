/** Load mermaid (lazily, once per thread) and check one diagram with its own parser. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installDom } from './dom.js';
import { describeError, type DiagramResult } from './mermaid-error.js';

export interface DiagramChecker {
  check(code: string): Promise<DiagramResult>;
}

export interface MermaidApi {
  initialize(config: { startOnLoad: boolean; logLevel: 'fatal' }): void;
  parse(text: string): Promise<unknown>;
}

let loading: Promise<DiagramChecker> | null = null;

const readJson = (file: string): Record<string, unknown> | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
};

/**
 * The URL of the mermaid bundle the build vendored (`dist/vendor/mermaid/`, see
 * scripts/vendor-mermaid.mjs and mermaid-patch.ts), found from this module's folder upwards (the
 * sources, the tsc output and the CLI bundle sit at different depths), or null when there is none for
 * the installed mermaid version.
 */
export function vendoredMermaid(from: string = fileURLToPath(import.meta.url)): string | null {
  let installed: unknown;
  try {
    installed = readJson(createRequire(import.meta.url).resolve('mermaid/package.json'))?.version;
  } catch {
    return null; // mermaid is not installed: importing it says so
  }
  for (let dir = dirname(from), up = 0; up < 6; up++, dir = dirname(dir)) {
    for (const base of [join(dir, 'vendor', 'mermaid'), join(dir, 'dist', 'vendor', 'mermaid')]) {
      if (!existsSync(join(base, 'vendor.json'))) continue;
      const stamp = readJson(join(base, 'vendor.json'));
      return stamp?.mermaid === installed && typeof stamp?.entry === 'string' ? pathToFileURL(join(base, stamp.entry)).href : null;
    }
  }
  return null;
}

/** mermaid's module: the vendored copy when there is one, else the package as published. */
export async function importMermaid(vendored: string | null = vendoredMermaid()): Promise<MermaidApi> {
  const specifier: string = vendored ?? 'mermaid';
  return ((await import(specifier)) as { default: MermaidApi }).default;
}

async function load(): Promise<DiagramChecker> {
  await installDom(); // mermaid reads window/document while it is imported
  const mermaid = await importMermaid();
  mermaid.initialize({ startOnLoad: false, logLevel: 'fatal' });
  // mermaid keeps its configuration in module state: one parse at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const parseOne = async (code: string): Promise<DiagramResult> => {
    try {
      await mermaid.parse(code);
      return { ok: true };
    } catch (e) {
      return describeError(e, code);
    }
  };
  return {
    check(code) {
      const next = queue.then(() => parseOne(code));
      queue = next;
      return next;
    },
  };
}

/** The mermaid checker of this thread; the first call loads mermaid (~0.1 s). Rejects when it cannot be loaded. */
export function loadMermaid(): Promise<DiagramChecker> {
  loading ??= load();
  loading.catch(() => (loading = null));
  return loading;
}
