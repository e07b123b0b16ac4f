import { availableParallelism } from "node:os";
import { Worker, type NativeConnection } from "@temporalio/worker";
import { createActivities, type ActivityDeps } from "./activities.js";
import { activityLogging } from "./activity-logging.js";
import { activityMetrics } from "./activity-metrics.js";
import { SNAPSHOT_TASK_QUEUE } from "./task-queues.js";
import { prebuiltWorkflowBundle, workflowsPath } from "./workflow-source.js";
import type { WorkerMetrics } from "./worker-metrics.js";
import type { WorkerVersion } from "./worker-version.js";

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue?: string;
  activityDeps?: ActivityDeps;
  /**
   * Activities this worker runs at once (default: one per core). Each shard activity keeps a core
   * busy on its own thread, so more than the cores only queues work another worker could take.
   */
  maxConcurrentActivities?: number;
  /** How this worker names itself in histories (default: pid@host). */
  identity?: string;
  /** Prebundled workflow code; default: the bundle `pnpm build` wrote, else bundle workflows.ts at start. */
  workflowBundle?: { codePath: string } | { code: string };
  /** Step durations, failures, records and bytes for /metrics (none: nothing is counted). */
  metrics?: WorkerMetrics;
  /**
   * Worker deployment versioning: this worker serves one version (deployment name + build id) and
   * the workflows it starts stay pinned to that version until they end (none: unversioned).
   */
  versioning?: WorkerVersion;
}


/** How long a stopping worker waits for its running activities before cancelling them. */
export const SHUTDOWN_GRACE = "30 seconds";

/** A worker for our workflows and activities; the caller owns the connection. */
export async function createWorker({ connection, namespace, taskQueue = SNAPSHOT_TASK_QUEUE, activityDeps, maxConcurrentActivities, identity, workflowBundle = prebuiltWorkflowBundle(), metrics, versioning }: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: workflowsPath() }),
    activities: createActivities({ ...activityDeps, metrics }),
    interceptors: { activity: metrics ? [activityLogging, activityMetrics(metrics)] : [activityLogging] },
    maxConcurrentActivityTaskExecutions: maxConcurrentActivities ?? availableParallelism(),
    // A draining worker lets running activities finish for this long, then cancels them; they honour
    // the cancellation (uploads abort), so SIGTERM always ends the process.
    shutdownGraceTime: SHUTDOWN_GRACE,
    // Heartbeats carry a shard's progress (`{ records }`) to the server, where `sdh snapshot status`
    // and the Web UI read it. The SDK would send them at most every 0.8 × the heartbeat timeout (48 s),
    // longer than a shard takes; every 2 s costs one small call per running activity.
    maxHeartbeatThrottleInterval: "2 seconds",
    defaultHeartbeatThrottleInterval: "2 seconds",
    ...(identity ? { identity } : {}),
    // PINNED: a running build finishes on the code that started it, however many versions roll out meanwhile.
    ...(versioning ? { workerDeploymentOptions: { version: versioning, useWorkerVersioning: true, defaultVersioningBehavior: "PINNED" as const } } : {}),
  });
}
