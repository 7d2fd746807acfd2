/** Fill a template's `{{name}}` variables. Pure. */

export type TemplateVars = Record<string, string>;

const VARIABLE = /\{\{\s*([a-zA-Z][\w-]*)\s*\}\}/g;

/** Names of the variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(VARIABLE)) seen.add(m[1]!);
  return [...seen];
}

/**
 * Replace every `{{name}}` with its value in one pass (values are never re-scanned, so a title
 * containing `{{date}}` stays as written). A variable without a value is a programmer error.
 */
export function renderTemplate(template: string, vars: TemplateVars): string {
  return template.replace(VARIABLE, (_all, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`template variable {{${name}}} has no value`);
    return value;
  });
}

/** A dependency on another feature, as listed in a new document. */
export interface DependencyRef {
  /** Feature id, e.g. `001-accounts`. */
  id: string;
  /** What this feature needs from it; a bracket placeholder when unknown. */
  reason?: string;
}

export const DEPENDENCY_REASON_PLACEHOLDER = '[what this feature needs from it]';

/** The Markdown bullets of a dependency list; one placeholder bullet when there is none. */
export function dependencyBullets(deps: readonly DependencyRef[]): string {
  if (deps.length === 0) return `- [NNN-other-feature]: ${DEPENDENCY_REASON_PLACEHOLDER}`;
  return deps.map((d) => `- ${d.id}: ${d.reason ?? DEPENDENCY_REASON_PLACEHOLDER}`).join('\n');
}

/** Title text safe on one Markdown line: whitespace runs (newlines included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Today's date as ISO `yyyy-mm-dd` in UTC. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
