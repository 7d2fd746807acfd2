/** Build the text of a new feature document from a style's template. Pure. */
import { parseMarkdown } from '../markdown/parse.js';
import { detectStyle } from '../model/style.js';
import { dependencyBullets, oneLine, renderTemplate, type DependencyRef } from './render.js';
import { templateFileName, type TemplateStyle } from './styles.js';

export interface NewDocumentInput {
  style: TemplateStyle;
  title: string;
  /** Feature number (rendered with 3 digits). */
  number: number;
  /** ISO date, `yyyy-mm-dd`. */
  date: string;
  dependencies: readonly DependencyRef[];
}

export const featureNumber = (n: number) => String(n).padStart(3, '0');

/**
 * Render the template. When the title's words would make the document read as another style
 * (a feature titled "Tasks" in the implementation style), a `style:` front matter pins the style.
 */
export function renderFeatureDocument(template: string, input: NewDocumentInput, path = `docs/features/new/${templateFileName(input.style)}`): string {
  const text = renderTemplate(template, {
    title: oneLine(input.title),
    date: input.date,
    number: featureNumber(input.number),
    dependencies: dependencyBullets(input.dependencies),
  });
  const { doc } = parseMarkdown(text, path);
  if (detectStyle(doc, path).style === input.style) return text;
  return `---\nstyle: ${input.style}\n---\n${text}`;
}
