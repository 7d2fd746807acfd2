import type { LintDiagnostic } from '../types.js';

export interface LintSummary {
  errors: number;
  warnings: number;
  /** Documents linted. */
  files: number;
  /** Features linted. */
  features: number;
}

export function summarize(diags: readonly LintDiagnostic[], files: number, features: number): LintSummary {
  return {
    errors: diags.filter((d) => d.severity === 'error').length,
    warnings: diags.filter((d) => d.severity === 'warning').length,
    files,
    features,
  };
}

/** The JSON shape of `featspec lint --format json` (see the CLI contract). */
export function toJson(diags: readonly LintDiagnostic[], summary: LintSummary): unknown {
  return {
    diagnostics: diags.map((d) => ({
      rule: d.rule, severity: d.severity, message: d.message, feature: d.feature, path: d.path,
      line: d.line, column: d.column, fixable: d.fixable,
    })),
    summary,
  };
}
