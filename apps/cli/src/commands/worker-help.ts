import { DEFAULT_STAGING_ROOT, SNAPSHOT_TASK_QUEUE } from "@sdh/worker";

export const workerHelp = `sdh worker — run a snapshot worker: polls Temporal and builds the shards and steps it is given

Runs until SIGINT or SIGTERM, then shuts down gracefully: it stops polling and lets the activities in
progress finish (Temporal retries them elsewhere if it is killed instead). Start one per machine;
more workers spread the shards of a snapshot across machines.

Options:
  --concurrency N    activities at once (default: one per core; each shard uses a core on its own thread)
  --staging URI      where the steps hand files to each other (default ${DEFAULT_STAGING_ROOT}, or
                     SDH_STAGING_DIR): a folder for workers on one machine (or a shared mount), or
                     s3://bucket/prefix for workers on several machines
  --cache DIR        with S3 staging: this worker's working copy (default .sdh/staging-cache)
  --task-queue Q     task queue to poll (default ${SNAPSHOT_TASK_QUEUE})

Connects to TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE (or .sdh/services.env).

Logs one JSON object per line on stdout: worker start and stop, and each activity's start and end
with its workflowId, runId, activityId and attempt (SDH_LOG_LEVEL: INFO by default for the worker).

Exit codes: 0 stopped by a signal after finishing its work; 1 it could not start or failed; 2 bad options.

Examples:
  pnpm sdh worker
  SDH_STAGING_DIR=s3://sdh-staging/prod pnpm sdh worker --concurrency 4`;
