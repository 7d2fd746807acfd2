/** `featspec token` and the secret it shares with serve. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runToken } from '../../src/cli/token.js';
import { UsageError } from '../../src/cli/result.js';
import { AuthError, loadSecret, Verifier } from '../../src/runtime/auth.js';
import { subjectId } from '../../src/runtime/subject.js';
import { removeTempDirs, tempDir } from './helpers.js';

describe('featspec token', () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('creates the secret once (mode 0600) and signs tokens serve accepts', async () => {
    const root = tempDir('featspec-token-');
    const io = { env: {}, cwd: root, now: () => now };
    const r = await runToken({ root, color: false }, { sub: 'alice', role: 'admin', ttl: '15m' }, io);
    const file = join(root, '.featspec', 'data', 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(r.exitCode).toBe(0);
    expect(r.json).toEqual({ token: r.text, sub: 'alice', userId: subjectId('alice'), role: 'admin', expiresAt: '2026-11-20T10:15:00Z' });
    expect(r.notes).toEqual([`token for alice (owner id ${subjectId('alice')}, role admin), expires 2026-11-20T10:15:00Z; signed with ${file}`]);
    const again = await runToken({ root, color: false }, { sub: 'bob' }, io);
    expect(readFileSync(file, 'utf8')).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    const secret = await loadSecret(join(root, '.featspec', 'data'), {});
    await expect(new Verifier(secret).verify(again.text!)).rejects.toThrow(AuthError);
    const fresh = await runToken({ root, color: false }, { sub: 'bob' }, { ...io, now: () => new Date() });
    expect(await new Verifier(secret).verify(fresh.text!)).toEqual({ sub: 'bob', userId: subjectId('bob'), role: 'user' });
  });

  it('uses FEATSPEC_JWT_SECRET when set and refuses bad arguments', async () => {
    const root = tempDir('featspec-token-');
    const io = { env: { FEATSPEC_JWT_SECRET: 'from-the-environment-0123456789abcdef' }, cwd: root, now: () => new Date() };
    const r = await runToken({ root, color: false }, { sub: 'x', data: 'elsewhere' }, io);
    expect(r.notes![0]).toMatch(/signed with FEATSPEC_JWT_SECRET$/);
    const v = new Verifier(new TextEncoder().encode('from-the-environment-0123456789abcdef'));
    expect((await v.verify(r.text!)).sub).toBe('x');
    await expect(runToken({ root, color: false }, {}, io)).rejects.toThrow(UsageError);
    await expect(runToken({ root, color: false }, { sub: 'x', ttl: 'forever' }, io)).rejects.toThrow('token: --ttl: expected a duration such as 90s, 15m, 1h or 7d, got "forever"');
  });
});

afterAll(removeTempDirs);
