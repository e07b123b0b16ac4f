/** The task queue every snapshot worker polls. */
export const SNAPSHOT_TASK_QUEUE = "sdh-snapshots";
