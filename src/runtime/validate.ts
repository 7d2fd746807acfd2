/**
 * Request validation from the column types the database has: a check per column, compiled once per
 * route table. A check returns null when the value fits, else the message for the field.
 */

export type Check = (v: unknown) => string | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;

export const isUuid = (v: string) => UUID.test(v);

function validDate(y: string, m: string, d: string): boolean {
  const dt = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return dt.getUTCFullYear() === Number(y) && dt.getUTCMonth() === Number(m) - 1 && dt.getUTCDate() === Number(d);
}

const INT_RANGES: Record<string, [number, number]> = {
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function scalarCheck(type: string): Check {
  const range = INT_RANGES[type];
  if (range) {
    const [lo, hi] = range;
    return (v) => (typeof v === 'number' && Number.isInteger(v) ? (v < lo || v > hi ? `must be an integer from ${lo} to ${hi}` : null) : 'must be an integer');
  }
  if (/^(?:numeric|decimal|real|double precision)/.test(type)) return (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number');
  switch (type) {
    case 'uuid': return (v) => (typeof v === 'string' && UUID.test(v) ? null : 'must be a uuid');
    case 'boolean': return (v) => (typeof v === 'boolean' ? null : 'must be true or false');
    case 'json':
    case 'jsonb': return () => null;
    case 'date': return (v) => {
      const m = typeof v === 'string' ? DATE.exec(v) : null;
      return m && validDate(m[1]!, m[2]!, m[3]!) ? null : 'must be a date (YYYY-MM-DD)';
    };
  }
  if (/^timestamp/.test(type)) {
    return (v) => {
      const m = typeof v === 'string' ? DATE_TIME.exec(v) : null;
      return m && validDate(m[1]!, m[2]!, m[3]!) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60 ? null : 'must be a date-time (RFC 3339, e.g. 2026-01-31T09:30:00Z)';
    };
  }
  if (/^time\b/.test(type)) return (v) => (typeof v === 'string' && TIME.test(v) ? null : 'must be a time (HH:MM:SS)');
  const len = /^(?:character varying|character|varchar|char)\((\d+)\)$/.exec(type);
  if (len) {
    const max = Number(len[1]);
    return (v) => (typeof v !== 'string' ? 'must be a string' : [...v].length > max ? `must be at most ${max} characters` : null);
  }
  return (v) => (typeof v === 'string' ? null : 'must be a string');
}

/** The check for a column of `type` (as format_type spells it); `nullable` lets null through. */
export function columnCheck(type: string, nullable: boolean): Check {
  const array = /^(.*?)((?:\[\])+)$/.exec(type);
  let check: Check;
  if (array) {
    const inner = scalarCheck(array[1]!);
    check = (v) => {
      if (!Array.isArray(v)) return 'must be an array';
      for (let i = 0; i < v.length; i++) {
        const m = v[i] === null ? null : inner(v[i]);
        if (m) return `item ${i}: ${m}`;
      }
      return null;
    };
  } else {
    check = scalarCheck(type);
  }
  if (/^jsonb?$/.test(type)) return check;
  return (v) => (v === null ? (nullable ? null : 'must not be null') : check(v));
}

/** Query-string values arrive as text: convert to the column's JSON value, or explain why not. */
export function fromQueryText(type: string, text: string): { value: unknown } | { error: string } {
  const base = type.replace(/\[\]$/, '');
  let value: unknown = text;
  if (INT_RANGES[base] || /^(?:numeric|decimal|real|double precision)/.test(base)) value = text.trim() === '' ? NaN : Number(text);
  else if (base === 'boolean') value = text === 'true' ? true : text === 'false' ? false : text;
  const m = columnCheck(base, false)(value);
  return m ? { error: m } : { value };
}
