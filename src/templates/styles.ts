/** The document styles `featspec new` can write, and the file each one is written to. */
export const TEMPLATE_STYLES = ['implementation', 'design', 'plan', 'technical-design', 'feature-guide'] as const;

export type TemplateStyle = (typeof TEMPLATE_STYLES)[number];

export const DEFAULT_TEMPLATE_STYLE: TemplateStyle = 'design';

export function isTemplateStyle(s: unknown): s is TemplateStyle {
  return typeof s === 'string' && (TEMPLATE_STYLES as readonly string[]).includes(s);
}

/** File name of a style's document inside a feature folder: `design.md`, `plan.md`, ... */
export function templateFileName(style: TemplateStyle): string {
  return `${style}.md`;
}
