import { docText } from '../../markdown/doc-text.js';
import { defineRule } from '../types.js';

const OPS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/** Databases without PostgreSQL's row-level security, and words that put a document on PostgreSQL or RLS. */
const OTHER_DATABASE = /\b(?:sqlite3?|mysql|mariadb|sql server|mssql|mongodb|dynamodb|firestore|cassandra)\b/i;
const POSTGRES_OR_RLS = /\b(?:postgres(?:ql)?|supabase|neon|pglite|row[- ]level security|rls)\b/i;

/** A document that builds on another database and never mentions PostgreSQL or RLS: policies do not apply. */
const otherDatabase = (text: string) => OTHER_DATABASE.test(text) && !POSTGRES_OR_RLS.test(text);

export default defineRule({
  id: 'rls-policy',
  description: 'In a plan, every table lists row-level security policies for SELECT, INSERT, UPDATE and DELETE (or ALL); not for a plan on a database without them (SQLite, MySQL ...)',
  defaultSeverity: 'error',
  scope: 'feature',
  uses: ['tables'],
  examples: [
    {
      fail: '# Notes - Implementation Plan\n\n## Database Schema\n\n#### `notes`\n**Columns**:\n- `id` (uuid, PK) - Identifier\n\n**RLS Policies**:\n- SELECT: Users read their own notes\n- INSERT: Users create their own notes\n',
      pass: '# Notes - Implementation Plan\n\n## Database Schema\n\n#### `notes`\n**Columns**:\n- `id` (uuid, PK) - Identifier\n\n**RLS Policies**:\n- SELECT: Users read their own notes\n- INSERT: Users create their own notes\n- UPDATE: Users update their own notes\n- DELETE: Users delete their own notes\n',
    },
  ],
  check({ feature, docs, report }) {
    const planDocs = new Set(feature.docs.filter((d) => d.style === 'plan').map((d) => d.path));
    // Whether a plan is on another database, read only for a plan with a table that lacks policies.
    const other = new Map<string, boolean>();
    const onOtherDatabase = (path: string) => {
      let o = other.get(path);
      if (o === undefined) {
        const doc = docs.get(path);
        other.set(path, (o = doc ? otherDatabase(docText(doc.doc)) : false));
      }
      return o;
    };
    for (const t of feature.tables) {
      if (!planDocs.has(t.source.path)) continue;
      const ops = new Set(t.policies.map((p) => p.operation));
      if (ops.has('ALL')) continue;
      const missing = OPS.filter((o) => !ops.has(o));
      if (missing.length && !onOtherDatabase(t.source.path)) report({ path: t.source.path, line: t.source.line, message: `table ${t.name} has no row-level security polic${missing.length > 1 ? 'ies' : 'y'} for ${missing.join(', ')}` });
    }
  },
});
