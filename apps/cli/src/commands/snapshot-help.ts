import { SNAPSHOT_TASK_QUEUE } from "@sdh/worker";
import { CONFIG_FLAGS_HELP } from "../config-flags.js";

export const snapshotHelp = `sdh snapshot run — build a snapshot through Temporal and publish it

Starts snapshotWorkflow on task queue ${SNAPSHOT_TASK_QUEUE} (run \`sdh worker\` to serve it) with id
snapshot-v0_1-<snapshotId>. Starting a snapshot that is already running joins the running build.
One that failed or finished may run again: its staged output is reused, and publishing what a
target already holds changes nothing, so a re-run is cheap and can publish to another target.
Prints the workflow id and its Web UI link; with --wait, shows progress until the result.

Options:
${CONFIG_FLAGS_HELP}
  --target URI       where to publish: s3://bucket/prefix or a folder; the snapshot lands in
                     <target>/v0.1/<snapshotId>/ and <target>/v0.1/latest.json moves to it
  --task-queue Q     task queue of the workers to use (default ${SNAPSHOT_TASK_QUEUE})
  --wait             wait for the result, showing progress
  --json             print the result (or the start) as JSON

Exit codes: 0 started (or, with --wait, published); 1 the build failed; 2 bad options.

Examples:
  pnpm sdh snapshot run --records 100000 --seed 7 --target ./out/published --wait
  pnpm sdh snapshot run --records 1000000 --target s3://sdh-snapshots/nightly --json`;
