import { SNAPSHOT_TASK_QUEUE } from "@sdh/worker";
import { CONFIG_FLAGS_HELP } from "../config-flags.js";

export const snapshotHelp = `sdh snapshot run — build a snapshot through Temporal and publish it

Starts snapshotWorkflow on task queue ${SNAPSHOT_TASK_QUEUE} (run \`sdh worker\` to serve it) with id
snapshot-v0_1-<snapshotId>. Starting a snapshot that is already running returns the running build;
one that failed may be started again; one that succeeded is not built twice (its result is shown).
Prints the workflow id and its Web UI link; with --wait, shows progress until the result.

Options:
${CONFIG_FLAGS_HELP}
  --target DIR       where to publish: <DIR>/v0.1/<snapshotId>/ (a folder; S3 targets arrive with publishing)
  --task-queue Q     task queue of the workers to use (default ${SNAPSHOT_TASK_QUEUE})
  --wait             wait for the result, showing progress
  --json             print the result (or the start) as JSON

Exit codes: 0 started (or, with --wait, published); 1 the build failed; 2 bad options.

Examples:
  pnpm sdh snapshot run --records 100000 --seed 7 --target ./out/published --wait
  pnpm sdh snapshot run --records 1000000 --target /mnt/snapshots --json`;
