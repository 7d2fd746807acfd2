/**
 * A browser-like global scope for mermaid, which expects one when it is imported (DOMPurify, d3).
 * jsdom provides it; only names that are missing are set, so Node's own globals are left alone.
 */

interface JsdomModule {
  JSDOM: new (html: string, options?: { pretendToBeVisual?: boolean }) => { window: Record<string, unknown> };
}

/** Globals mermaid and its dependencies look up at import or parse time. */
const NAMES = ['document', 'navigator', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement', 'MutationObserver', 'Node', 'XMLSerializer'] as const;

let installed: Promise<void> | null = null;

async function install(): Promise<void> {
  // A non-literal specifier: jsdom ships no type declarations, and the shape used here is declared above.
  const specifier: string = 'jsdom';
  const { JSDOM } = (await import(specifier)) as JsdomModule;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  const set = (name: string, value: unknown) => {
    if (!(name in g)) Object.defineProperty(g, name, { value, configurable: true, writable: true });
  };
  set('window', window);
  for (const name of NAMES) set(name, window[name]);
}

/** Install the jsdom globals once per thread (later calls share the first). */
export function installDom(): Promise<void> {
  installed ??= install();
  return installed;
}
