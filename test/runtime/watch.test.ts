/** `serve --watch`: changed designs reload the routes; designs that cannot be applied keep the last good ones. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/runtime/server.js';
import { call, FIXTURES, freshDataDir, removeTempDirs, SECRET, tempDir, token } from './helpers.js';

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('serve --watch', () => {
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.close();
  });

  it('reloads routes on change and keeps the last good routes when a change cannot be applied', async () => {
    const root = tempDir('featspec-watch-');
    cpSync(`${FIXTURES}notes`, root, { recursive: true });
    const design = join(root, 'docs/features/001-notes/design.md');
    const logs: string[] = [];
    const logStream = new Writable({ write(chunk: Buffer, _enc, done) { logs.push(...chunk.toString().split('\n').filter(Boolean)); done(); } });
    server = await startServer({
      root, dataDir: await freshDataDir(), databaseUrl: null, host: '127.0.0.1', port: 0, allowDestructive: false, watch: true, cors: null,
      bodyLimit: 1024 * 1024, defaultRateLimit: 0, logLevel: 'info', env: { FEATSPEC_JWT_SECRET: SECRET }, logStream,
    });
    const url = server.url;
    const t = await token('watcher');
    const post = (body: Record<string, unknown>) => call<{ color?: string; errors?: unknown }>(url, 'POST', '/api/v1/notes', { token: t, body });
    expect((await post({ title: 'a', color: 'red' })).status).toBe(400);

    // An additive change: a new column and field.
    writeFileSync(design, readFileSync(`${FIXTURES}notes-v2/docs/features/001-notes/design.md`));
    const created = await until('the color field', async () => {
      const r = await post({ title: 'b', color: 'red', body: 'kept' });
      return r.status === 201 ? r.body : null;
    });
    expect(created.color).toBe('red');
    expect(logs.some((l) => /"msg":"designs changed: routes reloaded"/.test(l))).toBe(true);

    // A destructive change (body dropped, rating retyped) is refused: the last good routes stay.
    writeFileSync(design, readFileSync(`${FIXTURES}notes-v3/docs/features/001-notes/design.md`));
    await until('the refusal', async () => (logs.some((l) => /could not be applied: the last good routes stay/.test(l) && /notes\.body is gone/.test(l)) ? true : null));
    expect((await post({ title: 'c', color: 'blue', body: 'still a field' })).status).toBe(201);

    // A workspace that no longer loads (broken configuration) keeps the routes too.
    writeFileSync(join(root, 'featspec.config.json'), '{ "features": ');
    await until('the configuration error', async () => (logs.filter((l) => /the last good routes stay/.test(l)).length >= 2 ? true : null));
    expect((await post({ title: 'd', color: 'green', body: 'x' })).status).toBe(201);
  }, 90_000);
});

afterAll(removeTempDirs);
