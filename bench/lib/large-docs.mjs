/**
 * One-document workspaces of growing size, one per shape a long design takes: thousands of endpoints,
 * entity fields, tasks, SQL statements, prose mentions of endpoints, nested list items, headings with
 * links, long JSON examples; and lines written to make a regular expression backtrack (unclosed links
 * and images, words of thousands of parts, paths of thousands of segments). The scaling suite lints each at two sizes: a linear linter takes about
 * four times as long for four times the size; a quadratic one sixteen.
 */

const pad = (i, n = 5) => String(i).padStart(n, '0');
const lines = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

/** @type {Record<string, { what: string, unit: string, small?: number, make: (n: number) => string }>} */
export const LARGE_DOCS = {
  endpoints: {
    what: 'endpoint headings, each with a JSON response',
    unit: 'endpoints',
    make: (n) => `# FEAT-001 Design: Big\n\n## Overview\nMany endpoints.\n\n## API Endpoints\n\n${lines(n, (i) => `### GET /api/items${i}/{id}\n**Response** (200 OK):\n\`\`\`json\n{"id": "${i}"}\n\`\`\`\n`)}\n`,
  },
  fields: {
    what: 'rows of one data-model table',
    unit: 'fields',
    make: (n) => `# FEAT-001 Design: Big\n\n## Data Model\n\n### Item\n\n| Field | Type | Required |\n|---|---|---|\n${lines(n, (i) => `| field_${i} | string | yes |`)}\n`,
  },
  tasks: {
    what: 'task headings with files and dependencies',
    unit: 'tasks',
    make: (n) => `# FEAT-001 Design: Big\n\n## Implementation Tasks\n\n${lines(n, (i) => `### TASK-${pad(i)}: Step ${i}\n- **Files**: \`src/s${i}.ts\`\n- **Depends on**: TASK-${pad(Math.max(0, i - 1))}\n`)}\n`,
  },
  sql: {
    what: 'statements of one SQL block (tables, foreign keys, policies)',
    unit: 'tables',
    make: (n) => `# FEAT-001 Design: Big\n\n## Database Schema\n\n\`\`\`sql\n${lines(n, (i) => `CREATE TABLE t${i} (id uuid PRIMARY KEY, name text NOT NULL, ref uuid REFERENCES t${Math.max(0, i - 1)}(id));\nCREATE POLICY p${i} ON t${i} FOR ALL USING (true);`)}\n\`\`\`\n`,
  },
  mentions: {
    what: 'paragraphs mentioning concrete and template paths',
    unit: 'paragraphs',
    make: (n) => `# FEAT-001 Design: Big\n\n## API\n\n${lines(n, (i) => `Call GET /api/items/${i} then POST /api/items and DELETE /api/items/{id}.\n`)}\n`,
  },
  lists: {
    what: 'nested list items naming files and endpoints',
    unit: 'items',
    make: (n) => `# FEAT-001 Design: Big\n\n## Overview\n\n${lines(n, (i) => `${'  '.repeat(i % 8)}- item ${i} \`src/x${i}.ts\` GET /api/things${i}`)}\n`,
  },
  sections: {
    what: 'headings, each linking to another and to a file',
    unit: 'sections',
    make: (n) => `# FEAT-001 Design: Big\n\n${lines(n, (i) => `## Part ${i}\nSee [part](#part-${(i * 13) % n}) and [file](../../../src/x${i}.ts).\n`)}\n`,
  },
  json: {
    what: 'objects of one JSON request example',
    unit: 'objects',
    make: (n) => `# FEAT-001 Design: Big\n\n## API Endpoints\n\n### POST /api/items\n**Request**:\n\`\`\`json\n${JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ id: i, name: `n${i}`, tags: ['a', 'b'], nested: { x: i } })) }, null, 2)}\n\`\`\`\n`,
  },
  linkchain: {
    small: 5000,
    what: 'one line of unclosed links, in prose, a heading, a table cell and a list item',
    unit: 'links',
    make: (n) => everywhere('[a]('.repeat(n)),
  },
  imagechain: {
    small: 5000,
    what: 'one line of unclosed images, in the same places',
    unit: 'images',
    make: (n) => everywhere('![a]('.repeat(n)),
  },
  wordchain: {
    small: 5000,
    what: 'one hyphenated word of many parts and one of many underscored parts, beside a URL (settings names, URL schemes)',
    unit: 'parts',
    make: (n) => everywhere(`${'ab-'.repeat(n)}x ${'DB_'.repeat(n)}KEY see https://example.com`),
  },
  longpath: {
    small: 5000,
    what: 'two endpoint paths of many segments, a template and an instance',
    unit: 'segments',
    make: (n) => `# FEAT-001 Design: Big\n\n## API\n\nGET /${'a/'.repeat(n)}{id} and GET /${'a/'.repeat(n)}42 and GET /${'b/'.repeat(n)}c\n`,
  },
};

/** A long line written where inline text is read: a paragraph, a heading, a table cell, a list item. */
function everywhere(line) {
  return `# FEAT-001 Design: Big\n\n## Overview\n\n${line}\n\n### ${line}\n\n| Field | Type |\n|---|---|\n| ${line} | string |\n\n- ${line}\n`;
}

/** Where the document goes in its workspace. */
export const LARGE_DOC_PATH = 'docs/features/001-big/design.md';
