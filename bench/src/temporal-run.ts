import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultSnapshotId } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import type { SnapshotInput, SnapshotResult } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";
import { peakStepOf } from "./worker-peak.js";
import type { RunOutput } from "./child.js";
import { activitySpans, criticalPath } from "./critical-path.js";

const cliDist = fileURLToPath(new URL("../../apps/cli/dist/main.js", import.meta.url));
const cliSource = fileURLToPath(new URL("../../apps/cli/src/main.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

export interface TemporalEnv {
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
}

/** What a worker process used, from its last log line. */
export interface WorkerUsage {
  peakRssMb: number;
  /** User and system CPU of every thread, in seconds. */
  cpuSeconds: number;
  /** The activity that raised the worker's memory to its peak (peakStepOf), or null. */
  peakStep: string | null;
}

/** `sdh worker` as production runs it: the built CLI when there is one (`pnpm build`), else the source. */
export function startWorker(env: TemporalEnv, taskQueue: string, staging: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; stopped: Promise<WorkerUsage> }> {
  const [command, args] = existsSync(cliDist) ? [process.execPath, [cliDist]] : [tsx, ["--conditions=sdh-source", cliSource]];
  // INFO: each activity's end line carries the worker's memory, from which peakStepOf names the step that set its peak.
  const child = spawn(command, [...args, "worker", "--task-queue", taskQueue, "--staging", staging, ...extraArgs], { env: { ...process.env, ...env, SDH_LOG_LEVEL: "INFO" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  // The worker's last log line, on a graceful stop, carries its peak RSS and CPU time.
  const stopped = new Promise<WorkerUsage>((resolve, reject) =>
    child.on("exit", () => {
      const line = output.split("\n").find((l) => l.includes('"worker stopped"'));
      if (!line) return reject(new Error(`worker did not stop cleanly: ${output.slice(-2000)}`));
      const { peakRssMb, cpuSeconds } = JSON.parse(line) as WorkerUsage;
      resolve({ peakRssMb, cpuSeconds, peakStep: peakStepOf(output, peakRssMb) });
    }),
  );
  return new Promise((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('"worker started"')) {
        clearInterval(check);
        resolve({ child, stopped });
      } else if (child.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`worker exited early: ${output}`));
      }
    }, 100);
  });
}

/** Where and how a run publishes (default: the single-file layout to a local folder). */
export interface RunTarget {
  /** The parts layout (ADR 0028), root records per part (a multiple of the shard size, 50,000 by default): each part's worker uploads its own files. */
  roots?: number;
  /** `s3://bucket/prefix`: each run publishes under its own folder of it. */
  target?: string;
}

/**
 * One snapshot of `persons` through Temporal (by default the single-file layout to a folder): `workers` worker processes on a private task queue
 * (one machine: one shared staging folder), timed from the workflow's start to its result. The
 * workers are started before and stopped after, as long-running workers are. Returns the wall time,
 * and the peak RSS of each worker process with the step that set it.
 */
export async function throughTemporal(env: TemporalEnv, persons: number, workers: number, run: RunTarget = {}): Promise<RunOutput & { workerRssMb: number[]; workerPeakSteps: Array<string | null>; cpuSeconds: number; cpuMicrosPerRow: number }> {
  const root = mkdtempSync(join(tmpdir(), "sdh-bench-temporal-"));
  const taskQueue = `bench-${randomUUID()}`;
  const started = await Promise.all(Array.from({ length: workers }, () => startWorker(env, taskQueue, join(root, "staging"))));
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  try {
    const config = parseSnapshotConfig({ records: persons, ...(run.roots ? { layout: { kind: "parts", roots: run.roots } } : {}) });
    const snapshotId = `${defaultSnapshotId(config)}-${randomUUID().slice(0, 8)}`;
    const input: SnapshotInput = { config, snapshotId, target: run.target ? `${run.target}/${snapshotId}` : join(root, "published") };
    const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
    const t0 = performance.now();
    const handle = await client.workflow.start<(i: SnapshotInput) => Promise<SnapshotResult>>("snapshotWorkflow", { taskQueue, workflowId: `bench-${input.snapshotId}`, args: [input] });
    const result = await handle.result();
    const seconds = (performance.now() - t0) / 1000;
    for (const w of started) w.child.kill("SIGTERM");
    const usage = await Promise.all(started.map((w) => w.stopped));
    const workerRssMb = usage.map((u) => u.peakRssMb);
    const workerPeakSteps = usage.map((u) => u.peakStep);
    // Every worker's CPU, the shards', export's and publish's alike: what a row costs through Temporal.
    const cpuSeconds = usage.reduce((n, u) => n + u.cpuSeconds, 0);
    // Every record of every entity, as `sdh generate`'s stage counts them (before 2026-11-30 only persons, vehicles and profiles were).
    const count = Object.values(result.counts).reduce((sum: number, n) => sum + (n ?? 0), 0);
    // Workers on one machine share its cores: the chain of activities that waited on one another, and
    // the longest single activity, say more about what machines added would give than the wall time.
    const spans = activitySpans(await handle.fetchHistory());
    const path = criticalPath(spans);
    // What issue 37 asks to shrink: the longest activity after the shards (the whole export, before the parts layout).
    const afterShards = spans.filter((a) => a.type !== "generateShard").reduce<(typeof spans)[number] | null>((a, b) => (!a || b.closed - b.started > a.closed - a.started ? b : a), null);
    const longestAfterShards = afterShards && { type: afterShards.type, seconds: (afterShards.closed - afterShards.started) / 1000 };
    const steps = path.byType.map((t) => `${t.type}${t.activities > 1 ? ` ×${t.activities}` : ""} ${t.seconds.toFixed(1)} s`).join(", ");
    process.stderr.write(`    critical path ${path.seconds.toFixed(1)} s: ${steps}; longest activity ${path.longest?.type} ${path.longest?.seconds.toFixed(1)} s; after the shards ${longestAfterShards?.type} ${longestAfterShards?.seconds.toFixed(1)} s\n`);
    return { seconds, count, bytes: result.bytes, peakRssMb: Math.max(...workerRssMb), workerRssMb, workerPeakSteps, cpuSeconds, cpuMicrosPerRow: (cpuSeconds / count) * 1e6, criticalPathSeconds: path.seconds, criticalPath: path.byType, longestActivity: path.longest, longestAfterShards };
  } finally {
    for (const w of started) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await connection.close();
    rmSync(root, { recursive: true, force: true });
  }
}
