import { afterAll } from 'vitest';
import { freshDataDir, removeTempDirs } from './helpers.js';
import { apiSuite } from './api-suite.js';

apiSuite('PGlite', async () => ({ dataDir: await freshDataDir(), databaseUrl: null }));

afterAll(removeTempDirs);
