// Entry point of a worker thread that builds shards (see ShardPool): one task at a time, progress
// and the summary posted back with the request's id. Errors are posted, not thrown, so the pool
// can name the shard and keep the thread.
import { parentPort } from "node:worker_threads";
import { buildShard, type ShardSummary, type ShardTask } from "./build-shard.js";

export interface WorkerRequest {
  id: number;
  task: ShardTask;
}

export type WorkerMessage =
  | { type: "progress"; id: number; records: number }
  | { type: "done"; id: number; summary: ShardSummary }
  | { type: "failed"; id: number; message: string; stack?: string };

const port = parentPort!;
port.on("message", ({ id, task }: WorkerRequest) => {
  buildShard(task, { onProgress: (records) => port.postMessage({ type: "progress", id, records } satisfies WorkerMessage) })
    .then((summary) => port.postMessage({ type: "done", id, summary } satisfies WorkerMessage))
    .catch((error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ type: "failed", id, message: e.message, stack: e.stack } satisfies WorkerMessage);
    });
});
