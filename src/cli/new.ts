/** `featspec new "<title>"`: a feature folder with one document from a style's template. */
import { lstat, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderFeatureDocument, featureNumber } from '../templates/document.js';
import { readTemplate } from '../templates/load.js';
import { isoDate, oneLine, type DependencyRef } from '../templates/render.js';
import { isTemplateStyle, TEMPLATE_STYLES, templateFileName } from '../templates/styles.js';
import { FileExistsError, writeFileAtomic } from '../util/atomic-write.js';
import { discover, errText, rel, type FeatureLocation } from '../workspace/discover.js';
import { referencedNumber, slugify } from '../workspace/feature-id.js';
import { loadConfig } from '../workspace/load.js';
import type { CommandResult, GlobalOptions } from './result.js';
import { UsageError } from './result.js';

export interface NewOptions { title: string; style: string; depends: string[] }

/** `001-accounts`, `FEAT-001`, `FEAT-001-accounts` or `001`. */
const FEATURE_REF = /^(?:feat[-_]?)?\d{3,}(?:[-_][a-z0-9][a-z0-9._-]*)?$/i;

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/** Check each `--depends` id; bare numbers are completed from the workspace. Unknown ids give a note. */
export function resolveDependencies(refs: string[], features: FeatureLocation[], notes: string[]): DependencyRef[] {
  const out: DependencyRef[] = [];
  for (const raw of refs.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean)) {
    if (!FEATURE_REF.test(raw)) {
      throw new UsageError(`--depends "${raw}" is not a feature id (expected a numbered id such as 001-accounts)`);
    }
    const n = referencedNumber(raw);
    const known = features.find((f) => f.id === raw) ?? features.find((f) => f.number === n);
    let id = raw;
    if (!known) notes.push(`note: dependency ${raw} is not a feature of this workspace (yet)`);
    else if (/^(?:feat[-_]?)?\d+$/i.test(raw)) id = known.id;
    else if (known.id !== raw) notes.push(`note: dependency ${raw}: feature ${featureNumber(n!)} of this workspace is ${known.id}`);
    if (!out.some((d) => d.id === id)) out.push({ id });
  }
  return out;
}

export async function runNew(opts: GlobalOptions, o: NewOptions, now: Date): Promise<CommandResult> {
  const style = o.style;
  if (!isTemplateStyle(style)) {
    throw new UsageError(`unknown style "${style}" (expected one of: ${TEMPLATE_STYLES.join(', ')})`);
  }
  const title = oneLine(o.title);
  if (!title) throw new UsageError('the feature title is empty');
  const root = resolve(opts.root);
  if (!(await isFolder(root))) throw new UsageError(`workspace root ${opts.root} is not a folder`);

  const config = await loadConfig(root);
  const found = await discover(root, config);
  const number = Math.max(0, ...found.features.map((f) => f.number ?? 0)) + 1;
  const notes: string[] = [];
  const dependencies = resolveDependencies(o.depends, found.features, notes);

  const id = `${featureNumber(number)}-${slugify(title)}`;
  const featuresRoot = join(root, config.features[0]!);
  if ((await pathExists(featuresRoot)) && !(await isFolder(featuresRoot))) {
    throw new UsageError(`${rel(root, featuresRoot)} is a file, not a folder for features; nothing was written`);
  }
  const folder = join(featuresRoot, id);
  const file = join(folder, templateFileName(style));
  if (await pathExists(folder)) {
    throw new UsageError(`${rel(root, folder)} already exists; nothing was written`);
  }
  const text = renderFeatureDocument(await readTemplate(style), { style, title, number, date: isoDate(now), dependencies }, rel(root, file));
  try {
    await writeFileAtomic(file, text, { overwrite: false });
  } catch (e) {
    if (e instanceof FileExistsError) throw new UsageError(`${rel(root, file)} already exists; nothing was written`);
    throw new UsageError(`cannot write ${rel(root, file)}: ${errText(e)}`);
  }
  const path = rel(root, file);
  return {
    exitCode: 0,
    notes,
    json: { feature: id, path, style },
    text: `Created ${path} (${style} style)\nNext: replace the [bracketed] placeholders and TASK-XXX ids with the feature's details.`,
  };
}
