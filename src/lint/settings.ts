/**
 * The `rules` of featspec.config.json checked against the rule registry: every id names a rule, and
 * options go only to rules that take them, in the shape they take. A problem is a configuration error
 * (exit 2) naming the key, before any document is linted.
 */
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { CONFIG_FILE } from '../workspace/config.js';
import type { RuleSetting } from './engine.js';
import { RULES } from './rules/index.js';

/** Edit distance of two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

const RULE_IDS = new Set(RULES.map((r) => r.id));

/** Whether an id names a rule of the registry. */
export const isRuleId = (id: string): boolean => RULE_IDS.has(id);

/** The rule id closest to a misspelt one, when one is close enough. */
export function likelyRule(id: string): string | undefined {
  const [best] = RULES.map((r) => ({ known: r.id, d: distance(id, r.id) })).sort((x, y) => x.d - y.d);
  return best && best.d <= Math.max(2, Math.floor(id.length / 4)) ? best.known : undefined;
}

/** What to say after "unknown rule" of an id that names no rule: the likely one, or the list. */
export function unknownRuleHint(id: string): string {
  const likely = likelyRule(id);
  return likely ? `; did you mean "${likely}"?` : ` (rules: ${RULES.map((r) => r.id).join(', ')})`;
}

/** Throws a ConfigError for the first rule setting that names no rule or gives options the rule does not take. */
export function checkRuleSettings(rules: Readonly<Record<string, RuleSetting>> | undefined, file = CONFIG_FILE): void {
  for (const [id, setting] of Object.entries(rules ?? {})) {
    const fail = (key: string, what: string) => {
      throw new ConfigError(`${file}: "rules.${key}": ${what}`);
    };
    const rule = RULES.find((r) => r.id === id);
    if (!rule) fail(id, `unknown rule${unknownRuleHint(id)}`);
    if (typeof setting === 'string' || setting.length === 1) continue;
    if (setting.length > 2) fail(id, `expected [severity, options], got ${setting.length} items`);
    if (!rule!.options) fail(`${id}[1]`, 'this rule takes no options');
    const r = rule!.options!.safeParse(setting[1]);
    if (r.success) continue;
    const issue = r.error.issues[0]!;
    const key = [`${id}[1]`, ...issue.path.map(String)].join('.');
    const options = rule!.options;
    if (issue.code === 'unrecognized_keys' && options instanceof z.ZodObject) {
      fail(key, `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (keys: ${Object.keys(options.shape).join(', ')})`);
    }
    fail(key, issue.message);
  }
}
