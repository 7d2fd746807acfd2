/** Building model fields from the pieces the readers find (type, required words, defaults). */
import { MARKDOWN_LINK } from '../../../markdown/inline.js';
import { normalizeType } from '../../field-type.js';
import type { Field } from '../../schema.js';

export interface FieldParts {
  required?: boolean;
  generated?: boolean;
  default?: string | null;
  description?: string | null;
  /** Line where the field is written: absolute, or relative to a code block (see `shiftLines`). */
  line?: number;
}

export function makeField(name: string, rawType: string, parts: FieldParts = {}): Field {
  const raw = rawType.trim();
  const def = parts.default ?? null;
  return {
    name,
    type: normalizeType(raw),
    rawType: raw,
    required: parts.required ?? false,
    generated: (parts.generated ?? false) || (def !== null && isGeneratedDefault(def)) || isGeneratedType(raw),
    default: def,
    description: parts.description?.trim() || null,
    ...(parts.line !== undefined ? { source: { path: '', line: parts.line } } : {}),
  };
}

/** Make code-relative field lines (0-based within the code) absolute: add the first code line. */
export function shiftLines(fields: Field[], base: number): Field[] {
  return fields.map((f) => (f.source ? { ...f, source: { ...f.source, line: f.source.line + base } } : f));
}

/** What codeText removes or collapses: link brackets, backticks, emphasis, `<br>`, white space other than single spaces. */
const CODE_MARKUP = /[[`*_<]|\s\s|[^\S ]/;

/** Inline code text: backticks, bold markers and link targets removed, spaces collapsed. */
export function codeText(raw: string): string {
  if (!CODE_MARKUP.test(raw)) return raw.trim(); // nothing below would change it
  return raw
    .replace(MARKDOWN_LINK, '$1')
    .replace(/`+/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const GENERATED_DEFAULT = /uuid\d?\s*\(|^(?:uuid\.)?uuid\d$|gen_random_uuid|uuid_generate|\bnow\s*\(|^now$|utcnow|current_timestamp|current_date|auto[-_ ]?increment|autoincrement|\bserial\b|cuid\s*\(|nanoid\s*\(|\bidentity\b|\bsequence\b|nextval/i;

/** A default that the system computes: `uuid4()`, `gen_random_uuid()`, `now()`, `utcnow()`, auto-increment. */
export function isGeneratedDefault(def: string): boolean {
  return GENERATED_DEFAULT.test(def.trim());
}

function isGeneratedType(raw: string): boolean {
  return /^(?:big|small)?serial[248]?$/i.test(raw.replace(/`/g, '').trim());
}

/** A default as written; `-`, dashes and empty cells are no default. */
export function cleanDefault(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = codeText(text);
  if (t === '' || /^(?:-+|—|–|n\/a|_)$/i.test(t)) return null;
  return t;
}

export interface RequiredWord {
  required: boolean | null;
  generated: boolean;
}

/** Read a Required (or Nullable, when `inverted`) cell: yes/true/✓/required → true, no/optional → false, auto → generated. */
export function readRequired(text: string, inverted = false): RequiredWord {
  const t = codeText(text).toLowerCase();
  if (/^(?:auto|generated|auto-?generated|computed|system|server-?side)\b/.test(t)) return { required: false, generated: true };
  if (/^(?:required|req\b|mandatory|always|not null|pk\b|primary key)/.test(t)) return { required: true, generated: false };
  if (/^(?:optional|opt\b|nullable|null\b)/.test(t)) return { required: false, generated: false };
  if (/^(?:yes|y|true|x)\b|^[✓✔✅☑]/u.test(t)) return { required: !inverted, generated: false };
  if (/^(?:no|n|false)\b|^[✗✘❌]|^[-—–]+$/u.test(t)) return { required: inverted, generated: false };
  return { required: null, generated: false };
}

/** Split `created_at / updated_at` or `a, b` (identifiers only) into names; otherwise the text itself. */
export function splitNames(text: string): string[] {
  const parts = text.split(/\s*(?:\/|,|&)\s*/).map((p) => p.trim());
  if (parts.length > 1 && parts.every((p) => /^[A-Za-z_][\w.]*\??$/.test(p))) return parts;
  return [text];
}

/** `(default: 1)` or `default: 1` inside a comment or description. */
export function defaultIn(text: string | null): string | null {
  if (!text) return null;
  const m = /\(\s*default(?:s to)?\s*[:=]?\s*([^)]+?)\s*\)/i.exec(text) ?? /^default(?:s to)?\s*[:=]\s*(\S+)/i.exec(text.trim());
  return m ? cleanDefault(m[1]!.replace(/[.,;]$/, '')) : null;
}

/** Required / optional markers in a comment or annotation: `// required`, `(optional)`. */
export function requiredMarker(text: string | null): boolean | null {
  if (!text) return null;
  if (/\b(?:not required|optional|nullable)\b/i.test(text)) return false;
  if (/\brequired\b/i.test(text)) return true;
  return null;
}
