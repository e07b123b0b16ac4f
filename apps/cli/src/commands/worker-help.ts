import { DEFAULT_STAGING_ROOT, SNAPSHOT_TASK_QUEUE } from "@sdh/worker";

export const workerHelp = `sdh worker — run a snapshot worker: polls Temporal and builds the shards and steps it is given

Runs until SIGINT or SIGTERM, then shuts down gracefully: it stops polling and lets the activities in
progress finish (Temporal retries them elsewhere if it is killed instead). Start one per machine;
more workers spread the shards of a snapshot across machines.

Options:
  --concurrency N    activities at once (default: one per core; each shard uses a core on its own thread)
  --staging DIR      staging folder every worker of the snapshot can reach (default ${DEFAULT_STAGING_ROOT},
                     or SDH_STAGING_DIR)
  --task-queue Q     task queue to poll (default ${SNAPSHOT_TASK_QUEUE})

Connects to TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE (or .sdh/services.env).

Examples:
  pnpm sdh worker
  SDH_STAGING_DIR=/mnt/shared/sdh pnpm sdh worker --concurrency 4`;
