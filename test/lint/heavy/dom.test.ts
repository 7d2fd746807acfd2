import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DOM_GLOBALS, installDom } from '../../../src/lint/heavy/dom.js';
import { diagramSample } from './diagram-samples.js';

/**
 * mermaid's answers (diagram type or error message) on `texts`, in a thread of their own: the published
 * mermaid under jsdom (what mermaid's own tests use), or what a lint runs, the vendored mermaid under
 * featspec's globals (src/lint/heavy/dom.ts, as built).
 */
function answers(dom: 'jsdom' | 'featspec', texts: string[]): Promise<string[]> {
  const built = (p: string) => new URL(`../../../dist/lint/heavy/${p}`, import.meta.url).href;
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      if (workerData.dom === 'jsdom') {
        const { JSDOM } = require('jsdom');
        const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
        for (const name of ['window', ...workerData.globals]) if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value: name === 'window' ? window : window[name], configurable: true, writable: true });
      } else {
        await (await import(workerData.dom_module)).installDom();
      }
      const load = await import(workerData.load_module);
      const mermaid = await load.importMermaid(workerData.dom === 'jsdom' ? null : load.vendoredMermaid());
      mermaid.initialize({ startOnLoad: false, logLevel: 'fatal' });
      const out = [];
      for (const text of workerData.texts) {
        try {
          out.push('ok ' + (await mermaid.parse(text)).diagramType);
        } catch (e) {
          out.push('error ' + (e && e.message));
        }
      }
      parentPort.postMessage(out);
    })().catch((e) => parentPort.postMessage('failed: ' + (e && e.stack)));
  `;
  return new Promise((resolve, reject) => {
    const w = new Worker(source, {
      eval: true,
      workerData: { dom, texts, globals: ['document', 'navigator', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement', 'MutationObserver', 'Node', 'XMLSerializer'], dom_module: built('dom.js'), load_module: built('mermaid-load.js') },
    });
    w.once('message', (m: string[] | string) => {
      void w.terminate();
      if (typeof m === 'string') reject(new Error(m));
      else resolve(m);
    });
    w.once('error', reject);
  });
}

describe('the DOM mermaid runs under', () => {
  it('gives the answers mermaid gives under jsdom, on the seeds, the corpus, hand-written diagrams and broken variants', { timeout: 120_000 }, async () => {
    const texts = diagramSample(300);
    const [jsdom, ours] = await Promise.all([answers('jsdom', texts), answers('featspec', texts)]);
    expect(ours.length).toBe(texts.length);
    for (let i = 0; i < texts.length; i++) expect(ours[i], texts[i]).toBe(jsdom[i]);
    expect(jsdom.filter((a) => a.startsWith('ok')).length).toBeGreaterThan(20);
    // Every diagram type mermaid 11.17 parses is among the answers (34 types, from the hand-written diagrams).
    expect(new Set(jsdom.filter((a) => a.startsWith('ok')).map((a) => a.slice(3))).size).toBeGreaterThanOrEqual(34);
    expect(jsdom.filter((a) => a.startsWith('error')).length).toBeGreaterThan(20);
  });

  it('sets only the globals that are missing, once', async () => {
    const g = globalThis as Record<string, unknown>;
    const mine = { mine: true };
    const had = { window: Object.getOwnPropertyDescriptor(g, 'window'), document: Object.getOwnPropertyDescriptor(g, 'document') };
    g.document = mine;
    try {
      await installDom();
      await installDom();
      expect(g.document).toBe(mine);
      expect(DOM_GLOBALS).toEqual(['window', 'document']);
      const w = g.window as { document: { nodeType: number }; Element: unknown; addEventListener: unknown };
      expect(w.document.nodeType).toBe(9);
      expect(typeof w.Element).toBe('function');
      expect(typeof w.addEventListener).toBe('function');
    } finally {
      for (const [name, d] of Object.entries(had)) {
        if (d) Object.defineProperty(g, name, d);
        else delete g[name];
      }
    }
  });
});
