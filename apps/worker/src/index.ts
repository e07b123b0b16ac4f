export { createWorker, type WorkerOptions } from "./worker.js";
export { createActivities, type Activities, type ActivityDeps } from "./activities.js";
export { SNAPSHOT_TASK_QUEUE } from "./task-queues.js";
export { effectiveEnv, temporalSettings, type TemporalSettings } from "./connection-settings.js";
export type { HealthcheckResult } from "./workflows.js";
