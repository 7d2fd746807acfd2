/** Apply a label line (or a reference-block part) to the endpoint being read. */
import { plainText } from '../../../markdown/inline.js';
import type { CodeBlock } from '../../../markdown/types.js';
import { addQuery, addResponse, setAuth, setSummary, SUMMARY, type Candidate } from './candidate.js';
import type { Label } from './labels.js';
import { declaredName, exampleOf, parseAuth, readErrorItem, readQueryList, readQueryParam, schemaName } from './values.js';

/** What a label introduces: the code block, list or table that follows belongs to it. */
export type Pending =
  | { kind: 'request' }
  | { kind: 'response'; status: number | null }
  | { kind: 'errors' }
  | { kind: 'query' }
  | null;

export function applyLabel(c: Candidate, label: Label): Pending {
  const value = label.value;
  switch (label.kind) {
    case 'summary':
      setSummary(c, plainText(value), SUMMARY.label);
      return null;
    case 'auth':
      setAuth(c, parseAuth(value));
      return null;
    case 'request':
      c.request ??= schemaName(value);
      return { kind: 'request' };
    case 'response': {
      const schema = schemaName(value);
      const text = plainText(value);
      if (schema || text) addResponse(c, { status: label.status, schema, description: schema ? null : text, example: null });
      return { kind: 'response', status: label.status };
    }
    case 'errors':
      for (const part of value.split(/[,;]/)) {
        const e = readErrorItem(part);
        if (e) addResponse(c, { status: e.status, schema: null, description: e.description, example: null });
      }
      return { kind: 'errors' };
    case 'query':
      for (const q of readQueryList(value)) addQuery(c, q);
      return { kind: 'query' };
    case 'param': {
      const q = readQueryParam(value);
      if (q) addQuery(c, q);
      return null;
    }
    default:
      return null;
  }
}

/** A list item (or reference-block line) under an Errors or Query label. */
export function applyListed(c: Candidate, pending: Pending, raw: string): void {
  if (pending?.kind === 'errors') {
    const e = readErrorItem(raw);
    if (e) addResponse(c, { status: e.status, schema: null, description: e.description, example: null });
  } else if (pending?.kind === 'query') {
    const q = readQueryParam(raw);
    if (q) addQuery(c, q);
  }
}

/** A code block after a Request or Response label: the example (and the type it declares). */
export function applyCode(c: Candidate, pending: Pending, block: CodeBlock): void {
  if (pending?.kind === 'request') {
    c.requestExample ??= exampleOf(block);
    c.request ??= declaredName(block);
  } else if (pending?.kind === 'response') {
    addResponse(c, { status: pending.status, schema: declaredName(block), description: null, example: exampleOf(block) });
  }
}
