/**
 * The code of the PGlite worker thread (see pglite.ts), as the text of a CommonJS script run with
 * `new Worker(text, { eval: true })`: the same text works from the TypeScript sources (tests), the tsc
 * output and the bundled CLI, since no file path has to be found. PGlite itself is imported from the
 * file URL the main thread resolved (`workerData.pglite`).
 *
 * Messages are `{ id, op, ... }`; every one is answered `{ id, ok }` or `{ id, error }` (an error keeps
 * the SQLSTATE and the fields problem mapping reads). Operations:
 * - `open { options }`: create the database; `close`: close it (files flushed).
 * - `query { sql, params, tx? }` / `exec { sql, tx? }`: PGlite's query (rows) and exec, in transaction
 *   `tx` when given, else on their own.
 * - `begin { tx }`: open transaction `tx` (other work waits for it); `end { tx, commit }` ends it.
 * - `batch { statements }`: a request batch (batch.ts) written as one protocol message ending in Sync,
 *   run while no query or transaction holds the database; the answer is the last statement's rows.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const FIELDS = ['code', 'detail', 'hint', 'constraint', 'column', 'table', 'schema', 'dataType', 'severity', 'position', 'where'];
// PGlite loads while the main thread prepares the 'open' message.
const loading = import(workerData.pglite);
loading.catch(() => undefined);
let pglite = null;
let db = null;
const txs = new Map();

function errorOf(e) {
  const out = { message: e && e.message ? String(e.message) : String(e) };
  for (const k of FIELDS) if (e && e[k] !== undefined && e[k] !== null) out[k] = e[k];
  return out;
}
const answer = (id, ok) => parentPort.postMessage({ id, ok });
const fail = (id, e) => parentPort.postMessage({ id, error: errorOf(e) });
const target = (tx) => {
  if (tx === undefined) return db;
  const t = txs.get(tx);
  if (!t || !t.tx) throw new Error('transaction ' + tx + ' is not open');
  return t.tx;
};

function concat(parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function batch(statements) {
  const s = pglite.protocol.serialize;
  const parts = [];
  for (const st of statements) {
    if (st.parse) {
      if (st.name !== '') parts.push(s.close({ type: 'S', name: st.name }));
      parts.push(s.parse({ name: st.name, text: st.text, types: [] }));
    }
    parts.push(s.bind({ statement: st.name, values: st.values }));
    if (st.describe) parts.push(s.describe({ type: 'P' }));
    parts.push(s.execute({}));
  }
  parts.push(s.sync());
  return db._runExclusiveTransaction(() => db.runExclusive(async () => {
    const { messages } = await db.execProtocol(concat(parts));
    // The results of all statements but the last (the caller context) are not the request's.
    let from = 0;
    for (let done = 0; done < statements.length - 1; from++) if (messages[from].name === 'commandComplete') done++;
    const results = pglite.parse.parseResults(messages.slice(from), db.parsers);
    return results[results.length - 1].rows;
  }));
}

function begin(id, tx) {
  const t = { tx: null, end: null, outcome: null };
  txs.set(tx, t);
  t.outcome = db.transaction((handle) => {
    t.tx = handle;
    answer(id, null);
    return new Promise((resolve, reject) => {
      t.end = { resolve, reject };
    });
  });
  t.outcome.catch((e) => {
    if (!t.tx) {
      txs.delete(tx);
      fail(id, e);
    }
  });
}

async function end(id, tx, commit) {
  const t = txs.get(tx);
  if (!t || !t.end) throw new Error('transaction ' + tx + ' is not open');
  txs.delete(tx);
  const rollback = new Error('rolled back');
  if (commit) t.end.resolve();
  else t.end.reject(rollback);
  try {
    await t.outcome;
  } catch (e) {
    if (e !== rollback) throw e;
  }
  answer(id, null);
}

parentPort.on('message', async (m) => {
  try {
    switch (m.op) {
      case 'open':
        pglite = await loading;
        db = await pglite.PGlite.create({ ...m.options, startParams: [...pglite.PGlite.defaultStartParams, ...m.startParams] });
        return answer(m.id, null);
      case 'query':
        return answer(m.id, (await target(m.tx).query(m.sql, m.params)).rows);
      case 'exec':
        await target(m.tx).exec(m.sql);
        return answer(m.id, null);
      case 'begin':
        return begin(m.id, m.tx);
      case 'end':
        return await end(m.id, m.tx, m.commit);
      case 'batch':
        return answer(m.id, await batch(m.statements));
      case 'close':
        if (db && !db.closed) await db.close();
        return answer(m.id, null);
      default:
        throw new Error('unknown operation ' + m.op);
    }
  } catch (e) {
    fail(m.id, e);
  }
});
`;
