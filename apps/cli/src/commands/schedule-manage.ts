import { isCalendarDate, nextDate, startOfDay, type ScheduledSnapshot } from "@sdh/worker";
import { ScheduleNotFoundError, type Client, type ScheduleHandle } from "@temporalio/client";
import { pcSettings } from "@sdh/pack-pc/settings";
import { parseSnapshotConfig } from "@sdh/schemas";
import { withTemporal } from "../temporal-client.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";

const DEFAULT_SHARD_SIZE = parseSnapshotConfig({}).shardSize;

export const MANAGE_ACTIONS = ["list", "describe", "pause", "unpause", "trigger", "backfill", "delete"] as const;
type Action = (typeof MANAGE_ACTIONS)[number];

/** What `schedule create` records with a schedule, for list and describe (the server keeps only compiled calendars). */
export type ScheduleMemo = {
  cron: string;
  timezone: string;
  target: string;
  records: number;
  formats: string[];
  seed: number | "from date";
  asOf: string;
};

export async function manageSchedule(action: Action, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = commandArgs("schedule", { args, allowPositionals: true, options: { json: { type: "boolean", default: false }, note: { type: "string" }, from: { type: "string" }, to: { type: "string" } } });
  const { values, positionals } = parsed;
  if (action === "list") {
    if (positionals.length) throw new UsageError(`sdh schedule list takes no arguments (got ${positionals.join(" ")})`);
    return withTemporal(env, ({ client }) => list(client, values.json));
  }
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`give one schedule id: sdh schedule ${action} <id>`);
  const window = action === "backfill" ? backfillDates(values.from, values.to) : null;
  return withTemporal(env, async ({ client, namespace }) => {
    const handle = client.schedule.getHandle(id);
    try {
      const description = await handle.describe();
      switch (action) {
        case "describe":
          return describe(description, values.json);
        case "pause":
          await handle.pause(values.note ?? "paused with sdh schedule pause");
          return done(values.json, { scheduleId: id, paused: true }, `Schedule ${id} paused; \`sdh schedule unpause ${id}\` resumes it (missed nights: \`sdh schedule backfill\`)`);
        case "unpause":
          await handle.unpause(values.note ?? "unpaused with sdh schedule unpause");
          return done(values.json, { scheduleId: id, paused: false }, `Schedule ${id} resumed`);
        case "trigger":
          // Runs now even if a night is still building: it waits for it rather than being skipped.
          await handle.trigger("BUFFER_ALL");
          return done(values.json, { scheduleId: id, triggered: true }, `Schedule ${id} triggered: a run starts now (today's date on the schedule's clock); see \`sdh schedule describe ${id}\``);
        case "backfill":
          return backfill(handle, description.action.args?.[0] as ScheduledSnapshot, window!, values.json);
        case "delete":
          await handle.delete();
          return done(values.json, { scheduleId: id, deleted: true }, `Schedule ${id} deleted (runs already started go on; published snapshots stay)`);
      }
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) throw new UsageError(`no schedule '${id}' in namespace ${namespace}; see \`sdh schedule list\``);
      throw error;
    }
    return EXIT.ok;
  });
}

function done(json: boolean, result: object, text: string): number {
  console.log(json ? JSON.stringify(result) : text);
  return EXIT.ok;
}

async function list(client: Client, json: boolean): Promise<number> {
  const rows = [];
  for await (const s of client.schedule.list()) {
    if (s.action?.workflowType !== "scheduledSnapshotWorkflow") continue; // someone else's schedule in the namespace
    const memo = s.memo as Partial<ScheduleMemo> | undefined;
    rows.push({ scheduleId: s.scheduleId, cron: memo?.cron ?? null, timezone: memo?.timezone ?? null, paused: s.state.paused, note: s.state.note ?? null, nextRun: s.info.nextActionTimes[0]?.toISOString() ?? null, lastRun: s.info.recentActions.at(-1)?.scheduledAt.toISOString() ?? null, target: memo?.target ?? null });
  }
  rows.sort((a, b) => a.scheduleId.localeCompare(b.scheduleId));
  if (json) console.log(JSON.stringify(rows, null, 2));
  else if (!rows.length) console.log("No snapshot schedules (create one with `sdh schedule create`).");
  else for (const r of rows) console.log(`${r.scheduleId}  "${r.cron}" ${r.timezone}  ${r.paused ? "PAUSED" : "active"}  next ${r.nextRun ?? "-"}  last ${r.lastRun ?? "-"}  → ${r.target}`);
  return EXIT.ok;
}

