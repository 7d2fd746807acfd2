import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLooseObject, type LooseValue } from '../../../../src/model/extract/entities/loose-json.js';

/** key -> [kind, raw-or-value, comment, line] for a compact comparison. */
const summary = (obj: (LooseValue & { kind: 'object' }) | null) =>
  obj?.entries.map((e) => [e.key, e.value.kind, e.value.kind === 'string' ? e.value.value : e.value.raw, e.comment, e.line]);

describe('readLooseObject', () => {
  it('reads strict JSON with lines', () => {
    expect(summary(readLooseObject('{\n  "a": "x",\n  "b": 2,\n  "c": [1, 2],\n  "d": {"e": null}\n}'))).toEqual([
      ['a', 'string', 'x', null, 1], ['b', 'number', '2', null, 2], ['c', 'array', '[1, 2]', null, 3], ['d', 'object', '{"e": null}', null, 4],
    ]);
  });

  it('reads the fabric-core-api pseudo-JSON (untagged, `<-- optional` annotations, bare <boolean>)', () => {
    const code = [
      '{',
      '    "email": "<string>",                <-- optional - match existing entry',
      '    "preferences": {',
      '        "show_email": <boolean>,        <-- optional - true/false',
      '        "show_eppn": <boolean>',
      '    },',
      '    "roles": [ ... ],',
      '    "uuid": "<string>"',
      '}',
    ].join('\n');
    const obj = readLooseObject(code);
    expect(summary(obj)).toEqual([
      ['email', 'string', '<string>', 'optional - match existing entry', 1],
      ['preferences', 'object', expect.stringContaining('"show_email": <boolean>'), null, 2],
      ['roles', 'array', '[ ... ]', null, 6],
      ['uuid', 'string', '<string>', null, 7],
    ]);
    const prefs = obj!.entries[1]!.value;
    expect(prefs.kind === 'object' && prefs.entries.map((e) => [e.key, e.value.kind, e.value.kind === 'bare' ? e.value.raw : '', e.comment])).toEqual([
      ['show_email', 'bare', '<boolean>', 'optional - true/false'], ['show_eppn', 'bare', '<boolean>', null],
    ]);
  });

  it('reads bare `key: value` fragments, comments before keys, hash comments and optional keys', () => {
    expect(summary(readLooseObject('"preferences_keys": [\n  "show_email",\n  ...\n]'))).toEqual([['preferences_keys', 'array', '[\n  "show_email",\n  ...\n]', null, 0]]);
    expect(summary(readLooseObject('{\n  /* the id */\n  id?: uuid, # primary\n  tags: Array<string>,\n}'))).toEqual([
      ['id', 'bare', 'uuid', 'the id primary', 2], ['tags', 'bare', 'Array<string>', null, 3],
    ]);
    expect(readLooseObject('{ id?: uuid }')!.entries[0]!.optional).toBe(true);
  });

  it('takes the first object of an array and returns null for non-objects', () => {
    expect(summary(readLooseObject('[{ "a": 1 }, { "b": 2 }]'))).toEqual([['a', 'number', '1', null, 0]]);
    expect(readLooseObject('POST /api/x\n{ "a": 1 }')).toBeNull();
    expect(readLooseObject('User (1) --- (N) Order')).toBeNull();
    expect(readLooseObject('')).toBeNull();
  });

  it('skips unreadable keys and keeps going', () => {
    expect(summary(readLooseObject('{ @@@: 1, "ok": true, : 2, "z": "q" }'))).toEqual([['ok', 'literal', 'true', null, 0], ['z', 'string', 'q', null, 0]]);
  });

  it('never throws and always terminates', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => {
      expect(() => readLooseObject(s)).not.toThrow();
      expect(() => readLooseObject(`{${s}`)).not.toThrow();
    }), { numRuns: 500 });
  });
});
