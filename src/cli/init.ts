/** `featspec init`: featspec.config.json and docs/features/ with one filled example feature. */
import { mkdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readStarter } from '../templates/load.js';
import { isoDate, renderTemplate } from '../templates/render.js';
import { FileExistsError, writeFileAtomic } from '../util/atomic-write.js';
import { errText, rel } from '../workspace/discover.js';
import { CONFIG_FILE } from '../workspace/config.js';
import type { CommandResult, GlobalOptions } from './result.js';
import { UsageError } from './result.js';

export const INIT_FEATURES_ROOT = 'docs/features';
export const INIT_FEATURE_ID = '001-notes';

/** The config `init` writes: the one feature folder, nothing else. */
export function initConfigText(): string {
  return `${JSON.stringify({ features: [INIT_FEATURES_ROOT] }, null, 2)}\n`;
}

type Kind = 'folder' | 'file' | 'other' | null;

async function kindOf(path: string): Promise<Kind> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other';
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT' ? null : 'other';
  }
}

export async function runInit(opts: GlobalOptions, now: Date): Promise<CommandResult> {
  const root = resolve(opts.root);
  const rootKind = await kindOf(root);
  if (rootKind !== null && rootKind !== 'folder') throw new UsageError(`workspace root ${opts.root} is not a folder`);

  const configPath = join(root, CONFIG_FILE);
  const featuresPath = join(root, INIT_FEATURES_ROOT);
  const docPath = join(featuresPath, INIT_FEATURE_ID, 'design.md');
  // Check everything before writing anything.
  const existing = [];
  if ((await kindOf(configPath)) !== null) existing.push(CONFIG_FILE);
  if ((await kindOf(featuresPath)) !== null) existing.push(`${INIT_FEATURES_ROOT}/`);
  if (existing.length > 0) {
    throw new UsageError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''} in ${root}; init writes nothing into an existing workspace (use featspec new to add a feature)`);
  }

  const doc = renderTemplate(await readStarter(), { date: isoDate(now) });
  const written: string[] = [];
  try {
    await mkdir(root, { recursive: true });
    await writeFileAtomic(configPath, initConfigText(), { overwrite: false });
    written.push(configPath);
    await writeFileAtomic(docPath, doc, { overwrite: false });
    written.push(docPath);
  } catch (e) {
    // Another process got there between the check and the write: undo our part.
    for (const p of written) await unlink(p).catch(() => undefined);
    if (e instanceof FileExistsError) throw new UsageError(`${rel(root, e.path)} already exists; init wrote nothing`);
    throw new UsageError(`cannot write into ${opts.root}: ${errText(e)}; init wrote nothing`);
  }
  const files = written.map((p) => rel(root, p));
  return {
    exitCode: 0,
    json: { root, files, feature: INIT_FEATURE_ID },
    text: [
      `Created ${files.join(' and ')}`,
      'Next: featspec list, then featspec new "<title>" to add a feature.',
    ].join('\n'),
  };
}
