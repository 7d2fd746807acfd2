/**
 * Load for one server and scenario with autocannon 9 (programmatic API, in the bench process):
 * a warm-up run whose numbers are dropped, then the measured run. get-by-id rotates over the
 * 1,000 seeded ids (one shared counter, so consecutive requests ask for different rows).
 */
import autocannon from 'autocannon';

/**
 * What each scenario sends to a server. `paths` maps the suite's scenario to the server's URL:
 * featspec and the ceiling share the design's paths; json-server has its own.
 */
export function scenarios({ api, ids, headers, createBody, listPath }) {
  let next = 0;
  return {
    get: {
      method: 'GET',
      headers,
      setupRequest: (req) => {
        req.path = `${api}/${ids[next++ % ids.length]}`;
        return req;
      },
    },
    list: { method: 'GET', headers, path: listPath },
    create: { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: createBody, path: api },
  };
}

function fire(base, request, { connections, duration }) {
  return new Promise((resolve, reject) => {
    const { setupRequest, path, ...rest } = request;
    const inst = autocannon({
      // autocannon takes a fixed path from the URL; setupRequest sets it per request.
      url: `${base}${path ?? ''}`,
      connections,
      duration,
      timeout: 10,
      ...rest,
      ...(setupRequest ? { requests: [{ setupRequest }] } : {}),
    }, (err, result) => (err ? reject(err) : resolve(result)));
    inst.on('error', reject);
  });
}

/**
 * Warm up for `warmup` s, then measure for `duration` s. CPU seconds of the server process
 * (`server.cpu()`) and of the database server's processes (`dbCpu()`, when given) are read around the
 * measured run.
 */
export async function measureScenario(server, request, { connections, duration, warmup, dbCpu = null }) {
  if (warmup > 0) await fire(server.base, request, { connections, duration: warmup });
  const cpu0 = server.cpu();
  const db0 = dbCpu?.() ?? null;
  const r = await fire(server.base, request, { connections, duration });
  const cpu1 = server.cpu();
  const db1 = dbCpu?.() ?? null;
  const ok = r['2xx'];
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return {
    requests: r.requests.total,
    ok,
    rps: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statuses,
    seconds: r.duration,
    cpuMsPerRequest: cpu0 === null || cpu1 === null || ok === 0 ? null : ((cpu1 - cpu0) * 1000) / ok,
    dbCpuMsPerRequest: db0 === null || db1 === null || ok === 0 ? null : ((db1 - db0) * 1000) / ok,
  };
}
