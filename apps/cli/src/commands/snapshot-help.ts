import { RERUN_STEPS, SNAPSHOT_TASK_QUEUE } from "@sdh/worker/settings";
import { CONFIG_FLAGS_HELP } from "../config-flags-help.js";

export const snapshotHelp = `sdh snapshot run | status | cancel | rerun — build a snapshot through Temporal, and follow it

  sdh snapshot run [options]                  start a build (options below)
  sdh snapshot status <id> [--json]           running: its progress; finished: its result or failure
  sdh snapshot cancel <id> [--json]           cancel a running build; nothing is published
  sdh snapshot rerun <id> --from <step>       run a finished or failed build again from a step
  (<id> is the snapshot id, or the workflow id snapshot-v0_9-<snapshotId>)

sdh snapshot run starts snapshotWorkflow on task queue ${SNAPSHOT_TASK_QUEUE} (run \`sdh worker\` to
serve it) with id snapshot-v0_9-<snapshotId>. Starting a snapshot that is already running joins the
running build. One that failed or finished may run again: its staged output is reused, and
publishing what a target already holds changes nothing, so a re-run is cheap and can publish to
another target. Prints the workflow id and its Web UI link; with --wait, shows progress.

Options of run:
${CONFIG_FLAGS_HELP}
  --seed-from-date D the night of D (YYYY-MM-DD) as a schedule with --seed-from-date builds it:
                     seed D as YYYYMMDD, asOf D; with the schedule's --records/--formats/--shards,
                     the same bytes
  --target URI       where to publish: s3://bucket/prefix or a folder; the snapshot lands in
                     <target>/v0.9/<snapshotId>/ and <target>/v0.9/latest.json moves to it
  --task-queue Q     task queue of the workers to use (default ${SNAPSHOT_TASK_QUEUE})
  --wait             wait for the result, showing progress
  --json             print the result (or the start) as JSON

sdh snapshot rerun <id> --from <step> [--target URI] [--wait] [--json]: a new run with the same
input that skips the steps before <step>, using their staged output as it is, and runs <step> and
the ones after it again (reusing nothing of theirs). Steps: ${RERUN_STEPS.join(" → ")}
(validateSnapshot includes the key checks across shards, planKeyRanges and checkKeyRanges).
With nothing changed it gives the same bytes; after a fix to a step, rerun from that step. The
target keeps what it has: a snapshot already published there is left as it is (a different one is
refused), so a rerun republishes only when the earlier run published nothing. If the skipped
steps' output is gone (e.g. publishing to a folder moved it), the rerun fails at once and names the
step to rerun from.

Exit codes: 0 ok (started, or with --wait published; status: running or completed); 1 the build
failed (status: failed, cancelled or timed out; cancel: not running); 2 bad options or unknown id.

Examples:
  sdh snapshot run --records 100000 --seed 7 --target ./out/published --wait
  sdh snapshot run --records 1000000 --target s3://sdh-snapshots/nightly --json
  sdh snapshot run --records 100000 --seed-from-date 2026-11-20 --target ./out/rebuilt --wait
  sdh snapshot status 2026-01-06-s7-1a2b3c4d --json
  sdh snapshot rerun 2026-01-06-s7-1a2b3c4d --from validateSnapshot --wait
  sdh snapshot cancel 2026-01-06-s7-1a2b3c4d`;
