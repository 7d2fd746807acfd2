/** Table names and references as written in Markdown and SQL. */
import { codeSpans, plainText } from '../../../markdown/inline.js';
import { sectionWords } from '../../../markdown/heading-key.js';
import type { MarkdownDoc, Section } from '../../../markdown/types.js';

/** A table name as written, without quotes and without the default `public.` schema. */
export function tableName(raw: string): string {
  return raw.trim().replace(/"/g, '').replace(/^public\./i, '');
}

/** The key two names of one table share. */
export function tableKey(name: string): string {
  return tableName(name).toLowerCase();
}

/** `public.users(id)`, `users.id`, `users (id)`, `users` -> `users.id`, `users.id`, `users.id`, `users`. */
export function referenceTarget(raw: string): string | null {
  const text = raw.trim().replace(/[`"]/g, '');
  const call = /^([A-Za-z_][\w.]*)\s*\(\s*([A-Za-z_]\w*)\s*\)/.exec(text);
  if (call) return `${tableName(call[1]!)}.${call[2]!}`;
  const dotted = /^([A-Za-z_][\w.]*)/.exec(text);
  return dotted ? tableName(dotted[1]!) : null;
}

const DB_WORDS = /\b(database|db|ddl|sql|postgres|postgresql|supabase)\b/;

/** True when the section, or one above it, is about the database schema. */
export function inDatabaseSection(section: Section | null): boolean {
  for (let s = section; s && s.level > 0; s = s.parent) {
    if (s.key === 'database-schema' || DB_WORDS.test(sectionWords(s))) return true;
  }
  return false;
}

const IDENT = /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/;

/**
 * The table a heading names: its code span (`` #### `users` ``, `` ### A. Table: `public.decks` ``), or the
 * heading itself when it is one identifier (`### users`, `### Table: users`). Null otherwise.
 */
export function headingTableName(raw: string): string | null {
  const span = codeSpans(raw).find((s) => IDENT.test(s.replace(/"/g, '')));
  if (span) return tableName(span);
  const text = plainText(raw)
    .replace(/^(?:[0-9]+(?:\.[0-9]+)*|[A-Za-z])[.)]\s+/, '')
    .replace(/^table\s*:?\s*/i, '')
    .replace(/\s+table$/i, '')
    .trim();
  return IDENT.test(text) ? tableName(text) : null;
}

/** The raw Markdown of a section's heading (inline markup kept). */
export function rawHeading(doc: MarkdownDoc, section: Section): string {
  const line = doc.sourceLines[section.line - 1] ?? '';
  const atx = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
  return atx ? atx[1]! : section.title;
}
