/**
 * What every API request passes before its body is read: the route, the bearer token, the rate limit.
 * Public routes (auth none) always run anonymously; optional ones use the token when one is sent.
 */
import { AuthError, type Caller, type Verifier } from './auth.js';
import { ProblemError } from './problems.js';
import type { RateLimiter } from './rate-limit.js';
import type { RouteTable, RuntimeRoute } from './routes/table.js';

export interface Admitted {
  route: RuntimeRoute;
  params: Record<string, string>;
  caller: Caller | null;
}

export interface GateInput {
  method: string;
  url: string;
  authorization: string | undefined;
  ip: string;
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*$/i;

function unauthorized(detail: string, challenge: string): ProblemError {
  return new ProblemError(401, detail, undefined, { 'www-authenticate': challenge });
}

export interface GateReply {
  header(name: string, value: string): void;
  /** The route matched (called before auth and limits, so refusals are counted under their route). */
  matched(route: RuntimeRoute): void;
}

export async function admit(table: RouteTable, verifier: Verifier, limiter: RateLimiter | null, input: GateInput, reply: GateReply): Promise<Admitted> {
  const m = table.router.find(input.method === 'HEAD' ? 'GET' : input.method, input.url);
  const path = input.url.split('?')[0]!;
  if (m === null) throw new ProblemError(404, `no route for ${input.method} ${path}`);
  if ('allowed' in m) throw new ProblemError(405, `${path} answers ${m.allowed.join(', ')}, not ${input.method}`, undefined, { allow: m.allowed.join(', ') });
  const route = m.value;
  reply.matched(route);
  let caller: Caller | null = null;
  if (route.auth !== 'none') {
    const header = input.authorization;
    if (header === undefined || header === '') {
      if (route.auth === 'required') throw unauthorized(`${route.method} ${route.path} needs a bearer token (Authorization: Bearer <token>; featspec token prints one)`, 'Bearer realm="featspec"');
    } else {
      const token = BEARER.exec(header)?.[1];
      if (!token) throw unauthorized('the Authorization header is not "Bearer <token>"', 'Bearer realm="featspec", error="invalid_request"');
      try {
        caller = await verifier.verify(token);
      } catch (e) {
        if (!(e instanceof AuthError)) throw e;
        throw unauthorized(e.message, `Bearer realm="featspec", error="invalid_token", error_description="${e.message.replace(/"/g, "'")}"`);
      }
    }
  }
  if (limiter) {
    const who = caller ? `u:${caller.userId}` : `ip:${input.ip}`;
    const hit = limiter.hit(`${route.limitKey}|${who}`, route.limit.max, route.limit.windowMs);
    const reset = Math.ceil(hit.resetMs / 1000);
    reply.header('x-ratelimit-limit', String(hit.limit));
    reply.header('x-ratelimit-remaining', String(hit.remaining));
    reply.header('x-ratelimit-reset', String(reset));
    if (!hit.allowed) {
      const per = route.limit.windowMs === 1000 ? 'second' : route.limit.windowMs === 60_000 ? 'minute' : route.limit.windowMs === 3_600_000 ? 'hour' : `${route.limit.windowMs / 1000} s`;
      throw new ProblemError(429, `more than ${route.limit.max} requests per ${per} (${route.limit.origin === 'default' ? 'the default limit' : `limit from ${route.limit.origin}`}); retry in ${reset} s`, undefined, { 'retry-after': String(reset) });
    }
  }
  return { route, params: m.params, caller };
}
