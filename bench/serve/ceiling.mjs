#!/usr/bin/env node
/**
 * The ceiling of the serve suite: the same three routes written by hand with Fastify 5 and pg (a Pool of
 * 10, plain `pool.query`, one statement and one round trip per request), on the table featspec created.
 * It does the least a real route does: no authentication (the owner id is fixed at start, OWNER_ID),
 * no row-level security (it connects as the superuser, so it filters with `owner_id = $n` itself), no
 * logging, no metrics; a Fastify JSON schema checks the create body. The SQL has the same shape as
 * featspec's: rows come back as JSON text built by PostgreSQL. By default the statements are pg's
 * unnamed ones (parsed and planned on every request, what `pool.query(text, values)` does); with
 * PREPARED=1 they are named, so each pooled connection prepares them once (as featspec does).
 *
 *   DATABASE_URL=postgres://... OWNER_ID=<uuid> PORT=4020 [PREPARED=1] node bench/serve/ceiling.mjs
 */
import Fastify from 'fastify';
import pg from 'pg';

const { DATABASE_URL, OWNER_ID, PORT = '4020', HOST = '127.0.0.1', PREPARED } = process.env;
if (!DATABASE_URL || !OWNER_ID) throw new Error('DATABASE_URL and OWNER_ID are required');

const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
const app = Fastify();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JSON_TYPE = 'application/json; charset=utf-8';

const GET = 'SELECT row_to_json(t)::text AS j FROM links AS t WHERE t.id = $1::uuid AND t.owner_id = $2::uuid';
const PAGE = 'SELECT t.* FROM links AS t WHERE t.owner_id = $3::uuid ORDER BY t.created_at, t.id LIMIT $1::int OFFSET $2::bigint';
const LIST = `SELECT '[' || COALESCE((SELECT string_agg(row_to_json(p)::text, ',' ORDER BY p.created_at, p.id) FROM (${PAGE}) p), '') || ']' AS items, (SELECT count(*) FROM links AS t WHERE t.owner_id = $3::uuid)::text AS total`;
const INSERT = 'INSERT INTO links AS t (owner_id, title, url, visits, starred) VALUES ($1::uuid, $2, $3, COALESCE($4::int, 0), COALESCE($5::boolean, false)) RETURNING row_to_json(t)::text AS j';

/** A query config: named (prepared once per connection) with PREPARED=1. */
const q = (name, text, values) => (PREPARED === '1' ? { name, text, values } : { text, values });

const positive = (raw, fallback) => (raw === undefined ? fallback : /^\d{1,9}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null);

app.get('/readyz', async () => {
  await pool.query('SELECT 1');
  return { status: 'ready' };
});

app.get('/api/v1/links/:id', async (req, reply) => {
  const { id } = req.params;
  if (!UUID.test(id)) return reply.code(404).send({ status: 404, detail: 'Link not found' });
  const { rows } = await pool.query(q('get', GET, [id, OWNER_ID]));
  if (rows.length === 0) return reply.code(404).send({ status: 404, detail: 'Link not found' });
  return reply.type(JSON_TYPE).send(rows[0].j);
});

app.get('/api/v1/links', async (req, reply) => {
  const page = positive(req.query.page, 1);
  const limit = positive(req.query.limit, 20);
  if (page === null || limit === null) return reply.code(400).send({ status: 400, detail: 'page and limit are whole numbers of 1 or more' });
  const size = Math.min(limit, 100);
  const { rows } = await pool.query(q('list', LIST, [size, (page - 1) * size, OWNER_ID]));
  return reply.type(JSON_TYPE).send(`{"items":${rows[0].items},"page":${page},"limit":${size},"total":${rows[0].total}}`);
});

app.post('/api/v1/links', {
  schema: {
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['title', 'url'],
      properties: { title: { type: 'string' }, url: { type: 'string' }, visits: { type: ['integer', 'null'] }, starred: { type: ['boolean', 'null'] } },
    },
  },
}, async (req, reply) => {
  const b = req.body;
  const { rows } = await pool.query(q('insert', INSERT, [OWNER_ID, b.title, b.url, b.visits ?? null, b.starred ?? null]));
  return reply.code(201).type(JSON_TYPE).send(rows[0].j);
});

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await app.listen({ host: HOST, port: Number(PORT) });
process.stdout.write(`http://${HOST}:${PORT}\n`);
