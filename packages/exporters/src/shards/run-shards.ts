import { buildShard, type ShardSummary, type ShardTask } from "./build-shard.js";
import { ShardPool } from "./shard-pool.js";

export interface RunShardsOptions {
  /** Worker threads; 1 builds every shard in this thread. */
  workers: number;
  /** Root records (households) done across all shards, as it grows. */
  onProgress?: (records: number) => void;
}

/**
 * Builds the shards, in parallel on worker threads when `workers` > 1; summaries come back in shard
 * order. The first failure stops the rest.
 */
export async function runShards(tasks: readonly ShardTask[], options: RunShardsOptions): Promise<ShardSummary[]> {
  const progress = new Map<number, number>();
  const report = (shard: number, records: number) => {
    progress.set(shard, records);
    options.onProgress?.([...progress.values()].reduce((a, b) => a + b, 0));
  };
  const threads = Math.min(options.workers, tasks.length);
  if (threads <= 1) {
    const summaries: ShardSummary[] = [];
    for (const task of tasks) summaries.push(await buildShard(task, { onProgress: (n) => report(task.shard, n) }));
    return summaries;
  }
  const pool = new ShardPool(threads);
  try {
    return await Promise.all(tasks.map((task) => pool.build(task, (n) => report(task.shard, n))));
  } finally {
    await pool.close();
  }
}
