/**
 * A tolerant reader for the JSON-ish text found in design documents: `//`, `#` and `/* *\/` comments,
 * `<-- optional` annotations, trailing commas, `...` and `[...]` placeholders, unquoted keys and values
 * (`id: uuid`, `"tags": string[]`), single quotes. It never throws: what it cannot read is skipped.
 */

export type LooseValue =
  | { kind: 'object'; entries: LooseEntry[]; raw: string }
  | { kind: 'array'; items: LooseValue[]; raw: string }
  | { kind: 'string'; value: string; raw: string }
  | { kind: 'number'; raw: string }
  | { kind: 'literal'; raw: 'true' | 'false' | 'null' }
  | { kind: 'bare'; raw: string };

export interface LooseEntry {
  key: string;
  /** The key was written `key?`. */
  optional: boolean;
  value: LooseValue;
  /** Comment text on the entry's line (after it) or on the lines just before it. */
  comment: string | null;
  /** 0-based line of the key within the code. */
  line: number;
}

const STOP_BARE = new Set([',', '}', ']', '\n']);

class Reader {
  pos = 0;
  steps = 0;
  pending: string[] = [];
  readonly limit: number;
  constructor(readonly text: string) {
    this.limit = text.length * 8 + 100;
  }

  get ch(): string {
    return this.text[this.pos] ?? '';
  }

  lineAt(pos: number): number {
    let n = 0;
    for (let i = 0; i < pos && i < this.text.length; i++) if (this.text[i] === '\n') n++;
    return n;
  }

  tick(): boolean {
    return ++this.steps < this.limit && this.pos < this.text.length;
  }

