/** Third-party checks for generated OpenAPI documents: @readme/openapi-parser and Spectral's oas ruleset. */
import { validate } from '@readme/openapi-parser';
import { Document, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';

/** Errors reported by @readme/openapi-parser (empty when valid). */
export async function parserErrors(text: string): Promise<string[]> {
  const result = await validate(JSON.parse(text) as Parameters<typeof validate>[0]);
  return result.valid ? [] : result.errors.map((e) => e.message);
}

export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  path: string;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** Spectral findings under the oas ruleset: `recommended` (the default set) or `all` rules. */
export async function spectral(text: string, set: 'recommended' | 'all' = 'recommended'): Promise<Finding[]> {
  const s = new Spectral();
  s.setRuleset(set === 'all' ? { extends: [[oas, 'all']] } : { extends: [[oas, 'recommended']] });
  const results = await s.run(new Document(text, Parsers.Json, 'openapi.json'));
  return results.map((r) => ({ code: String(r.code), severity: SEVERITIES[r.severity] ?? 'hint', message: r.message, path: r.path.join('.') }));
}
