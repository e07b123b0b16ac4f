import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Seconds: a healthcheck takes milliseconds, a shard ~10 s, an export of 1M households tens of minutes. */
const STEP_BUCKETS = [0.05, 0.25, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];

/**
 * What a worker counts, in Prometheus's text format beside Node's process metrics (RSS, CPU, event
 * loop lag). Counters only grow: rates per second are PromQL's job (`rate(sdh_records_built_total[1m])`).
 * Each worker process has its own registry, so tests can run several in one process.
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly stepSeconds = new Histogram({ name: "sdh_step_duration_seconds", help: "Activity (step) duration, by activity and outcome", labelNames: ["activity", "outcome"], buckets: STEP_BUCKETS, registers: [this.registry] });
  private readonly failures = new Counter({ name: "sdh_step_failures_total", help: "Failed activity attempts, by activity and failure type (the ApplicationFailure type, else the error's name)", labelNames: ["activity", "type"], registers: [this.registry] });
  private readonly running = new Gauge({ name: "sdh_steps_running", help: "Activities running now, by activity", labelNames: ["activity"], registers: [this.registry] });
  private readonly shards = new Counter({ name: "sdh_shards_total", help: "Shard activities completed, by pack and whether the shard was built or found already staged", labelNames: ["pack", "result"], registers: [this.registry] });
  private readonly records = new Counter({ name: "sdh_records_built_total", help: "Records generated, by pack and entity (the root entity counts as it is built, the others when their shard ends)", labelNames: ["pack", "entity"], registers: [this.registry] });
  private readonly stagedBytes = new Counter({ name: "sdh_staged_bytes_total", help: "Bytes written to staging, by step (generateShard: segments and key files; exportSnapshot: data files)", labelNames: ["step"], registers: [this.registry] });
  private readonly publishedBytes = new Counter({ name: "sdh_published_bytes_total", help: "Bytes of snapshot files uploaded to S3 or moved into a folder target, by target kind", labelNames: ["target"], registers: [this.registry] });
  private readonly ready = new Gauge({ name: "sdh_worker_ready", help: "1 while the worker is connected and polling, 0 while it starts or drains", registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Times one activity attempt: call the result when it ends, with the error if it failed. */
  stepStarted(activity: string): (error?: unknown) => void {
    const end = this.stepSeconds.startTimer({ activity });
    this.running.inc({ activity });
    return (error) => {
      this.running.dec({ activity });
      end({ outcome: error === undefined ? "completed" : "failed" });
      if (error !== undefined) this.failures.inc({ activity, type: failureType(error) });
    };
  }

  /** Root records built so far in a shard: each call adds what is new since the last one. */
  rootProgress(pack: string, rootEntity: string): (doneInShard: number) => void {
    let counted = 0;
    return (done) => {
      if (done > counted) this.records.inc({ pack, entity: rootEntity }, done - counted);
      counted = Math.max(counted, done);
    };
  }

  /** A shard ended: its other entities' records (the root's were counted as they were built) and its bytes. */
  shardBuilt(pack: string, rootEntity: string, counts: Record<string, number>, bytes: number): void {
    this.shards.inc({ pack, result: "built" });
    for (const [entity, n] of Object.entries(counts)) if (entity !== rootEntity && n > 0) this.records.inc({ pack, entity }, n);
    if (bytes > 0) this.stagedBytes.inc({ step: "generateShard" }, bytes);
  }

  shardReused(pack: string): void {
    this.shards.inc({ pack, result: "reused" });
  }

  exported(bytes: number): void {
    if (bytes > 0) this.stagedBytes.inc({ step: "exportSnapshot" }, bytes);
  }

  published(target: "s3" | "folder", bytes: number): void {
    if (bytes > 0) this.publishedBytes.inc({ target }, bytes);
  }

  setReady(ready: boolean): void {
    this.ready.set(ready ? 1 : 0);
  }

  /** The exposition text (version 0.0.4). */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}

/** The failure's type as an operator filters by it: an ApplicationFailure's `type`, else the error class. */
function failureType(error: unknown): string {
  if (error && typeof error === "object") {
    const { type, name } = error as { type?: unknown; name?: unknown };
    if (typeof type === "string" && type) return type;
    if (typeof name === "string" && name) return name;
  }
  return "Error";
}
