/** Diagrams for differential tests of mermaid set-ups: hand-written, the seeds', the corpus', and broken variants. */
import fc from 'fast-check';
import { corpusFiles, seedFiles } from '../../corpus.js';

const mermaidBlocks = (text: string) => [...text.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);

export const HAND_DIAGRAMS = [
  'flowchart TD\n  A[Start] --> B{Valid?}\n  B -->|yes| C((Done))\n  B -->|no| A',
  'graph LR\n  subgraph one\n    a1-->a2\n  end\n  click a1 "https://example.com"\n  classDef hot fill:#f96\n  class a2 hot',
  'flowchart LR\n  A["<b>bold</b> & <i>it</i>"] --> B["<script>alert(1)</script>"]\n  B --> C["`**markdown** label`"]\n  C --> D[&amp; entity #quot;]',
  'sequenceDiagram\n  autonumber\n  participant U as User\n  U->>+API: POST /widgets\n  API-->>-U: 201\n  Note over U,API: done <br/> twice\n  loop every minute\n    U->>API: poll\n  end',
  '%%{init: {"theme": "dark", "flowchart": {"curve": "basis"}}}%%\nflowchart LR\n  A --> B',
  '---\ntitle: Widgets\nconfig:\n  sequence:\n    wrap: true\n---\nsequenceDiagram\n  A->>B: a long message that wraps',
  '%%{init: {"securityLevel": "loose", "themeVariables": {"primaryColor": "#ff0000"}}}%%\nsequenceDiagram\n  A->>B: hi',
  '%%{init: {"flowchart": {"curve": null, "htmlLabels": false}, "themeVariables": {"fontFamily": null, "primaryColor": "#00ff00"}}}%%\nflowchart TD\n  A --> B',
  '%%{init: {"theme": "forest", "sequence": {"mirrorActors": false, "actorFontWeight": null}, "dompurifyConfig": {"ADD_TAGS": ["x", "x"]}}}%%\nsequenceDiagram\n  A->>B: hi',
  '---\nconfig:\n  theme: neutral\n  themeVariables:\n    lineColor: "#ff0000"\n  flowchart:\n    defaultRenderer: elk\n---\nflowchart LR\n  A --> B',
  'erDiagram\n  USER ||--o{ WIDGET : owns\n  WIDGET {\n    uuid id PK\n  }',
  'classDiagram\n  class Widget {\n    +uuid id\n  }\n  Widget <|-- Gadget',
  'stateDiagram-v2\n  [*] --> Draft\n  Draft --> [*]',
  'flowchart TD\n  A[Start --> B',
  'sequenceDiagram\n  A->>: missing',
  'not a diagram at all',
];

/** The sample: hand-written, seeds, up to 150 corpus diagrams, and `variants` seeded broken variants of them. */
export function diagramSample(variants = 150): string[] {
  const seeds = seedFiles().flatMap((f) => mermaidBlocks(f.text));
  const corpus = corpusFiles().flatMap((f) => mermaidBlocks(f.text)).slice(0, 150);
  const base = [...HAND_DIAGRAMS, ...seeds, ...corpus];
  // A character dropped, a line doubled, a token inserted, at seeded positions.
  const broken = fc.sample(
    fc.tuple(fc.constantFrom(...base), fc.nat(), fc.constantFrom('drop', 'double', 'insert')).map(([text, at, how]) => {
      const i = at % Math.max(1, text.length);
      if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
      if (how === 'insert') return `${text.slice(0, i)} --> ${text.slice(i)}`;
      const lines = text.split('\n');
      const k = at % lines.length;
      return [...lines.slice(0, k + 1), ...lines.slice(k)].join('\n');
    }),
    { numRuns: variants, seed: 20261122 },
  );
  return [...base, ...broken];
}
