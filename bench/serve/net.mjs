/** Small process and HTTP helpers of the serve suite: free ports, readiness polling, /proc readings. */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One HTTP request; resolves `{ status, headers, text }` (rejects on connection errors). */
export function http(url, { method = 'GET', headers = {}, body, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const h = { ...headers };
    if (data !== undefined) {
      h['content-type'] ??= 'application/json';
      h['content-length'] = Buffer.byteLength(data);
    }
    const req = request(url, { method, headers: h, agent: false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * Poll `url` every `everyMs` until it answers 200; resolves the time (ms, from `since`, an hrtime
 * bigint) of that answer. Rejects when `child` exits first or after `timeoutMs`.
 */
export function waitReady(url, { since, child, everyMs = 10, timeoutMs = 60_000 }) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (f, v) => {
      if (done) return;
      done = true;
      child?.removeListener('exit', onExit);
      f(v);
    };
    const onExit = (code, signal) => finish(reject, new Error(`the server exited (${signal ?? `code ${code}`}) before ${url} answered 200`));
    child?.once('exit', onExit);
    const deadline = Date.now() + timeoutMs;
    const poll = () => {
      if (done) return;
      http(url, { timeoutMs: 2000 }).then(
        (r) => (r.status === 200 ? finish(resolve, Number(process.hrtime.bigint() - since) / 1e6) : again()),
        () => again(),
      );
    };
    const again = () => {
      if (Date.now() > deadline) finish(reject, new Error(`${url} did not answer 200 within ${timeoutMs} ms`));
      else setTimeout(poll, everyMs);
    };
    poll();
  });
}

/** `VmHWM` (peak resident set) and `VmRSS` of a live process, in MB; nulls when /proc cannot say. */
export function memoryOf(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => {
      const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s);
      return m ? Number(m[1]) / 1024 : null;
    };
    return { peakMb: kb('VmHWM'), rssMb: kb('VmRSS') };
  } catch {
    return { peakMb: null, rssMb: null };
  }
}

const TICK = 100; // USER_HZ on Linux

/** User + system CPU seconds of a live process so far (from /proc/<pid>/stat), or null. */
export function cpuOf(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return null;
  }
}
