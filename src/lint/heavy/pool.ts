/**
 * A small worker-thread pool for a batch of independent jobs. Each worker takes one job at a time
 * (`{ id, input }` in, `{ id, output }` out; a round trip costs ~0.06 ms, nothing next to a parse).
 * When a worker dies, its job stays unanswered and the other workers go on; the caller does the
 * unanswered jobs itself. All workers are ended before the promise resolves, so nothing keeps the
 * process alive afterwards.
 */
import { Worker } from 'node:worker_threads';

export interface JobMessage<T> {
  id: number;
  input: T;
}

export interface ResultMessage<R> {
  id: number;
  output: R;
}

/** Outputs by job index; `undefined` where no worker answered (it crashed or could not start). */
export function runPool<T, R>(workerUrl: URL, inputs: readonly T[], size: number): Promise<(R | undefined)[]> {
  const outputs = new Array<R | undefined>(inputs.length).fill(undefined);
  const count = Math.max(0, Math.min(size, inputs.length));
  if (count === 0) return Promise.resolve(outputs);
  let next = 0;
  let running = count;
  return new Promise((resolve) => {
    const done = () => {
      running--;
      if (running === 0) resolve(outputs);
    };
    for (let w = 0; w < count; w++) {
      let worker: Worker;
      try {
        worker = new Worker(workerUrl);
      } catch {
        done();
        continue;
      }
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        void worker.terminate().finally(done);
      };
      const feed = () => {
        if (next >= inputs.length) return end();
        const id = next++;
        worker.postMessage({ id, input: inputs[id]! } satisfies JobMessage<T>);
      };
      worker.on('message', (m: ResultMessage<R>) => {
        outputs[m.id] = m.output;
        feed();
      });
      worker.on('error', end);
      worker.on('exit', () => {
        if (!ended) {
          ended = true;
          done();
        }
      });
      feed();
    }
  });
}
