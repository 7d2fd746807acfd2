/**
 * The browser-like globals mermaid needs to be imported and to parse, and nothing more.
 *
 * mermaid only parses here, never renders, so it needs no working DOM:
 * - mermaid registers a `load` listener on `window` when a `document` exists;
 * - DOMPurify (bundled in mermaid) is created from `window`. Given a `document` and an `Element` it
 *   gives mermaid the hooks API it calls on import. Given no HTML parser (`document.implementation`),
 *   it leaves label text as it is instead of sanitizing it, and a parse never shows that text.
 *
 * A real DOM cost every lint with a diagram ~0.1 s before its first check (linkedom; jsdom ~1 s).
 * A test holds mermaid's answers (diagram type or error message) under these globals to its answers
 * under jsdom, on every diagram type and on many broken variants.
 */

/** The globals set (only where missing, so that Node's own or a test's stay as they are). */
export const DOM_GLOBALS = ['window', 'document'] as const;

const NODE_TYPE_DOCUMENT = 9;

function minimalWindow(): Record<string, unknown> {
  const document = { nodeType: NODE_TYPE_DOCUMENT, createElement: () => ({}) };
  return {
    document,
    Element: function Element() {},
    addEventListener() {},
    removeEventListener() {},
  };
}

let installed = false;

/** Install the globals once per thread. */
export function installDom(): Promise<void> {
  if (!installed) {
    installed = true;
    const window = minimalWindow();
    const g = globalThis as Record<string, unknown>;
    for (const name of DOM_GLOBALS) {
      const value = name === 'window' ? window : window[name];
      if (!(name in g)) Object.defineProperty(g, name, { value, configurable: true, writable: true });
    }
  }
  return Promise.resolve();
}