function describe(d: Awaited<ReturnType<ScheduleHandle["describe"]>>, json: boolean): number {
  const memo = (d.memo ?? {}) as Partial<ScheduleMemo>;
  const spec = d.action.args?.[0] as ScheduledSnapshot;
  const out = {
    scheduleId: d.scheduleId,
    cron: memo.cron ?? null,
    timezone: spec.timezone,
    paused: d.state.paused,
    note: d.state.note ?? null,
    policies: d.policies,
    taskQueue: d.action.taskQueue,
    snapshot: { records: spec.config.records, formats: spec.config.formats, shardSize: spec.config.shardSize, seed: spec.seedFromDate ? "from date (YYYYMMDD)" : spec.config.seed, asOf: spec.asOfFromDate ? "the scheduled date" : spec.config.asOf, target: spec.target },
    nextRuns: d.info.nextActionTimes.slice(0, 3).map((t) => t.toISOString()),
    recentRuns: d.info.recentActions.map((a) => ({ scheduledAt: a.scheduledAt.toISOString(), takenAt: a.takenAt.toISOString(), workflowId: a.action.workflow.workflowId })),
    runningRuns: d.info.runningActions.map((a) => a.workflow.workflowId),
    actionsTaken: d.info.numActionsTaken,
    skippedOverlap: d.info.numActionsSkippedOverlap,
    missedCatchupWindow: d.info.numActionsMissedCatchupWindow,
  };
  if (json) {
    console.log(JSON.stringify(out, null, 2));
    return EXIT.ok;
  }
  console.log(`Schedule ${out.scheduleId}: "${out.cron}" (${out.timezone}) ${out.paused ? `PAUSED${out.note ? ` (${out.note})` : ""}` : "active"}`);
  console.log(`  builds ${out.snapshot.records} households (${out.snapshot.formats.join(",")}), seed ${out.snapshot.seed}, asOf ${out.snapshot.asOf} → ${out.snapshot.target}`);
  console.log(`  overlap ${out.policies.overlap}, catch-up window ${Math.round(out.policies.catchupWindow / 1000)} s, pause on failure: ${out.policies.pauseOnFailure ? "yes" : "no"}; task queue ${out.taskQueue}`);
  console.log(`  next: ${out.nextRuns.join(", ") || "-"}`);
  for (const r of out.recentRuns) console.log(`  ran: ${r.scheduledAt} → ${r.workflowId}`);
  console.log(`  ${out.actionsTaken} run(s) taken, ${out.skippedOverlap} skipped (overlap), ${out.missedCatchupWindow} missed (catch-up window)`);
  if (spec.seedFromDate) {
    // The same config gives the same bytes (the shard size is in metadata_v0_9.json, so it is passed on too).
    const shards = spec.config.shardSize === DEFAULT_SHARD_SIZE ? "" : ` --shards ${Math.ceil(spec.config.records / spec.config.shardSize)}`;
    const pc = spec.config.pack === "pc" ? pcSettings(spec.config) : null;
    const identifiers = pc?.identifiers === "synthetic" ? " --identifiers synthetic" : "";
    const commercial = pc && pc.lobMix.commercial !== 0.15 ? ` --commercial-share ${pc.lobMix.commercial}` : "";
    const flags = `--records ${spec.config.records} --formats ${spec.config.formats.join(",")}${identifiers}${commercial}${shards}`;
    console.log(`  rebuild a night: sdh snapshot run ${flags} --seed-from-date <YYYY-MM-DD> --target ${spec.target}`);
  }
  return EXIT.ok;
}

/** The instants a backfill of the nights --from to --to (both included) covers, on the schedule's clock. */
function backfillDates(from: string | undefined, to: string | undefined): { from: string; to: string } {
  for (const [flag, value] of [["--from", from], ["--to", to]] as const) {
    if (!value) throw new UsageError(`${flag} YYYY-MM-DD is required: sdh schedule backfill <id> --from 2026-11-01 --to 2026-11-03`);
    if (!isCalendarDate(value)) throw new UsageError(`${flag} '${value}' is not a date YYYY-MM-DD`);
  }
  if (from! > to!) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from: from!, to: to! };
}

async function backfill(handle: ScheduleHandle, spec: ScheduledSnapshot, dates: { from: string; to: string }, json: boolean): Promise<number> {
  const start = startOfDay(dates.from, spec.timezone);
  const end = startOfDay(nextDate(dates.to), spec.timezone);
  // Each night in the window runs, one after another: none is skipped because another is building.
  await handle.backfill({ start, end, overlap: "BUFFER_ALL" });
  return done(
    json,
    { scheduleId: handle.scheduleId, from: dates.from, to: dates.to, start: start.toISOString(), end: end.toISOString() },
    `Backfill of ${handle.scheduleId} requested for the nights ${dates.from} to ${dates.to} (${spec.timezone}); each runs with its own date's seed. See \`sdh schedule describe ${handle.scheduleId}\``,
  );
}
