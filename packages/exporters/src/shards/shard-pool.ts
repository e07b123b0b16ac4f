import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ShardSummary, ShardTask } from "./build-shard.js";
import type { WorkerMessage, WorkerRequest } from "./shard-worker.js";

interface Job {
  id: number;
  task: ShardTask;
  onProgress?: (records: number) => void;
  resolve: (summary: ShardSummary) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that build shards, kept alive between shards: starting a thread (and, from source,
 * compiling the packages in it) costs far more than a small shard. At most `size` shards build at
 * once; more wait their turn. A thread that dies fails its shard, and the next shard gets a new thread.
 * A thread idle for `idleMs` stops, giving its heap back: a worker process between snapshots, or
 * exporting one, should not hold two shard builders' memory.
 */
export class ShardPool {
  private readonly idle: Worker[] = [];
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private threads = 0;
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly idleMs = 5_000,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a shard pool needs at least one thread (got ${size})`);
  }

  build(task: ShardTask, onProgress?: (records: number) => void): Promise<ShardSummary> {
    if (this.closed) return Promise.reject(new Error("the shard pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  /** Threads running now, building or idle. */
  get threadCount(): number {
    return this.threads;
  }

  /**
   * Stops the idle threads now rather than after `idleMs`: a worker about to run a step that is not a
   * shard (a key check, a part's export) gives their heaps back first, so that step's memory does not
   * stack on two idle shard builders'. A later shard starts a thread again.
   */
  async retireIdle(): Promise<void> {
    const idle = this.idle.splice(0);
    for (const worker of idle) {
      clearTimeout(this.idleTimers.get(worker));
      this.idleTimers.delete(worker);
      this.threads--;
    }
    await Promise.all(idle.map((w) => w.terminate()));
  }

  /** Stops every thread; shards still building or waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the shard pool closed before the shard was built"));
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const all = [...this.idle.splice(0), ...this.busy.keys()];
    for (const [, job] of this.busy) job.reject(new Error("the shard pool closed while the shard was building"));
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.threads < this.size ? this.start() : undefined);
      if (!worker) return;
      clearTimeout(this.idleTimers.get(worker));
      this.idleTimers.delete(worker);
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, task: job.task } satisfies WorkerRequest);
    }
  }

  private start(): Worker {
    this.threads++;
    const worker = startWorker();
    // Idle threads must not keep the process alive; a shard in progress keeps its caller waiting anyway.
    worker.unref();
    worker.on("message", (message: WorkerMessage) => {
      const job = this.busy.get(worker);
      if (!job || message.id !== job.id) return;
      if (message.type === "progress") {
        try {
          job.onProgress?.(message.records);
        } catch (error) {
          // A progress callback that throws (a caller stopping the build) fails the shard.
          this.finish(worker, job, () => job.reject(error as Error));
        }
        return;
      }
      this.finish(worker, job, () =>
        message.type === "done" ? job.resolve(message.summary) : job.reject(Object.assign(new Error(`shard ${job.task.shard} failed: ${message.message}`), { stack: message.stack })),
      );
    });
    const lost = (error: Error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.threads--;
      job?.reject(error);
      if (!this.closed) this.dispatch();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => {
      if (!this.closed && this.busy.has(worker)) lost(new Error(`a shard worker thread exited with code ${code}`));
    });
    return worker;
  }

  private finish(worker: Worker, job: Job, settle: () => void): void {
    if (this.busy.get(worker) !== job) return;
    this.busy.delete(worker);
    this.idle.push(worker);
    settle();
    this.dispatch();
    if (this.idle.includes(worker)) this.retireWhenIdle(worker);
  }

  private retireWhenIdle(worker: Worker): void {
    const timer = setTimeout(() => {
      this.idleTimers.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at < 0) return;
      this.idle.splice(at, 1);
      this.threads--;
      void worker.terminate();
    }, this.idleMs);
    timer.unref();
    this.idleTimers.set(worker, timer);
  }
}

/**
 * A worker thread. Built code runs shard-worker.js. From source (tests, `pnpm sdh`) the thread
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
  const entry = new URL("./shard-worker.ts", here).href;
  const boot = `import(${JSON.stringify(tsxEsmApi(here))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, execArgv: ["--conditions=sdh-source"], resourceLimits });
}

/** tsx's ESM register API (its "import" export: require.resolve would pick the CommonJS one). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve("tsx/package.json");
  const exported = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"]!;
  return pathToFileURL(join(dirname(manifest), exported.import.default)).href;
}
