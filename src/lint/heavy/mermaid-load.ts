/** Load mermaid (lazily, once per thread) and check one diagram with its own parser. */
import { installDom } from './dom.js';
import { describeError, type DiagramResult } from './mermaid-error.js';

export interface DiagramChecker {
  check(code: string): Promise<DiagramResult>;
}

interface MermaidApi {
  initialize(config: { startOnLoad: boolean; logLevel: 'fatal' }): void;
  parse(text: string): Promise<unknown>;
}

let loading: Promise<DiagramChecker> | null = null;

async function load(): Promise<DiagramChecker> {
  await installDom(); // mermaid reads window/document while it is imported
  const mermaid: MermaidApi = (await import('mermaid')).default;
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

/** The mermaid checker of this thread; the first call loads jsdom and mermaid (about 1.5 s). Rejects when they cannot be loaded. */
export function loadMermaid(): Promise<DiagramChecker> {
  loading ??= load();
  loading.catch(() => (loading = null));
  return loading;
}
