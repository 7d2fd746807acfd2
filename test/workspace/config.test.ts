import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/workspace/config.js';

describe('featspec.config.json', () => {
  it('accepts a valid config', () => {
    const c = parseConfig(JSON.stringify({ features: ['specs'], rules: { 'max-lines': ['error', { implementation: 100 }], 'no-secrets': 'off' } }), 'featspec.config.json');
    expect(c.features).toEqual(['specs']);
    expect(c.explicitFeatures).toBe(true);
    expect(c.rules['no-secrets']).toBe('off');
  });
  it('names the file and the unknown key', () => {
    expect(() => parseConfig('{"feature": ["x"]}', 'featspec.config.json')).toThrow(ConfigError);
    expect(() => parseConfig('{"feature": ["x"]}', 'featspec.config.json')).toThrow(/featspec\.config\.json: "feature": unknown key/);
  });
  it('names the file and the key with a wrong type', () => {
    expect(() => parseConfig('{"features": "docs"}', 'featspec.config.json')).toThrow(/featspec\.config\.json: "features": .*array/i);
    expect(() => parseConfig('{"rules": {"x": "loud"}}', 'featspec.config.json')).toThrow(/"rules\.x"/);
  });
  it('reports invalid JSON at its line and column', () => {
    expect(() => parseConfig('{', 'featspec.config.json')).toThrow(/^featspec\.config\.json:1:2: not valid JSON: /);
    expect(() => parseConfig('{\n  "rules": ', 'featspec.config.json')).toThrow(/^featspec\.config\.json:2:12: not valid JSON: Unexpected end of JSON input$/);
    expect(() => parseConfig('{\n  "features": ["docs"],\n  "rules": { "a": 1,, }\n}', 'featspec.config.json'))
      .toThrow(/^featspec\.config\.json:3:21: not valid JSON: Expected double-quoted property name$/);
  });
  it('says what a rule setting may be', () => {
    expect(() => parseConfig('{"rules": {"no-secrets": "warn"}}', 'featspec.config.json'))
      .toThrow('featspec.config.json: "rules.no-secrets": expected "off", "warning" or "error", or [severity, options]; got "warn"');
  });
});