  /** Comment starting at the position, or null. Returns [text, end]. */
  commentAt(p: number): [string, number] | null {
    const t = this.text;
    const two = t.slice(p, p + 2);
    if (two === '//' || (t[p] === '#' && (p === 0 || /\s/.test(t[p - 1]!))) || t.startsWith('<--', p) || t.startsWith('<-', p) && t[p + 2] === ' ') {
      let end = t.indexOf('\n', p);
      if (end < 0) end = t.length;
      return [t.slice(p, end).replace(/^(?:\/\/+|#+|<--?)\s*/, '').trim(), end];
    }
    if (two === '/*') {
      let end = t.indexOf('*/', p + 2);
      end = end < 0 ? t.length : end + 2;
      return [t.slice(p + 2, end - 2).replace(/^\*+|\s*\n\s*\*?\s?/g, ' ').trim(), end];
    }
    if (t.startsWith('<!--', p)) {
      let end = t.indexOf('-->', p);
      end = end < 0 ? t.length : end + 3;
      return [t.slice(p + 4, end - 3).trim(), end];
    }
    return null;
  }

  /** Skip spaces and comments; comments seen are kept in `pending`. Stops at a newline when `lineOnly`. */
  skip(lineOnly = false): string[] {
    const seen: string[] = [];
    while (this.tick()) {
      const c = this.ch;
      if (c === '\n' && lineOnly) break;
      if (/\s/.test(c)) {
        this.pos++;
        continue;
      }
      const cm = this.commentAt(this.pos);
      if (!cm) break;
      if (cm[0]) seen.push(cm[0]);
      this.pos = cm[1];
    }
    return seen;
  }

  value(): LooseValue | null {
    this.skip();
    const c = this.ch;
    const start = this.pos;
    if (c === '{') return this.object(true);
    if (c === '[') return this.array();
    if (c === '"' || c === "'") {
      const value = this.quoted();
      // `"a" | "b"`: a union of literals, read on as one bare value.
      if (/^[ \t]*\|/.test(this.text.slice(this.pos, this.pos + 40))) {
        this.bare();
        return { kind: 'bare', raw: this.text.slice(start, this.pos).trim() };
      }
      return { kind: 'string', value, raw: this.text.slice(start, this.pos) };
    }
    const num = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?=\s*(?:[,}\]\n]|\/\/|#|$))/.exec(this.text.slice(this.pos, this.pos + 40));
    if (num) {
      this.pos += num[0].length;
      return { kind: 'number', raw: num[0] };
    }
    const lit = /^(true|false|null)(?=\s*(?:[,}\]\n]|\/\/|#|$))/.exec(this.text.slice(this.pos, this.pos + 10));
    if (lit) {
      this.pos += lit[0].length;
      return { kind: 'literal', raw: lit[1] as 'true' | 'false' | 'null' };
    }
    const raw = this.bare();
    return raw ? { kind: 'bare', raw } : null;
  }

  quoted(): string {
    const q = this.ch;
    this.pos++;
    let out = '';
    while (this.tick()) {
      const c = this.ch;
      if (c === '\\') {
        out += this.text[this.pos + 1] ?? '';
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (c === q) return out;
      if (c === '\n') return out;
      out += c;
    }
    return out;
  }

  /** Unquoted text up to a comma, closing bracket, newline or comment at bracket depth 0. */
  bare(): string {
    const start = this.pos;
    let depth = 0;
    while (this.tick()) {
      const c = this.ch;
      if (depth === 0 && (STOP_BARE.has(c) || this.commentAt(this.pos))) break;
      if ('([{<'.includes(c)) depth++;
      else if (')]}>'.includes(c) && depth > 0) depth--;
      else if (c === '\n') break;
      this.pos++;
    }
    return this.text.slice(start, this.pos).trim();
  }

  key(): { key: string; optional: boolean } | null {
    const c = this.ch;
    if (c === '"' || c === "'") {
      const key = this.quoted();
      const optional = this.ch === '?';
      if (optional) this.pos++;
      return key ? { key, optional } : null;
    }
    const m = /^([A-Za-z_$][\w$.-]*)(\?)?/.exec(this.text.slice(this.pos, this.pos + 200));
    if (!m) return null;
    this.pos += m[0].length;
    return { key: m[1]!, optional: !!m[2] };
  }

  /** Skip to the end of the current entry (next comma or newline at depth 0, or a closing brace). */
  recover(): void {
    let depth = 0;
    while (this.tick()) {
      const c = this.ch;
      if (depth === 0 && (c === ',' || c === '\n')) {
        this.pos++;
        return;
      }
      if (depth === 0 && c === '}') return;
      if (c === '{' || c === '[') depth++;
      if ((c === '}' || c === ']') && depth > 0) depth--;
      this.pos++;
    }
  }

  object(braced: boolean): LooseValue {
    const start = this.pos;
    if (braced) this.pos++;
    const entries: LooseEntry[] = [];
    while (this.tick()) {
      const before = this.skip();
      if (this.pos >= this.text.length) break;
      const c = this.ch;
      if (c === '}') {
        this.pos++;
        if (braced) break;
        continue;
      }
      if (c === ',' || c === ']') {
        this.pos++;
        continue;
      }
      if (this.text.startsWith('...', this.pos) || c === '…') {
        this.pos += c === '…' ? 1 : 3;
        this.recover();
        continue;
      }
      const keyStart = this.pos;
      const k = this.key();
      this.skip(true);
      if (!k || this.ch !== ':') {
        if (this.pos === keyStart) this.pos++;
        this.recover();
        continue;
      }
      this.pos++;
      const value = this.value();
      const after = this.skip(true);
      if (this.text[this.pos] === ',') {
        this.pos++;
        after.push(...this.skip(true));
      }
      if (!value || (value.kind === 'bare' && /^\.{3}$|^…$/.test(value.raw))) continue;
      const comment = [...before, ...after].filter(Boolean).join(' ').trim() || null;
      entries.push({ key: k.key, optional: k.optional, value, comment, line: this.lineAt(keyStart) });
    }
    return { kind: 'object', entries, raw: this.text.slice(start, this.pos) };
  }

  array(): LooseValue {
    const start = this.pos;
    this.pos++;
    const items: LooseValue[] = [];
    while (this.tick()) {
      this.skip();
      const c = this.ch;
      if (c === ']') {
        this.pos++;
        break;
      }
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') break;
      if (this.text.startsWith('...', this.pos) || c === '…') {
        this.pos += c === '…' ? 1 : 3;
        continue;
      }
      const at = this.pos;
      const v = this.value();
      if (v) items.push(v);
      if (this.pos === at) this.pos++;
    }
    return { kind: 'array', items, raw: this.text.slice(start, this.pos) };
  }
}

/**
 * Read the first JSON-ish object of the code (an array's first object, or bare `key: value` lines).
 * Returns null when nothing object-like is found.
 */
export function readLooseObject(code: string): LooseValue & { kind: 'object' } | null {
  try {
    const r = new Reader(code);
    r.skip();
    const c = r.ch;
    if (c === '{') return r.object(true) as LooseValue & { kind: 'object' };
    if (c === '[') {
      const arr = r.array();
      if (arr.kind === 'array') for (const it of arr.items) if (it.kind === 'object') return it;
      return null;
    }
    if (/^(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z_$][\w$.-]*\??)\s*:/.test(code.slice(r.pos))) return r.object(false) as LooseValue & { kind: 'object' };
    return null;
  } catch {
    return null;
  }
}
