import { SNAPSHOT_TASK_QUEUE } from "@sdh/worker/settings";
import { configFlagsHelp } from "../config-flags-help.js";

export const scheduleHelp = `sdh schedule — nightly snapshot builds on Temporal Schedules

  sdh schedule create --id ID --cron EXPR --target URI [options]
  sdh schedule list [--json]
  sdh schedule describe <id> [--json]         config, policies, next and recent runs
  sdh schedule pause <id> [--note TEXT]       no runs until unpaused
  sdh schedule unpause <id> [--note TEXT]
  sdh schedule trigger <id>                   run now (today's date on the schedule's clock)
  sdh schedule backfill <id> --from D --to D  run the nights D..D (both included) that were missed
  sdh schedule delete <id>                    runs already started go on; published snapshots stay

Each run starts scheduledSnapshotWorkflow, which builds the night's snapshot as the workflow
snapshot-v0_9-<snapshotId> (so \`sdh snapshot status|rerun\` find it). With --seed-from-date, the
night's seed is its scheduled date as YYYYMMDD and asOf is that date, so every night is a new
snapshot and \`sdh snapshot run --seed-from-date D\` rebuilds night D byte for byte. Overlapping runs
are skipped; a backfill's nights run one after another.

Options of create:
  --id ID              the schedule's id (letters, digits, '.', '_', '-')
  --cron EXPR          5-field cron "minute hour day-of-month month day-of-week", e.g. "0 2 * * *"
  --timezone TZ        IANA time zone the cron and the dates are read in (default UTC)
${configFlagsHelp(23, ["--snapshot-id"])}
  --seed-from-date     each run's seed and asOf come from its scheduled date (not with --seed);
                       without it, the seed is fixed and asOf is the night's date unless --as-of
  --target URI         where each night's snapshot is published (s3://bucket/prefix or a folder)
  --task-queue Q       task queue of the workers (default ${SNAPSHOT_TASK_QUEUE})
  --catchup-window D   after an outage, missed runs this recent still run (default 1h; e.g. 30m, 6h)
  --pause-on-failure   a failed run pauses the schedule until someone unpauses it
  --note TEXT          shown by describe
  --json               print the result as JSON (every subcommand)

Exit codes: 0 ok; 1 the request failed; 2 bad options, bad cron or time zone, unknown schedule id.

Examples:
  sdh schedule create --id nightly --cron "0 2 * * *" --timezone Europe/Berlin \\
      --records 1000000 --seed-from-date --target s3://sdh-snapshots/nightly --pause-on-failure
  sdh schedule describe nightly
  sdh schedule backfill nightly --from 2026-11-18 --to 2026-11-20
  sdh schedule trigger nightly`;
