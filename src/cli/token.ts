/** `featspec token`: a signed development bearer token for `serve`, with the secret serve uses. */
import { join, resolve } from 'node:path';
import { loadSecret, parseTtl, signToken } from '../runtime/auth.js';
import { subjectId } from '../runtime/subject.js';
import { prepareStateDir, STATE_DIR } from '../util/state-dir.js';
import { UsageError, type CommandResult, type GlobalOptions } from './result.js';

export interface TokenArgs {
  /** Subject: the caller's id (a uuid, or any string: mapped to a uuid). */
  sub?: string;
  /** Role claim (default `user`). */
  role?: string;
  /** Lifetime: `90s`, `15m`, `1h` (default), `7d`. */
  ttl?: string;
  /** Data folder holding the generated secret (default `<root>/.featspec/data`). */
  data?: string;
}

export interface TokenIo {
  env: Record<string, string | undefined>;
  cwd: string;
  now: () => Date;
}

const processIo = (): TokenIo => ({ env: process.env, cwd: process.cwd(), now: () => new Date() });

/** The data folder of serve and token: `--data` (relative to the current folder) or `<root>/.featspec/data`. */
export function dataFolder(root: string, data: string | undefined, cwd: string): string {
  return data ? resolve(cwd, data) : join(resolve(cwd, root), STATE_DIR, 'data');
}

export async function runToken(opts: GlobalOptions, args: TokenArgs, io: TokenIo = processIo()): Promise<CommandResult> {
  const sub = args.sub?.trim();
  if (!sub) throw new UsageError('token: --sub <id> is required (the caller id the token is for)');
  const ttl = parseTtl(args.ttl ?? '1h');
  if (ttl === null) throw new UsageError(`token: --ttl: expected a duration such as 90s, 15m, 1h or 7d, got "${args.ttl}"`);
  const role = args.role?.trim() || 'user';
  const dir = dataFolder(opts.root, args.data, io.cwd);
  await prepareStateDir(resolve(io.cwd, opts.root), dir);
  const secret = await loadSecret(dir, io.env);
  const now = io.now();
  const token = await signToken(secret, { sub, role, ttlSeconds: ttl }, now);
  const expiresAt = new Date(now.getTime() + ttl * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const secretFrom = io.env['FEATSPEC_JWT_SECRET'] ? 'FEATSPEC_JWT_SECRET' : join(dir, 'jwt-secret');
  return {
    exitCode: 0,
    text: token,
    json: { token, sub, userId: subjectId(sub), role, expiresAt },
    notes: [`token for ${sub} (owner id ${subjectId(sub)}, role ${role}), expires ${expiresAt}; signed with ${secretFrom}`],
  };
}
