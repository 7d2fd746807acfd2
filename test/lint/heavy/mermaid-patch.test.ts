import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installDom } from '../../../src/lint/heavy/dom.js';
import { importMermaid, vendoredMermaid, type MermaidApi } from '../../../src/lint/heavy/mermaid-load.js';
import { patchMermaidConfig, REPLACEMENTS } from '../../../src/lint/heavy/mermaid-patch.js';
import { diagramSample } from './diagram-samples.js';

describe('patchMermaidConfig', () => {
  const text = REPLACEMENTS.map((r) => Array.from({ length: r.times }, () => r.find).join('\n// between\n')).join('\n// more\n');
  it('replaces every text, as often as it occurs', () => {
    const out = patchMermaidConfig(text)!;
    expect(out).not.toBeNull();
    for (const r of REPLACEMENTS) expect(out.split(r.replace).length - 1).toBe(r.times);
    expect(out).toContain('featspecCopyOf(currentConfig)');
  });
  it('changes nothing unless every text is there as often as expected', () => {
    expect(patchMermaidConfig(text.replace(REPLACEMENTS[1]!.find, ''))).toBeNull();
    expect(patchMermaidConfig(`${text}\n${REPLACEMENTS.at(-1)!.find}`)).toBeNull();
    expect(patchMermaidConfig('var getConfig = () => config;')).toBeNull();
  });

  it('the installed mermaid holds the text the patch replaces, and the build bundled it patched', () => {
    const url = vendoredMermaid();
    expect(url).not.toBeNull();
    const stamp = JSON.parse(readFileSync(new URL('vendor.json', url!), 'utf8')) as { configPatched: boolean };
    expect(stamp.configPatched).toBe(true);
    const texts = readdirSync(fileURLToPath(new URL('.', url!))).filter((f) => f.endsWith('.js')).map((f) => readFileSync(new URL(f, url!), 'utf8'));
    expect(texts.filter((t) => t.includes('featspecCopyOf'))).toHaveLength(1);
  });
});

interface MermaidWithConfig extends MermaidApi {
  mermaidAPI: { getConfig(): unknown; updateSiteConfig(config: unknown): unknown };
}

/** What mermaid says about a diagram: its type, or its error message; and the configuration after it. */
async function outcome(m: MermaidWithConfig, text: string): Promise<[string, unknown]> {
  let said: string;
  try {
    said = `ok ${(await m.parse(text) as { diagramType: string }).diagramType}`;
  } catch (e) {
    said = `error ${e instanceof Error ? e.message : String(e)}`;
  }
  // Functions in the configuration (theme helpers such as messageFont) are compared by what they return for
  // the object holding them: each copy of mermaid has its own, and the bundle's are minified.
  function normalize(this: unknown, _key: string, v: unknown): unknown {
    if (typeof v !== 'function') return v;
    try {
      return { returns: (v as (this: unknown) => unknown).call(this) ?? null };
    } catch (e) {
      return { throws: e instanceof Error ? e.message : String(e) };
    }
  }
  return [said, JSON.parse(JSON.stringify(m.mermaidAPI.getConfig(), normalize))];
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
    for (const [i, text] of texts.entries()) {
      // Halfway, a new site configuration (mermaid changes it in place): copies made before must not be reused.
      if (i === Math.floor(texts.length / 2)) {
        for (const m of [published, vendored]) m.initialize({ startOnLoad: false, logLevel: 'fatal', theme: 'forest', sequence: { wrap: true, width: 99 } } as never);
      }
      // Three quarters in, the site configuration changed in place, after copies of it were made.
      if (i === Math.floor((texts.length * 3) / 4)) {
        for (const m of [published, vendored]) m.mermaidAPI.updateSiteConfig({ flowchart: { curve: 'linear' }, sequence: { mirrorActors: false } });
      }
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
