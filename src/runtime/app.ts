/**
 * The HTTP app: Fastify with one catch-all API route dispatching through the route table (swappable,
 * so `--watch` can reload the routes of a running server), plus /healthz, /readyz, /metrics and
 * /openapi.json. Every error is RFC 9457 problem+json; every response carries x-request-id.
 */
import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Verifier } from './auth.js';
import { admit, type Admitted } from './gate.js';
import { createMetrics } from './metrics.js';
import { problem, ProblemError, PROBLEM_TYPE, type Problem } from './problems.js';
import { RateLimiter } from './rate-limit.js';
import type { RouteTable } from './routes/table.js';
import type { Store } from './store/types.js';
import { ANONYMOUS_ID } from './subject.js';

export interface CorsConfig {
  origin: string | string[] | boolean;
  credentials?: boolean;
}

export interface AppOptions {
  store: Store;
  table: RouteTable;
  openapi: string | null;
  verifier: Verifier;
  logger: Logger;
  cors?: CorsConfig | null;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Per-caller rate limits (default on). */
  rateLimit?: boolean;
}

export interface ServeApp {
  fastify: FastifyInstance;
  /** Swap the routes (and the OpenAPI document) of the running app. */
  setTable(table: RouteTable, openapi: string | null): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    featspec: Admitted | null;
    /** The design route the request matched (metrics and log label), set before auth. */
    featspecRoute: string | null;
  }
}

const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const REQUEST_ID = /^[\w.:/+=-]{1,128}$/;

function sendProblem(reply: FastifyReply, p: Problem, headers: Record<string, string> = {}): FastifyReply {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  return reply.code(p.status).type(PROBLEM_TYPE).send(JSON.stringify(p));
}

function noSchemas(): () => never {
  return () => {
    throw new Error('featspec serve declares no route schemas');
  };
}

export async function createApp(options: AppOptions): Promise<ServeApp> {
  let table = options.table;
  let openapi = options.openapi;
  const limiter = options.rateLimit === false ? null : new RateLimiter();
  const metrics = createMetrics();
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // Request log lines carry the request id themselves: no child logger per request.
    childLoggerFactory: (logger) => logger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && REQUEST_ID.test(h) ? h : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // No route declares a JSON schema (bodies are checked against the resource plans), so Fastify needs
    // no schema compilers: without these stubs it loads ajv and fast-json-stringify at start (~0.2 s).
    schemaController: { compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas } },
  });
  app.decorateRequest('featspec', null);
  app.decorateRequest('featspecRoute', null);
  // Bodies are JSON only: anything else answers 415.
  app.removeContentTypeParser('text/plain');
  if (options.cors) await app.register(cors, { origin: options.cors.origin, credentials: options.cors.credentials ?? false, exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'] });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.routeOptions.url !== '/*') return;
    req.featspec = await admit(table, options.verifier, limiter, { method: req.method, url: req.url, authorization: req.headers.authorization, ip: req.ip }, {
      header: (k, v) => void reply.header(k, v),
      matched: (route) => void (req.featspecRoute = route.path),
    });
  });

  app.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const route = req.featspecRoute ?? (req.routeOptions.url && req.routeOptions.url !== '/*' ? req.routeOptions.url : 'unmatched');
    const elapsed = reply.elapsedTime;
    metrics.observe(req.method, route, reply.statusCode, elapsed / 1000);
    options.logger.info({ reqId: req.id, method: req.method, route, status: reply.statusCode, ms: Math.round(elapsed * 100) / 100, user: req.featspec?.caller?.sub ?? null }, 'request');
    done();
  });

  app.setErrorHandler(async (err, req, reply) => {
    const instance = req.url.split('?')[0]!;
    if (err instanceof ProblemError) return sendProblem(reply, err.toProblem(instance), err.headers);
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = err instanceof Error ? err.message : String(err);
      return sendProblem(reply, problem(status, message, instance, status === 400 ? { errors: [{ field: '(body)', message }] } : {}));
    }
    options.logger.error({ reqId: req.id, err }, 'request failed');
    return sendProblem(reply, problem(500, `the server could not answer this request (request id ${req.id}); its log has the cause`, instance));
  });
  app.setNotFoundHandler(async (req, reply) => sendProblem(reply, problem(404, `no route for ${req.method} ${req.url.split('?')[0]}`, req.url.split('?')[0]!)));

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (req, reply) => {
    try {
      await Promise.race([options.store.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
      return { status: 'ready', database: options.store.kind };
    } catch (e) {
      return sendProblem(reply, problem(503, `the database (${options.store.kind}) does not answer: ${e instanceof Error ? e.message : String(e)}`, '/readyz'));
    }
  });
  app.get('/metrics', async (_req, reply) => reply.type(metrics.contentType).send(await metrics.text()));
  app.get('/openapi.json', async (req, reply) =>
    openapi === null ? sendProblem(reply, problem(404, 'no OpenAPI document was compiled', '/openapi.json')) : reply.type('application/json; charset=utf-8').send(openapi));

  app.route({
    method: [...API_METHODS],
    url: '/*',
    handler: async (req, reply) => {
      const admitted = req.featspec!;
      const user = admitted.caller ? { userId: admitted.caller.userId, role: admitted.caller.role } : { userId: ANONYMOUS_ID, role: 'anonymous' };
      const out = await admitted.route.handle({ params: admitted.params, query: req.query as Record<string, string | string[]>, body: req.body, user });
      reply.code(out.status);
      if (out.body === null) return reply.send();
      return reply.type('application/json; charset=utf-8').send(out.body);
    },
  });

  return {
    fastify: app,
    setTable(next, nextOpenapi) {
      table = next;
      openapi = nextOpenapi;
    },
  };
}
