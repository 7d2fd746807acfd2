/** Column facts written in prose: `PK`, `NOT NULL`, `DEFAULT now()`, `FK → users.id`, `UNIQUE`, `nullable`. */
import { plainText } from '../../../markdown/inline.js';
import { referenceTarget } from './names.js';

export interface ColumnFacts {
  primaryKey: boolean;
  nullable: boolean | null;
  default: string | null;
  references: string | null;
  unique: boolean;
}

/** Split at `sep` outside parentheses, brackets and quotes; items trimmed, empty ones dropped. */
export function splitTopLevel(text: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

const FK = /\b(?:FK|foreign\s+key|references|refs?)\b\s*(?:→|->|â†’|to\b|:)?\s*\(?\s*([A-Za-z_][\w.]*(?:\s*\(\s*\w+\s*\))?)/i;
const TRAILING = /\s+(?:NOT\s+NULL|NULL|PRIMARY\s+KEY|PK|UNIQUE|REFERENCES\b.*|FK\b.*|CHECK\b.*)$/i;
const UNIQUE = /\bunique\b(?!\s*(?:\(|per\b|within\b|for\b|across\b|by\b|on\b|with\b|when\b|if\b|in\b))/i;

function defaultValue(item: string): string | null {
  const m = /\bdefault(?:s|\s+value)?\b\s*(?:[:=]|\bis\b|\bto\b)?\s*(.+)$/i.exec(item);
  if (!m) return null;
  let value = m[1]!.trim();
  for (let prev = ''; prev !== value; ) {
    prev = value;
    value = value.replace(TRAILING, '').trim();
  }
  return value === '' ? null : value;
}

/** Read constraint items (already split, raw Markdown) into column facts. */
export function readConstraints(items: string[]): ColumnFacts {
  const facts: ColumnFacts = { primaryKey: false, nullable: null, default: null, references: null, unique: false };
  for (const raw of items) {
    const item = plainText(raw);
    if (/\b(?:PK|primary\s+key)\b/i.test(item)) facts.primaryKey = true;
    if (/\bnot\s+null\b|\bnon[- ]null(?:able)?\b/i.test(item)) facts.nullable = false;
    else if (/\bnullable\b|\boptional\b|^null$/i.test(item)) facts.nullable ??= true;
    facts.default ??= defaultValue(item);
    const fk = FK.exec(item);
    if (fk && !/^primary/i.test(fk[0])) facts.references ??= referenceTarget(fk[1]!);
    if (UNIQUE.test(item)) facts.unique = true;
  }
  if (facts.primaryKey) facts.nullable = false;
  return facts;
}

/** A type as written, its name in lower case: `UUID` -> `uuid`, `VARCHAR(255)` -> `varchar(255)`. */
export function normalizeType(raw: string): string {
  const text = plainText(raw).replace(/\s+/g, ' ').trim();
  return text.replace(/^[^(]*/, (s) => s.toLowerCase());
}
