import { isTimeZone, registeredSearchAttributes, SNAPSHOT_TASK_QUEUE, type ScheduledSnapshot } from "@sdh/worker";
import { ScheduleAlreadyRunning } from "@temporalio/client";
import { CONFIG_FLAGS, configFromFlags, targetOption } from "../config-flags.js";
import { checkCron } from "../cron.js";
import { durationOption } from "../duration.js";
import type { Settings } from "../settings/resolve-settings.js";
import { withTemporal } from "../temporal-client.js";
import { EXIT, UsageError } from "../usage-error.js";
import { manageSchedule, MANAGE_ACTIONS, type ScheduleMemo } from "./schedule-manage.js";
import { commandArgs } from "../command-args.js";

const SUBCOMMANDS = ["create", ...MANAGE_ACTIONS];

export async function schedule(args: string[], env: NodeJS.ProcessEnv, settings: Settings): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") return create(rest, env, settings);
  if ((MANAGE_ACTIONS as readonly string[]).includes(sub ?? "")) return manageSchedule(sub as (typeof MANAGE_ACTIONS)[number], rest, env);
  throw new UsageError(`unknown schedule command '${sub ?? ""}'; available: ${SUBCOMMANDS.join(", ")} (see \`sdh schedule --help\`)`);
}

const { "snapshot-id": _snapshotId, ...SCHEDULE_CONFIG_FLAGS } = CONFIG_FLAGS;

async function create(args: string[], env: NodeJS.ProcessEnv, settings: Settings): Promise<number> {
  const parsed = commandArgs("schedule", {
    args,
    options: {
      ...SCHEDULE_CONFIG_FLAGS,
      id: { type: "string" },
      cron: { type: "string" },
      timezone: { type: "string", default: "UTC" },
      "seed-from-date": { type: "boolean", default: false },
      target: { type: "string" },
      "task-queue": { type: "string" },
      "catchup-window": { type: "string", default: "1h" },
      "pause-on-failure": { type: "boolean", default: false },
      note: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const given = parsed.values;
  const values = settings.fill(given);
  const id = values.id;
  if (!id || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)) throw new UsageError(`--id ${id ? `'${id}'` : "is required"}: use 1-64 letters, digits, '.', '_' or '-'`);
  if (!values.cron) throw new UsageError(`--cron is required, e.g. --cron "0 2 * * *" for 02:00 every day`);
  const cron = checkCron(values.cron);
  if (!isTimeZone(values.timezone)) throw new UsageError(`--timezone '${values.timezone}' is not a time zone; use an IANA name such as UTC or Europe/Berlin`);
  if (given["seed-from-date"] && given.seed !== undefined) throw new UsageError("give --seed (the same seed every night) or --seed-from-date (each night's date), not both");
  // Temporal's smallest catch-up window is 10 s.
  const catchupWindow = durationOption("--catchup-window", values["catchup-window"], 10_000);
  if (!values.target) throw new UsageError("--target is required (or SDH_TARGET, or target in the config file): where each night's snapshot is published");
  // Without --seed-from-date, a fixed seed (--seed, or the default); asOf is the night's date unless --as-of fixes it.
  const { config } = configFromFlags({ ...values, seed: given["seed-from-date"] ? undefined : values.seed });
  const spec: ScheduledSnapshot = {
    config,
    seedFromDate: given["seed-from-date"],
    asOfFromDate: values["as-of"] === undefined,
    timezone: values.timezone,
    target: targetOption(values.target),
  };
  const taskQueue = values["task-queue"] ?? SNAPSHOT_TASK_QUEUE;
  const memo: ScheduleMemo = { cron, timezone: spec.timezone, target: spec.target, records: config.records, formats: config.formats, seed: spec.seedFromDate ? "from date" : config.seed, asOf: spec.asOfFromDate ? "from date" : config.asOf };
  return withTemporal(env, async ({ client, namespace }) => {
    try {
      await client.schedule.create({
        scheduleId: id,
        spec: { cronExpressions: [cron], timezone: spec.timezone },
        action: { type: "startWorkflow", workflowType: "scheduledSnapshotWorkflow", taskQueue, args: [{ ...spec, searchAttributes: [...(await registeredSearchAttributes(client))] }], workflowId: `sdh-schedule-${id}` },
        // A night still building when the next one is due: the next one is skipped, not stacked.
        policies: { overlap: "SKIP", catchupWindow, pauseOnFailure: values["pause-on-failure"] },
        memo,
        ...(values.note ? { state: { note: values.note } } : {}),
      });
    } catch (error) {
      if (error instanceof ScheduleAlreadyRunning) throw new UsageError(`schedule '${id}' already exists in namespace ${namespace}; \`sdh schedule delete ${id}\` first, or choose another --id`);
      throw error;
    }
    if (values.json) console.log(JSON.stringify({ scheduleId: id, namespace, taskQueue, ...memo, catchupWindowMs: catchupWindow, pauseOnFailure: values["pause-on-failure"] }, null, 2));
    else {
      console.log(`Schedule ${id} created: "${cron}" (${spec.timezone}), ${config.records} households, seed ${memo.seed}, to ${spec.target}`);
      console.log(`  overlapping runs are skipped; missed runs are caught up within ${values["catchup-window"]}${values["pause-on-failure"] ? "; a failed run pauses the schedule" : ""}`);
      console.log(`  see \`sdh schedule describe ${id}\``);
    }
    return EXIT.ok;
  });
}
