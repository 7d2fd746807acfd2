import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJson } from '../../src/lint/json-check.js';

describe('checkJson', () => {
  it('accepts what JSON.parse accepts and rejects what it rejects', () => {
    fc.assert(fc.property(fc.json(), (j) => {
      expect(checkJson(j)).toBeNull();
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => {
      let ok = true;
      try {
        JSON.parse(s);
      } catch {
        ok = false;
      }
      expect(checkJson(s) === null).toBe(ok);
    }), { numRuns: 1000 });
  });
  it('says where and what', () => {
    expect(checkJson('{\n  "a": 1,\n}')).toEqual({ offset: 10, message: 'trailing comma before "}"' });
    expect(checkJson('{ "items": [...] }')).toEqual({ offset: 12, message: 'expected a value (object, array, string, number, true, false or null), found "." (`...` is an ellipsis, not JSON)' });
    expect(checkJson('"a": 1')).toEqual({ offset: 3, message: 'unexpected ":" after the JSON value; a block holds one value' });
    expect(checkJson("{'a': 1}")?.message).toContain('double quotes');
  });
});
