import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installDom } from '../../../src/lint/heavy/dom.js';
import { importMermaid, vendoredMermaid, type MermaidApi } from '../../../src/lint/heavy/mermaid-load.js';
import { FAST_GET_CONFIG, GET_CONFIG, patchGetConfig } from '../../../src/lint/heavy/mermaid-patch.js';
import { corpusFiles, seedFiles } from '../../corpus.js';

describe('patchGetConfig', () => {
  it('replaces mermaid getConfig once, and only when it is there exactly once', () => {
    const text = `var a = 1;\n${GET_CONFIG}\nexport { getConfig };\n`;
    expect(patchGetConfig(text)).toBe(`var a = 1;\n${FAST_GET_CONFIG}\nexport { getConfig };\n`);
    expect(patchGetConfig('var getConfig = () => config;')).toBeNull();
    expect(patchGetConfig(`${GET_CONFIG}\n${GET_CONFIG}`)).toBeNull();
  });

  it('the installed mermaid holds the text the patch replaces, and the build vendored the patched copy', () => {
    const url = vendoredMermaid();
    expect(url).not.toBeNull();
    const stamp = JSON.parse(readFileSync(new URL('vendor.json', url!), 'utf8')) as { patched: string };
    expect(readFileSync(new URL(stamp.patched, url!), 'utf8')).toContain(FAST_GET_CONFIG);
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
  // Functions in the configuration (theme helpers) are compared by their source: each copy of mermaid has its own.
  return [said, JSON.parse(JSON.stringify(m.mermaidAPI.getConfig(), (_k, v: unknown) => (typeof v === 'function' ? `function ${String(v)}` : v)))];
}

const mermaidBlocks = (text: string) => [...text.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);

const HAND = [
  'flowchart TD\n  A[Start] --> B{Valid?}\n  B -->|yes| C((Done))\n  B -->|no| A',
  'graph LR\n  subgraph one\n    a1-->a2\n  end\n  click a1 "https://example.com"\n  classDef hot fill:#f96\n  class a2 hot',
  'sequenceDiagram\n  autonumber\n  participant U as User\n  U->>+API: POST /widgets\n  API-->>-U: 201\n  Note over U,API: done\n  loop every minute\n    U->>API: poll\n  end',
  '%%{init: {"theme": "dark", "flowchart": {"curve": "basis"}}}%%\nflowchart LR\n  A --> B',
  '---\ntitle: Widgets\nconfig:\n  sequence:\n    wrap: true\n---\nsequenceDiagram\n  A->>B: a long message that wraps',
  '%%{init: {"securityLevel": "loose", "themeVariables": {"primaryColor": "#ff0000"}}}%%\nsequenceDiagram\n  A->>B: hi',
  'erDiagram\n  USER ||--o{ WIDGET : owns\n  WIDGET {\n    uuid id PK\n  }',
  'classDiagram\n  class Widget {\n    +uuid id\n  }\n  Widget <|-- Gadget',
  'stateDiagram-v2\n  [*] --> Draft\n  Draft --> [*]',
  'flowchart TD\n  A[Start --> B',
  'sequenceDiagram\n  A->>: missing',
  'not a diagram at all',
];

describe('the vendored mermaid answers as the published one', () => {
  it('on the seeds, the corpus, hand-written diagrams with configuration, and broken variants of them', { timeout: 120_000 }, async () => {
    await installDom();
    const published = await importMermaid(null) as MermaidWithConfig;
    const vendored = await importMermaid(vendoredMermaid()) as MermaidWithConfig;
    expect(vendored).not.toBe(published);
    for (const m of [published, vendored]) m.initialize({ startOnLoad: false, logLevel: 'fatal' });

    const seeds = seedFiles().flatMap((f) => mermaidBlocks(f.text));
    const corpus = corpusFiles().flatMap((f) => mermaidBlocks(f.text)).slice(0, 150);
    const base = [...HAND, ...seeds, ...corpus];
    // Broken variants: a character dropped, a line doubled, a token inserted, at seeded positions.
    const variants = fc.sample(
      fc.tuple(fc.constantFrom(...base), fc.nat(), fc.constantFrom('drop', 'double', 'insert')).map(([text, at, how]) => {
        const i = at % Math.max(1, text.length);
        if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
        if (how === 'insert') return `${text.slice(0, i)} --> ${text.slice(i)}`;
        const lines = text.split('\n');
        const k = at % lines.length;
        return [...lines.slice(0, k + 1), ...lines.slice(k)].join('\n');
      }),
      { numRuns: 150, seed: 20261122 },
    );
    let ok = 0;
    for (const text of [...base, ...variants]) {
      const a = await outcome(published, text);
      const b = await outcome(vendored, text);
      expect(b, text).toEqual(a);
      if (a[0].startsWith('ok')) ok++;
    }
    // Both kinds of outcome were compared.
    expect(ok).toBeGreaterThan(20);
    expect(ok).toBeLessThan(base.length + variants.length);
  });
});
