import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { buildShard, type ShardSummary, type ShardTask } from "./build-shard.js";
import type { WorkerMessage } from "./shard-worker.js";

export interface RunShardsOptions {
  /** Worker threads; 1 builds every shard in this thread. */
  workers: number;
  /** Persons done across all shards, as it grows. */
  onProgress?: (persons: number) => void;
}

/** Builds the shards, in parallel on worker threads when `workers` > 1; summaries come back in shard order. */
export async function runShards(tasks: readonly ShardTask[], options: RunShardsOptions): Promise<ShardSummary[]> {
  const progress = new Map<number, number>();
  const report = (shard: number, persons: number) => {
    progress.set(shard, persons);
    if (options.onProgress) options.onProgress([...progress.values()].reduce((a, b) => a + b, 0));
  };
  const threads = Math.min(options.workers, tasks.length);
  if (threads <= 1) {
    const summaries: ShardSummary[] = [];
    for (const task of tasks) summaries.push(await buildShard(task, { onProgress: (n) => report(task.shard, n) }));
    return summaries;
  }
  return runOnWorkers(tasks, threads, report);
}

function runOnWorkers(tasks: readonly ShardTask[], threads: number, report: (shard: number, persons: number) => void): Promise<ShardSummary[]> {
  const summaries = new Map<number, ShardSummary>();
  const workers: Worker[] = [];
  const retired = new Set<Worker>();
  let next = 0;
  return new Promise<ShardSummary[]>((resolve, reject) => {
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const feed = (worker: Worker) => {
      if (failed) return;
      if (next < tasks.length) worker.postMessage(tasks[next++]);
      else {
        retired.add(worker);
        void worker.terminate();
      }
    };
    for (let i = 0; i < threads; i++) {
      const worker = startWorker();
      workers.push(worker);
      worker.on("message", (message: WorkerMessage) => {
        if (message.type === "progress") {
          try {
            report(message.shard, message.persons);
          } catch (error) {
            fail(error as Error); // a progress callback that throws (a caller stopping the build) ends the run
          }
        }
        else if (message.type === "failed") fail(Object.assign(new Error(`shard ${message.shard} failed: ${message.message}`), { stack: message.stack }));
        else {
          summaries.set(message.summary.shard, message.summary);
          if (summaries.size === tasks.length) {
            for (const w of workers) retired.add(w);
            for (const w of workers) void w.terminate();
            resolve(tasks.map((t) => summaries.get(t.shard)!));
          } else feed(worker);
        }
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (!retired.has(worker)) fail(new Error(`a shard worker exited with code ${code}`));
      });
      feed(worker);
    }
  });
}

/**
 * The worker thread. Built code runs shard-worker.js. From source (tests, `pnpm sdh`) the worker
 * registers tsx's loader before importing shard-worker.ts, and resolves workspace packages to their
 * sources as its parent does; a TypeScript entry given to Worker directly (or tsx via --import in
 * execArgv) fails on Node 20, whose worker loads its entry before any --import hook applies.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  // A larger young generation: a shard allocates short-lived strings at a high rate, and scavenges
  // took ~10% of a shard's time at V8's default size (measured: 100k persons, 8.9 s → 7.7 s).
  const resourceLimits = { maxYoungGenerationSizeMb: 96 };
  if (!here.endsWith(".ts")) return new Worker(new URL("./shard-worker.js", here), { resourceLimits });
  const tsxApi = tsxEsmApi(here);
  const entry = new URL("./shard-worker.ts", here).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, execArgv: ["--conditions=sdh-source"], resourceLimits });
}

/** tsx's ESM register API (its "import" export: require.resolve would pick the CommonJS one). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve("tsx/package.json");
  const exported = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"]!;
  return pathToFileURL(join(dirname(manifest), exported.import.default)).href;
}
