import { describe, expect, it } from 'vitest';
import { compareDiagnostics } from '../../src/diagnostic.js';
import { withoutRepeats } from '../../src/lint/engine.js';
import type { LintDiagnostic } from '../../src/lint/types.js';

const d = (path: string, line: number, rule: string, message: string, severity: 'error' | 'warning' = 'error'): LintDiagnostic =>
  ({ rule, severity, message, path, line, column: 1, feature: null, fixable: false });

describe('withoutRepeats', () => {
  it('keeps the first of findings with the same rule, place and message, in sorted order', () => {
    const found = [
      d('a.md', 3, 'x', 'one'), d('a.md', 3, 'x', 'two'), d('a.md', 3, 'x', 'one', 'warning'),
      d('a.md', 3, 'y', 'one'), d('a.md', 4, 'x', 'one'), d('b.md', 3, 'x', 'one'), d('a.md', 3, 'x', 'two'),
    ].sort(compareDiagnostics);
    const kept = withoutRepeats(found);
    expect(kept.map((k) => `${k.path}:${k.line} ${k.rule} ${k.message} ${k.severity}`)).toEqual([
      'a.md:3 x one error', 'a.md:3 x two error', 'a.md:3 y one error', 'a.md:4 x one error', 'b.md:3 x one error',
    ]);
  });

  it('leaves a list without repeats as it is', () => {
    const found = [d('a.md', 1, 'x', 'm'), d('a.md', 2, 'x', 'm'), d('a.md', 2, 'y', 'm')];
    expect(withoutRepeats(found)).toEqual(found);
    expect(withoutRepeats([])).toEqual([]);
  });
});
