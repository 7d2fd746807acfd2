/** The machine a benchmark ran on, for the report. */
import { cpus, platform, release, totalmem } from 'node:os';

export function machine() {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: (c[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    memGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

export const describeMachine = (m) => `${m.cpus} × ${m.cpuModel}, ${m.memGb} GB RAM, ${m.os}, Node ${m.node}`;
