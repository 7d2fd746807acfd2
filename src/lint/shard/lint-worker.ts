/**
 * Worker-thread entry of a parallel lint (see shard.ts). Messages:
 *   in  { job }                 -> out { kind: 'built', features: ArrayBuffer (v8-serialized Feature[]), docs }
 *   in  { shards: (ArrayBuffer | null)[] }   (every shard's features; null for this one)
 *                               -> out { kind: 'linted', diagnostics }
 *   any failure                 -> out { kind: 'failed', message }
 * Features travel as v8-serialized bytes so that the main thread only forwards them, never decodes them.
 */
import { deserialize, serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { Feature } from '../../model/schema.js';
import { buildShard, lintShard, type BuiltShard, type ShardJob } from './shard.js';

export type ToWorker = { job: ShardJob } | { shards: (ArrayBuffer | null)[] };
export type FromWorker =
  | { kind: 'built'; features: ArrayBuffer; docs: number }
  | { kind: 'linted'; diagnostics: unknown[] }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (port) {
  let built: BuiltShard | null = null;
  const fail = (e: unknown) => port.postMessage({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker);
  port.on('message', (msg: ToWorker) => {
    void (async () => {
      if ('job' in msg) {
        built = await buildShard(msg.job);
        const bytes = serialize(built.features);
        const features = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        port.postMessage({ kind: 'built', features, docs: built.docs.size } satisfies FromWorker, [features]);
      } else if (built) {
        const shards = msg.shards.map((b) => (b ? (deserialize(new Uint8Array(b)) as Feature[]) : []));
        port.postMessage({ kind: 'linted', diagnostics: await lintShard(built, shards) } satisfies FromWorker);
      }
    })().catch(fail);
  });
}
