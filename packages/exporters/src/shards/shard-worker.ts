// Entry point of a worker thread that builds shards (see runShards): one task at a time, progress
// and the summary posted back. Errors are posted, not thrown, so the pool can name the shard.
import { parentPort } from "node:worker_threads";
import { buildShard, type ShardTask } from "./build-shard.js";

export type WorkerMessage =
  | { type: "progress"; shard: number; persons: number }
  | { type: "done"; summary: Awaited<ReturnType<typeof buildShard>> }
  | { type: "failed"; shard: number; message: string; stack?: string };

const port = parentPort!;
port.on("message", (task: ShardTask) => {
  buildShard(task, { onProgress: (persons) => port.postMessage({ type: "progress", shard: task.shard, persons } satisfies WorkerMessage) })
    .then((summary) => port.postMessage({ type: "done", summary } satisfies WorkerMessage))
    .catch((error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ type: "failed", shard: task.shard, message: e.message, stack: e.stack } satisfies WorkerMessage);
    });
});
