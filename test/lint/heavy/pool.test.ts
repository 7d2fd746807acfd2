import { describe, expect, it } from 'vitest';
import { checkDiagrams } from '../../../src/lint/heavy/mermaid-batch.js';
import type { DiagramResult } from '../../../src/lint/heavy/mermaid-error.js';
import { runPool } from '../../../src/lint/heavy/pool.js';

const FAKE = new URL('../../fixtures/lint-heavy/fake-worker.mjs', import.meta.url);
const worker = (input: string): DiagramResult => ({ ok: false, message: `worker saw ${input.length} chars`, offset: null });

describe('runPool', () => {
  it('answers every job, spread over the workers', async () => {
    const inputs = Array.from({ length: 40 }, (_v, i) => 'x'.repeat(i));
    expect(await runPool(FAKE, inputs, 2)).toEqual(inputs.map(worker));
  });

  it('a worker that dies leaves only its own job unanswered; the others finish the queue', async () => {
    const inputs = ['a', 'bb', 'exit-worker', 'ccc', 'dddd', 'throw-in-worker', 'eeeee', 'ffffff'];
    const out = await runPool<string, DiagramResult>(FAKE, inputs, 3);
    expect(out).toEqual([worker('a'), worker('bb'), undefined, worker('ccc'), worker('dddd'), undefined, worker('eeeee'), worker('ffffff')]);
  });

  it('when every worker dies, the jobs left are unanswered and the promise still resolves', async () => {
    expect(await runPool(FAKE, ['exit-worker 1', 'exit-worker 2', 'left', 'over'], 2)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a worker module that does not exist answers nothing', async () => {
    expect(await runPool(new URL('./no-such-worker.mjs', FAKE), ['a', 'b'], 2)).toEqual([undefined, undefined]);
  });
});

describe('checkDiagrams', () => {
  const flow = (i: number) => `flowchart TD\n    A${i} --> B${i}`;

  it('uses workers above the threshold and parses what a dead worker left in this thread', async () => {
    const codes = [flow(1), flow(2), `${flow(3)}\n    %% exit-worker`, flow(4), flow(2)];
    const r = await checkDiagrams(codes, { workers: 2, threshold: 2, workerUrl: FAKE, cache: new Map() });
    expect(r.workers).toBe(2);
    expect(r.parsed).toBe(4);
    expect(r.results.get(flow(1))).toEqual(worker(flow(1)));
    expect(r.results.get(flow(4))).toEqual(worker(flow(4)));
    // the worker died on this one: mermaid itself parsed it here
    expect(r.results.get(`${flow(3)}\n    %% exit-worker`)).toEqual({ ok: true });
  }, 60_000);

  it('parses in this thread at or below the threshold, and each text once', async () => {
    const cache = new Map<string, DiagramResult>();
    const codes = [flow(1), 'dataflow\n  A --> B', flow(1)];
    const first = await checkDiagrams(codes, { threshold: 50, workerUrl: FAKE, cache });
    expect(first.workers).toBe(0);
    expect(first.parsed).toBe(2);
    expect(first.results.get(flow(1))).toEqual({ ok: true });
    expect(first.results.get('dataflow\n  A --> B')).toMatchObject({ ok: false, offset: null });
    const again = await checkDiagrams([...codes, flow(5)], { threshold: 50, cache });
    expect(again.parsed).toBe(1);
    expect(again.results.size).toBe(3);
  }, 60_000);

  it('without a compiled worker module (running from src/), large batches are parsed in this thread', async () => {
    const codes = Array.from({ length: 60 }, (_v, i) => flow(100 + i));
    const r = await checkDiagrams(codes, { cache: new Map() });
    expect(r.workers).toBe(0);
    expect([...r.results.values()].every((x) => x.ok)).toBe(true);
  }, 60_000);
});
