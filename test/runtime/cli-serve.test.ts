/**
 * The built CLI (`node bin/featspec.js serve`): SIGTERM during a write load loses no acknowledged
 * write, and a restart on the same PGlite folder keeps every row. Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, FIXTURES, freshDataDir, removeTempDirs, ROOT, SECRET, token } from './helpers.js';

const BIN = join(ROOT, 'bin', 'featspec.js');

interface Served {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function serve(dataDir: string): Promise<Served> {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'serve.js'))) throw new Error('dist/cli/serve.js is missing: run npm run build first');
  const child = spawn(process.execPath, [BIN, 'serve', '--root', `${FIXTURES}notes`, '--data', dataDir, '--port', '0', '--rate-limit', '0', '--log-level', 'warn'], {
    env: { ...process.env, FEATSPEC_JWT_SECRET: SECRET, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(http:\/\/\S+)\n/.exec(out);
      if (m) resolve({ child, url: m[1]!, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening:\n${err}`)));
  });
}

describe('featspec serve (built CLI)', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  it('SIGTERM during a write load loses no acknowledged write; a restart keeps the data', async () => {
    const dataDir = await freshDataDir();
    const first = await serve(dataDir);
    children.push(first.child);
    const t = await token('writer');
    const acked: string[] = [];
    let refused = 0;
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await call<{ id: string }>(first.url, 'POST', '/api/v1/notes', { token: t, body: { title: `w${w}-${i}` } });
          if (r.status === 201) acked.push(r.body.id);
          else refused++;
        } catch {
          refused++;
          if (first.child.exitCode !== null) return;
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGTERM');
    const code = await first.exited;
    stop = true;
    await load;
    expect(code).toBe(0);
    expect(first.stderr()).toContain('featspec serve: shutting down (finishing in-flight requests)');

    const second = await serve(dataDir);
    children.push(second.child);
    expect(second.stderr()).toMatch(/featspec serve: 8 routes on PGlite \(.*pglite\), ready in \d+ ms/);
    const missing: string[] = [];
    for (const id of acked) if ((await call(second.url, 'GET', `/api/v1/notes/${id}`, { token: t })).status !== 200) missing.push(id);
    expect(missing).toEqual([]);
    const page = await call<{ total: number }>(second.url, 'GET', '/api/v1/notes?limit=1', { token: t });
    expect(page.body.total).toBeGreaterThanOrEqual(acked.length);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);
});

afterAll(removeTempDirs);
