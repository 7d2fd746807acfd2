import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installDom } from '../../../src/lint/heavy/dom.js';
import { importMermaid, vendoredMermaid, type MermaidApi } from '../../../src/lint/heavy/mermaid-load.js';
import { FAST_GET_CONFIG, GET_CONFIG, patchGetConfig } from '../../../src/lint/heavy/mermaid-patch.js';
import { diagramSample } from './diagram-samples.js';

describe('patchGetConfig', () => {
  it('replaces mermaid getConfig once, and only when it is there exactly once', () => {
    const text = `var a = 1;\n${GET_CONFIG}\nexport { getConfig };\n`;
    expect(patchGetConfig(text)).toBe(`var a = 1;\n${FAST_GET_CONFIG}\nexport { getConfig };\n`);
    expect(patchGetConfig('var getConfig = () => config;')).toBeNull();
    expect(patchGetConfig(`${GET_CONFIG}\n${GET_CONFIG}`)).toBeNull();
  });

  it('the installed mermaid holds the text the patch replaces, and the build bundled it patched', () => {
    const url = vendoredMermaid();
    expect(url).not.toBeNull();
    const stamp = JSON.parse(readFileSync(new URL('vendor.json', url!), 'utf8')) as { getConfigPatched: boolean };
    expect(stamp.getConfigPatched).toBe(true);
    const texts = readdirSync(fileURLToPath(new URL('.', url!))).filter((f) => f.endsWith('.js')).map((f) => readFileSync(new URL(f, url!), 'utf8'));
    expect(texts.filter((t) => t.includes('featspecCopyConfig'))).toHaveLength(1);
  });
});

interface MermaidWithConfig extends MermaidApi {
  mermaidAPI: { getConfig(): unknown };
}

/** What mermaid says about a diagram: its type, or its error message; and the configuration after it. */
async function outcome(m: MermaidWithConfig, text: string): Promise<[string, unknown]> {
  let said: string;
  try {
    said = `ok ${(await m.parse(text) as { diagramType: string }).diagramType}`;
  } catch (e) {
    said = `error ${e instanceof Error ? e.message : String(e)}`;
  }
  // Functions in the configuration (theme helpers) are compared by their source without white space: each
  // copy of mermaid has its own, and the bundler indents differently.
  return [said, JSON.parse(JSON.stringify(m.mermaidAPI.getConfig(), (_k, v: unknown) => (typeof v === 'function' ? `function ${String(v).replace(/\s+/g, '')}` : v)))];
}

describe('the vendored mermaid answers as the published one', () => {
  it('on the seeds, the corpus, hand-written diagrams with configuration, and broken variants of them', { timeout: 120_000 }, async () => {
    await installDom();
    const published = await importMermaid(null) as MermaidWithConfig;
    const vendored = await importMermaid(vendoredMermaid()) as MermaidWithConfig;
    expect(vendored).not.toBe(published);
    for (const m of [published, vendored]) m.initialize({ startOnLoad: false, logLevel: 'fatal' });

    const texts = diagramSample();
    let ok = 0;
    for (const text of texts) {
      const a = await outcome(published, text);
      const b = await outcome(vendored, text);
      expect(b, text).toEqual(a);
      if (a[0].startsWith('ok')) ok++;
    }
    // Both kinds of outcome were compared.
    expect(ok).toBeGreaterThan(20);
    expect(ok).toBeLessThan(texts.length);
  });
});
