/**
 * Write a file atomically: the data goes to a temporary file in the same folder, which then
 * takes the target's name in one step. Readers see the old file or the new one, never half of it.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Replace an existing file (default false: an existing target is an error). */
  overwrite?: boolean;
}

/** The target exists and `overwrite` is false. */
export class FileExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(`${path} already exists (not overwritten)`);
  }
}

const codeOf = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return false;
    throw e;
  }
}

/** Move `temp` to `path` without replacing an existing file. */
async function placeNew(temp: string, path: string): Promise<void> {
  try {
    // link() refuses an existing target atomically; the temp name is removed afterwards.
    await link(temp, path);
    return;
  } catch (e) {
    const code = codeOf(e);
    if (code === 'EEXIST') throw new FileExistsError(path);
    // File systems without hard links: check, then rename (a narrow race, but never a partial file).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
  }
  if (await exists(path)) throw new FileExistsError(path);
  await rename(temp, path);
}

/**
 * Write `data` to `path` through a temporary file in the same folder, creating parent folders.
 * With `overwrite: false` (the default) an existing target is left untouched and FileExistsError is thrown.
 * The temporary file never outlives the call.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = { overwrite: false }): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  if (!options.overwrite && (await exists(path))) throw new FileExistsError(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) await rename(temp, path);
    else await placeNew(temp, path);
  } finally {
    // Gone already after a rename; after link() or a failure it is removed here.
    await unlink(temp).catch(() => undefined);
  }
}
