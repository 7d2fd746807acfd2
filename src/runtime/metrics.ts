/**
 * Prometheus metrics: request counts and durations by method, route and status (own registry per app).
 * The two request metrics are plain counters kept here and written in Prometheus' text format when
 * scraped (a request costs two Map lookups, not prom-client's label hashing); the process metrics
 * (`featspec_process_*`, `featspec_nodejs_*`) come from prom-client's registry.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface Metrics {
  registry: Registry;
  contentType: string;
  observe(method: string, route: string, status: number, seconds: number): void;
  /** Every metric in Prometheus' text exposition format. */
  text(): Promise<string>;
}

/** A label value as the text format writes it (backslash, double quote and newline escaped). */
const labelValue = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

interface Count {
  labels: string;
  n: number;
}

interface Duration {
  labels: string;
  buckets: number[];
  sum: number;
  count: number;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'featspec_' });
  // method -> route -> (status -> count, and the duration histogram): lookups by the same string objects.
  const series = new Map<string, Map<string, { counts: Map<number, Count>; duration: Duration }>>();

  function requestsText(): string {
    const lines = ['# HELP featspec_requests_total HTTP requests answered', '# TYPE featspec_requests_total counter'];
    const all = [...series.values()].flatMap((byRoute) => [...byRoute.values()]);
    for (const s of all) for (const c of s.counts.values()) lines.push(`featspec_requests_total{${c.labels}} ${c.n}`);
    lines.push('', '# HELP featspec_request_duration_seconds Time to answer an HTTP request', '# TYPE featspec_request_duration_seconds histogram');
    for (const { duration: d } of all) {
      let cumulative = 0;
      DURATION_BUCKETS.forEach((le, i) => {
        cumulative += d.buckets[i]!;
        lines.push(`featspec_request_duration_seconds_bucket{le="${le}",${d.labels}} ${cumulative}`);
      });
      lines.push(`featspec_request_duration_seconds_bucket{le="+Inf",${d.labels}} ${d.count}`);
      lines.push(`featspec_request_duration_seconds_sum{${d.labels}} ${d.sum}`, `featspec_request_duration_seconds_count{${d.labels}} ${d.count}`);
    }
    return `${lines.join('\n')}\n`;
  }

  return {
    registry,
    contentType: registry.contentType,
    observe(method, route, status, seconds) {
      let byRoute = series.get(method);
      if (!byRoute) series.set(method, (byRoute = new Map()));
      let s = byRoute.get(route);
      const labels = () => `method="${labelValue(method)}",route="${labelValue(route)}"`;
      if (!s) byRoute.set(route, (s = { counts: new Map(), duration: { labels: labels(), buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 } }));
      let c = s.counts.get(status);
      if (!c) s.counts.set(status, (c = { labels: `${labels()},status="${status}"`, n: 0 }));
      c.n++;
      const d = s.duration;
      let i = 0;
      while (i < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[i]!) i++;
      if (i < DURATION_BUCKETS.length) d.buckets[i]!++;
      d.sum += seconds;
      d.count++;
    },
    async text() {
      return `${await registry.metrics()}\n${requestsText()}`;
    },
  };
}
