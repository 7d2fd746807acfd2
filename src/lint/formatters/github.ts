import type { LintDiagnostic } from '../types.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=rule::message`. */
export function github(diags: readonly LintDiagnostic[]): string {
  return diags
    .map((d) => {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      return `::${level} file=${escapeProp(d.path)},line=${d.line},col=${d.column},title=${escapeProp(`featspec(${d.rule})`)}::${escapeData(d.message)}`;
    })
    .join('\n');
}
