import { Worker, type NativeConnection } from "@temporalio/worker";
import { createActivities, type ActivityDeps } from "./activities.js";
import { SNAPSHOT_TASK_QUEUE } from "./task-queues.js";
import { workflowsPath } from "./workflow-source.js";

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue?: string;
  activityDeps?: ActivityDeps;
}

/** A worker for our workflows and activities; the caller owns the connection. */
export async function createWorker({ connection, namespace, taskQueue = SNAPSHOT_TASK_QUEUE, activityDeps }: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowsPath: workflowsPath(),
    activities: createActivities(activityDeps),
  });
}
