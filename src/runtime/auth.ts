/**
 * Bearer tokens: HS256 JWTs signed with one secret, from FEATSPEC_JWT_SECRET or generated once into
 * the data folder (`jwt-secret`, mode 0600). `featspec token` signs with the same secret.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import { subjectId } from './subject.js';

export const SECRET_FILE = 'jwt-secret';

export interface Caller {
  /** The token's subject as written. */
  sub: string;
  /** Owner id (uuid) the subject maps to. */
  userId: string;
  role: string;
}

/** The signing secret: the environment's, or the data folder's (created on first use). */
export async function loadSecret(dataDir: string, env: Record<string, string | undefined>): Promise<Uint8Array> {
  const fromEnv = env['FEATSPEC_JWT_SECRET'];
  if (fromEnv) return new TextEncoder().encode(fromEnv);
  const file = join(dataDir, SECRET_FILE);
  try {
    return new TextEncoder().encode((await readFile(file, 'utf8')).trim());
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as { code?: string }).code !== 'EEXIST') throw e;
    return new TextEncoder().encode((await readFile(file, 'utf8')).trim());
  }
  return new TextEncoder().encode(secret);
}

/** `90s`, `15m`, `1h`, `7d` (or plain seconds) -> seconds; null when unreadable. */
export function parseTtl(text: string): number | null {
  const m = /^(\d+)\s*(s|m|h|d)?$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's').toLowerCase() as 's' | 'm' | 'h' | 'd'];
  return n > 0 ? n * unit : null;
}

export async function signToken(secret: Uint8Array, claims: { sub: string; role: string; ttlSeconds: number }, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer('featspec')
    .setIssuedAt(iat)
    .setExpirationTime(iat + claims.ttlSeconds)
    .sign(secret);
}

export class AuthError extends Error {}

/** Verifies tokens; a verified token is remembered (until it expires) so repeated calls skip the HMAC. */
export class Verifier {
  private readonly cache = new Map<string, { caller: Caller; exp: number }>();

  constructor(private readonly secret: Uint8Array) {}

  async verify(token: string): Promise<Caller> {
    const now = Date.now() / 1000;
    const hit = this.cache.get(token);
    if (hit) {
      if (hit.exp > now) return hit.caller;
      this.cache.delete(token);
      throw new AuthError('the token has expired');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new AuthError('the token has expired');
      if (e instanceof errors.JWTClaimValidationFailed) throw new AuthError(`the token is invalid: ${e.message}`);
      throw new AuthError('the token is invalid');
    }
    const sub = String(payload.sub);
    const caller: Caller = { sub, userId: subjectId(sub), role: typeof payload['role'] === 'string' && payload['role'] ? payload['role'] : 'user' };
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(token, { caller, exp: payload.exp! });
    return caller;
  }
}
