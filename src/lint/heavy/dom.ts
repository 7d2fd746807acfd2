/**
 * A browser-like global scope for mermaid, which expects one when it is imported (DOMPurify, d3).
 * linkedom provides it; only names that are missing are set, so Node's own globals are left alone.
 *
 * linkedom rather than jsdom: mermaid only needs a document to exist while it parses (DOMPurify
 * registers its hooks on import and sanitizes labels), not a faithful browser, and linkedom loads in
 * ~0.25 s where jsdom takes ~1.1 s, which every lint with a diagram paid before its first check. A
 * test holds mermaid's answers under linkedom to its answers under jsdom.
 */

/** Globals mermaid and its dependencies look up at import or parse time. */
export const DOM_GLOBALS = ['document', 'navigator', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement', 'MutationObserver', 'Node', 'XMLSerializer'] as const;

let installed: Promise<void> | null = null;

async function install(): Promise<void> {
  const { parseHTML } = await import('linkedom');
  const { window } = parseHTML('<!doctype html><html><head></head><body></body></html>') as unknown as { window: Record<string, unknown> };
  const g = globalThis as Record<string, unknown>;
  const set = (name: string, value: unknown) => {
    if (!(name in g)) Object.defineProperty(g, name, { value, configurable: true, writable: true });
  };
  set('window', window);
  for (const name of DOM_GLOBALS) set(name, window[name]);
}

/** Install the DOM globals once per thread (later calls share the first). */
export function installDom(): Promise<void> {
  installed ??= install();
  return installed;
}
