/** Worker-thread entry: load mermaid once, then check the diagrams the pool sends, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { DiagramResult } from './mermaid-error.js';
import { loadMermaid } from './mermaid-load.js';
import type { JobMessage, ResultMessage } from './pool.js';

const port = parentPort;
if (port) {
  const checker = loadMermaid();
  port.on('message', (job: JobMessage<string>) => {
    void checker.then(async (c) => {
      port.postMessage({ id: job.id, output: await c.check(job.input) } satisfies ResultMessage<DiagramResult>);
    });
  });
}
