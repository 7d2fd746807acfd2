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
  // Every other diagram type mermaid 11.17 knows (railroad-beta only as an error), some with HTML in labels.
  'mindmap\n  root((Widgets))\n    Create\n      <b>bold</b>\n    List',
  'gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section A\n  Task one :a1, 2026-01-01, 3d\n  Task two :after a1, 2d',
  'pie title Pets\n  "Dogs" : 386\n  "Cats" : 85',
  'journey\n  title My day\n  section Go to work\n    Make tea: 5: Me\n    Go upstairs: 3: Me, Cat',
  'gitGraph\n  commit\n  branch develop\n  checkout develop\n  commit\n  checkout main\n  merge develop',
  'timeline\n  title History\n  2002 : LinkedIn\n  2004 : Facebook : Google',
  'quadrantChart\n  title Reach\n  x-axis Low --> High\n  y-axis Low --> High\n  quadrant-1 Expand\n  Campaign A: [0.3, 0.6]',
  'requirementDiagram\n  requirement test_req {\n    id: 1\n    text: the test text.\n    risk: high\n    verifymethod: test\n  }\n  element test_entity {\n    type: simulation\n  }\n  test_entity - satisfies -> test_req',
  'C4Context\n  title System Context\n  Person(customer, "Customer", "A customer")\n  System(sys, "System", "Does things")\n  Rel(customer, sys, "Uses")',
  'block-beta\n  columns 3\n  a b c',
  'architecture-beta\n  group api(cloud)[API]\n  service db(database)[Database] in api\n  service server(server)[Server] in api\n  db:L -- R:server',
  'xychart-beta\n  title "Sales"\n  x-axis [jan, feb, mar]\n  y-axis "Revenue" 4000 --> 11000\n  bar [5000, 6000, 7500]',
  'sankey-beta\n  A,B,10\n  B,C,5',
  'packet-beta\n  0-15: "Source Port"\n  16-31: "Destination Port"',
  'kanban\n  Todo\n    [Create Documentation]\n  Done\n    [Write tests]',
  'radar-beta\n  axis A, B, C\n  curve c1{1,2,3}',
  'flowchart TD\n  A["line one<br/>line two"] --> B(["<img src=x onerror=alert(1)>"])\n  click A callback "Tooltip"\n  B --> C[/"<a href=\'javascript:alert(1)\'>x</a>"/]',
  'sequenceDiagram\n  participant A as <b>Alice</b>\n  A->>B: <script>x</script>\n  rect rgb(191, 223, 255)\n  B-->>A: ok\n  end\n  critical Connect\n    A->>B: go\n  option Timeout\n    A->>B: retry\n  end',
  'classDiagram\n  class Animal~T~ {\n    <<interface>>\n    +String name\n    +eat(food) bool\n  }\n  note for Animal "can <b>eat</b>"\n  link Animal "https://example.com" "tip"',
  'stateDiagram-v2\n  state fork_state <<fork>>\n  [*] --> fork_state\n  fork_state --> A\n  note right of A : a <i>note</i>\n  state A {\n    [*] --> B\n  }',
  'erDiagram\n  CUSTOMER ||--o{ ORDER : "places <b>x</b>"\n  ORDER {\n    string id PK "the <i>id</i>"\n    int total\n  }',
  'info',
  'flowchart-elk TD\n  A --> B',
  'treemap-beta\n  "Root"\n    "Child A": 10\n    "Child B": 20',
  'treeView-beta\n  root\n    child',
  'venn-beta\n  set A\n  set B',
  'ishikawa-beta\n  Problem\n    Cause A\n    Cause B',
  'wardley-beta\n  title Tea shop\n  component Cup of tea [0.79, 0.61]',
  'cynefin-beta\n  clear\n    "Follow the recipe"',
  'railroad-beta\n  rule = "a" | "b" ;',
  'railroad-ebnf-beta\n  digit = "0" | "1" ;',
  'railroad-abnf-beta\n  rule = "a" / "b";',
  'railroad-peg-beta\n  rule <- "a" / "b";',
  'swimlane-beta\n  A --> B',
  'eventmodeling\n  tf 01 cmd AddItem',
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
