/**
 * A strict JSON syntax checker that says where and what: JSON.parse's messages differ between engines
 * and often carry no position. Returns null for valid JSON.
 */
export interface JsonError {
  offset: number;
  message: string;
}

class Fail extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

const describe = (ch: string | undefined) => (ch === undefined ? 'the end of the block' : ch === '\n' ? 'a line break' : `"${ch}"`);

export function checkJson(text: string): JsonError | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (what: string): never => {
    const found = text[i];
    const hint = found === '.' && text.startsWith('...', i) ? ' (`...` is an ellipsis, not JSON)' : found === '/' ? ' (JSON has no comments)' : found === "'" ? ' (JSON strings use double quotes)' : '';
    throw new Fail(i, `expected ${what}, found ${describe(found)}${hint}`);
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const n = text[i + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i, 'invalid \\u escape in string');
          i += 6;
          continue;
        }
        if (n === undefined || !'"\\/bfnrt'.includes(n)) throw new Fail(i, `invalid escape \\${n ?? ''} in string`);
        i += 2;
        continue;
      }
      if (c === '\n' || c.charCodeAt(0) < 0x20) throw new Fail(i, 'unterminated string (a line break inside a string)');
      i++;
    }
    throw new Fail(i, 'unterminated string');
  };
  const value = (depth: number): void => {
    if (depth > 500) throw new Fail(i, 'nesting deeper than 500 levels');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') expect('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') expect('":" after the property name');
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          const comma = i++;
          ws();
          if (text[i] === '}') throw new Fail(comma, 'trailing comma before "}"');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        expect('"," or "}" after a property value');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          const comma = i++;
          ws();
          if (text[i] === ']') throw new Fail(comma, 'trailing comma before "]"');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        expect('"," or "]" after an array element');
      }
    }
    if (c === '"') return string();
    const lit = /^(?:true|false|null)\b/.exec(text.slice(i, i + 6));
    if (lit) {
      i += lit[0].length;
      return;
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num && num[0] !== '-' && num[0].length > 0) {
      i += num[0].length;
      return;
    }
    expect('a value (object, array, string, number, true, false or null)');
  };
  try {
    value(0);
    ws();
    if (i < text.length) throw new Fail(i, `unexpected ${describe(text[i])} after the JSON value; a block holds one value`);
    return null;
  } catch (e) {
    if (e instanceof Fail) return { offset: e.offset, message: e.message };
    throw e;
  }
}
