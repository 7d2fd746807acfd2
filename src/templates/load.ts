/** Read the Markdown templates shipped in the package's templates/ folder. */
import { readFile } from 'node:fs/promises';
import { templateFileName, type TemplateStyle } from './styles.js';

/** templates/ at the package root: the same URL from src/templates/*.ts and dist/templates/*.js. */
export const TEMPLATES_DIR = new URL('../../templates/', import.meta.url);

export function templateUrl(style: TemplateStyle): URL {
  return new URL(templateFileName(style), TEMPLATES_DIR);
}

/** The raw template of a style (with `{{title}}`, `{{date}}`, ... variables). */
export async function readTemplate(style: TemplateStyle): Promise<string> {
  return readFile(templateUrl(style), 'utf8');
}

/** The filled example feature that `featspec init` writes (a design document). */
export const STARTER_URL = new URL('init/design.md', TEMPLATES_DIR);

export async function readStarter(): Promise<string> {
  return readFile(STARTER_URL, 'utf8');
}
