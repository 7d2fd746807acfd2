import { boldLabel } from '../../markdown/inline.js';
import { findSections, sections } from '../../markdown/walk.js';
import { defineRule } from '../types.js';

const LABEL = /^(?:last[ -]?updated|updated|date|last[ -]?modified)$/i;
const LABEL_WORD = /date|modified/i;
/** A label alone in a table cell: `| Last Updated |`. */
const TABLE_LABEL = /\|\s*[*_]*(?:last[ -]?updated|updated|date|last[ -]?modified)[*_]*\s*\|/i;
// A date, or a date and time (`2025-12-01T10:00:00Z`, `2025-12-01T10:00+01:00`).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// Date-looking tokens: ISO-ish, slashed, dotted.
const DATEISH = /\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})\b/g;

/** Why a date string is wrong, or null when it is a real ISO date not after `today`. */
export function dateProblem(text: string, today: string): string | null {
  const m = ISO.exec(text);
  if (!m) return `"${text}" is not an ISO date; expected YYYY-MM-DD`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return `"${text}" is not a real calendar date`;
  if (text.slice(0, 10) > today) return `"${text}" is in the future (today is ${today})`;
  return null;
}

export default defineRule({
  id: 'date-format',
  description: 'Last Updated and changelog dates are real ISO dates (YYYY-MM-DD, or with a time), not in the future',
  defaultSeverity: 'error',
  scope: 'document',
  examples: [
    {
      fail: '# Feature: Tags\n\n**Last Updated**: 2025-02-30\n\n## Changelog\n\n### Version 1.0.0 (04/01/2025)\n- First release\n',
      pass: '# Feature: Tags\n\n**Last Updated**: 2025-02-28\n\n## Changelog\n\n### Version 1.0.0 (2025-01-04)\n- First release\n',
    },
  ],
  check({ doc, now, report }) {
    const today = now.toISOString().slice(0, 10);
    const lines = doc.doc.sourceLines;
    const checkToken = (line: number, text: string, col: number) => {
      const p = dateProblem(text, today);
      if (p) report({ path: doc.path, line, column: col, message: `date ${p}` });
    };
    // "Last Updated" labels (bold, italic or plain, also inside `|`-separated metadata lines, or alone in a
    // table cell before the cell of their value) in the first lines.
    for (let i = 0; i < Math.min(lines.length, 60); i++) {
      // A bold label needs `**` or `__`, the plain form a colon, a table cell its own cell.
      const line = lines[i]!;
      if (!line.includes(':') && !line.includes('**') && !line.includes('__') && !(line.includes('|') && TABLE_LABEL.test(line))) continue;
      // Every label holds "date" (updated too) or "modified".
      if (!LABEL_WORD.test(lines[i]!)) continue;
      const parts = lines[i]!.split('|');
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k]!;
        const bare = part.trim().replace(/^>\s*/, '');
        const bl = boldLabel(bare);
        const plain = /^\s*>?\s*[*_]*(last[ -]?updated|date)\s*:[*_]*\s*(.+)$/i.exec(part);
        // In a table, the value is the next cell; a cell without a digit holds no date (`| Date | Change |`).
        const cell = parts.length > 2 && LABEL.test(bare.replace(/[*_]/g, '').trim()) && /\d/.test(parts[k + 1] ?? '') ? parts[k + 1]! : null;
        const value = bl && LABEL.test(bl.label) ? bl.value : plain ? plain[2]! : cell;
        if (value === null) continue;
        const clean = value.replace(/[*_`]/g, '');
        const token = /\S+/.exec(clean)?.[0] ?? '';
        if (!token || /^\[/.test(token)) continue; // an unfilled placeholder is no-placeholder's concern
        // A date written in words (`January 5, 2025`) is quoted whole, up to a note in parentheses.
        const text = /\d/.test(token) ? token.replace(/[,.;]$/, '') : clean.trim().replace(/\s*\(.*$/, '').slice(0, 40);
        checkToken(i + 1, text, lines[i]!.indexOf(token) + 1);
      }
    }
    // Changelog entries: every date-looking token in the changelog's headings and list items.
    for (const cl of findSections(doc.doc.root, 'changelog')) {
      for (const s of [cl, ...sections(cl)]) {
        const line = s.line;
        for (const m of (lines[line - 1] ?? '').matchAll(DATEISH)) checkToken(line, m[1]!, m.index + 1);
      }
      for (let l = cl.line + 1; l <= cl.endLine; l++) {
        const text = lines[l - 1] ?? '';
        if (/^\s*#/.test(text)) continue;
        if (!/^\s*[-*]\s/.test(text)) continue;
        for (const m of text.matchAll(DATEISH)) checkToken(l, m[1]!, m.index + 1);
      }
    }
  },
});
