import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, StoreInUseError } from '../../src/runtime/store/pglite.js';
import { freshDataDir, removeTempDirs } from './helpers.js';
import { storeContract } from './store-contract.js';

storeContract('PGlite', async () => openPglite(`${await freshDataDir()}/pglite`));

describe('PGlite data folder lock', () => {
  it('refuses a folder a live process holds and takes over a stale lock', async () => {
    const dir = `${await freshDataDir()}/pglite`;
    writeFileSync(`${dir}.lock`, `${process.ppid}\n`);
    await expect(openPglite(dir)).rejects.toThrow(new StoreInUseError(`${dir} is in use by another process (pid ${process.ppid}, see ${dir}.lock)`));
    writeFileSync(`${dir}.lock`, '999999999\n');
    const store = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(StoreInUseError);
    await store.close();
    const again = await openPglite(dir);
    await again.close();
  }, 60_000);
});

afterAll(removeTempDirs);
