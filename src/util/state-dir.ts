/**
 * `.featspec/`, featspec's own folder in a workspace: build output, serve's data (the database and the
 * token secret) and the lint cache. Before featspec writes into it, the folder is made to ignore itself
 * in git, with a `.gitignore` of `*` inside it (as pytest and ruff do with their caches), so that the
 * token secret and the database are never committed by accident.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

export const STATE_DIR = '.featspec';

const IGNORE_ALL = '# featspec\'s own files (build output, serve data and its token secret, caches): not for version control.\n*\n';

/**
 * When `target` (a file or folder featspec is about to write) lies inside `<root>/.featspec`, create
 * that folder and its `.gitignore` unless one exists. Never throws: a folder that cannot be written is
 * reported by the write that follows.
 */
export async function prepareStateDir(root: string, target: string): Promise<void> {
  const dir = resolve(root, STATE_DIR);
  const rel = relative(dir, resolve(target));
  if (rel.startsWith('..') || isAbsolute(rel)) return; // outside (another drive gives an absolute path)
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.gitignore'), IGNORE_ALL, { flag: 'wx' });
  } catch {
    // exists already, or the folder is read-only: nothing to do here
  }
}
