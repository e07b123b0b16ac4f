export { createWorker, type WorkerOptions } from "./worker.js";
export { createActivities, DEFAULT_STAGING_ROOT, type Activities, type ActivityDeps } from "./activities.js";
export { createSnapshotActivities, NON_RETRYABLE, type SnapshotActivityDeps, type SnapshotActivities } from "./snapshot-activities.js";
export type { SnapshotInput, SnapshotResult, SnapshotProgress, SnapshotStep, ShardRef, ShardResult } from "./snapshot-types.js";
export { snapshotWorkflowId } from "./snapshot-ids.js";
export { SNAPSHOT_TASK_QUEUE } from "./task-queues.js";
export { effectiveEnv, temporalSettings, type TemporalSettings } from "./connection-settings.js";
export type { HealthcheckResult } from "./workflows.js";
export { workflowsPath } from "./workflow-source.js";
