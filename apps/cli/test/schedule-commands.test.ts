import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Client, Connection } from "@temporalio/client";
import { describe, expect, it } from "vitest";
import { digests, exited, MANIFEST, servicesEnv, startWorker, tmp } from "./cli-workers.js";
import { runCli } from "./run-cli.js";

/** The snapshot folders published under a folder target, waiting until `count` are there. */
async function publishedSnapshots(target: string, count: number, timeoutMs = 90_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dir = join(target, "v0.9");
    const ids = existsSync(dir) ? readdirSync(dir).filter((name) => existsSync(join(dir, name, MANIFEST))).sort() : [];
    if (ids.length >= count || Date.now() > deadline) return ids;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("sdh schedule (real Temporal dev server)", () => {
  it("backfills two nights with their dates' seeds, rebuilds one byte for byte with --seed-from-date, and a trigger publishes", async () => {
    const taskQueue = `cli-${randomUUID()}`;
    const id = `nightly-${randomUUID().slice(0, 8)}`;
    const target = tmp();
    const { child } = await startWorker(taskQueue, tmp());
    const config = ["--records", "60", "--shards", "2", "--formats", "csv,json"];
    const created = runCli(["schedule", "create", "--id", id, "--cron", "0 2 * * *", "--timezone", "Europe/Berlin", ...config, "--seed-from-date", "--target", target, "--task-queue", taskQueue], servicesEnv());
    expect([created.status, created.stderr]).toEqual([0, ""]);
    expect(created.stdout).toContain(`Schedule ${id} created: "0 2 * * *" (Europe/Berlin), 60 households, seed from date`);
    const again = runCli(["schedule", "create", "--id", id, "--cron", "0 3 * * *", "--target", target], servicesEnv());
    expect([again.status, again.stderr.trim()]).toEqual([2, expect.stringMatching(/schedule '.*' already exists/)]);

    const backfill = runCli(["schedule", "backfill", id, "--from", "2026-11-19", "--to", "2026-11-20"], servicesEnv());
    expect([backfill.status, backfill.stderr]).toEqual([0, ""]);
    const nights = await publishedSnapshots(target, 2);
    expect(nights).toEqual([expect.stringMatching(/^2026-11-19-s20261119-[0-9a-f]{8}$/), expect.stringMatching(/^2026-11-20-s20261120-[0-9a-f]{8}$/)]);
    const described = JSON.parse(runCli(["schedule", "describe", id, "--json"], servicesEnv()).stdout) as { recentRuns: Array<{ scheduledAt: string }>; snapshot: { seed: string }; policies: { overlap: string } };
    // 02:00 in Berlin is 01:00 UTC in November.
    expect(described.recentRuns.map((r) => r.scheduledAt)).toEqual(["2026-11-19T01:00:00.000Z", "2026-11-20T01:00:00.000Z"]);
    expect(described).toMatchObject({ snapshot: { seed: "from date (YYYYMMDD)" }, policies: { overlap: "SKIP" } });

    // The night of 2026-11-20, rebuilt by hand elsewhere: the same snapshot id and the same bytes.
    const rebuilt = tmp();
    const rebuild = runCli(["snapshot", "run", ...config, "--seed-from-date", "2026-11-20", "--target", rebuilt, "--task-queue", taskQueue, "--wait", "--json"], servicesEnv());
    expect([rebuild.status, rebuild.stderr]).toEqual([0, ""]);
    expect((JSON.parse(rebuild.stdout) as { snapshotId: string }).snapshotId).toBe(nights[1]);
    expect(digests(join(rebuilt, "v0.9", nights[1]!))).toEqual(digests(join(target, "v0.9", nights[1]!)));
    // Its status is found by snapshot id, like any build.
    expect(JSON.parse(runCli(["snapshot", "status", nights[0]!, "--json"], servicesEnv()).stdout)).toMatchObject({ status: "COMPLETED" });
    // And in the Web UI by the night's search attributes, with its summary (the plan's, made by the worker).
    const connection = await Connection.connect({ address: servicesEnv().TEMPORAL_ADDRESS });
    try {
      const night = await new Client({ connection, namespace: servicesEnv().TEMPORAL_NAMESPACE }).workflow.getHandle(`snapshot-v0_9-${nights[0]}`).describe();
      expect(night.typedSearchAttributes.get({ name: "SdhSeed", type: "INT" })).toBe(20261119);
      expect(night.typedSearchAttributes.get({ name: "SdhAsOf", type: "KEYWORD" })).toBe("2026-11-19");
      expect(night.typedSearchAttributes.get({ name: "SdhSnapshotId", type: "KEYWORD" })).toBe(nights[0]);
      expect(await night.staticSummary()).toBe(`Snapshot **${nights[0]}**: 60 households (pc), seed 20261119, asOf 2026-11-19 → ${target}`);
    } finally {
      await connection.close();
    }

    const triggered = runCli(["schedule", "trigger", id], servicesEnv());
    expect([triggered.status, triggered.stderr]).toEqual([0, ""]);
    expect((await publishedSnapshots(target, 3)).length).toBe(3);

    expect(runCli(["schedule", "pause", id, "--note", "maintenance"], servicesEnv()).status).toBe(0);
    const listed = JSON.parse(runCli(["schedule", "list", "--json"], servicesEnv()).stdout) as Array<{ scheduleId: string; paused: boolean; note: string; cron: string }>;
    expect(listed.find((s) => s.scheduleId === id)).toMatchObject({ paused: true, note: "maintenance", cron: "0 2 * * *" });
    expect(runCli(["schedule", "unpause", id], servicesEnv()).status).toBe(0);
    expect(JSON.parse(runCli(["schedule", "describe", id, "--json"], servicesEnv()).stdout)).toMatchObject({ paused: false });
    expect(runCli(["schedule", "delete", id], servicesEnv()).status).toBe(0);
    const gone = runCli(["schedule", "describe", id], servicesEnv());
    expect([gone.status, gone.stderr.trim()]).toEqual([2, `sdh: no schedule '${id}' in namespace default; see \`sdh schedule list\``]);
    child.kill("SIGTERM");
    await exited(child);
  }, 240_000);

  // One test per case: each spawns the CLI from source, which takes seconds on a loaded machine.
  describe("refuses bad flags, a bad cron or time zone, and unknown schedules with exit 2 and a specific message", () => {
    const base = ["schedule", "create", "--id", "x", "--target", tmp()];
    const cases: Array<[string[], RegExp]> = [
      [[...base, "--cron", "0 25 * * *"], /--cron "0 25 \* \* \*": hour 25 is out of range 0-23/],
      [[...base, "--cron", "0 2 * *"], /--cron "0 2 \* \*": 4 field\(s\)/],
      [[...base, "--cron", "@sometimes"], /unknown macro @sometimes/],
      [[...base, "--cron", "0 2 * * *", "--timezone", "Mars/Olympus"], /--timezone 'Mars\/Olympus' is not a time zone/],
      [[...base, "--cron", "0 2 * * *", "--seed", "5", "--seed-from-date"], /--seed .* or --seed-from-date .*, not both/],
      [[...base, "--cron", "0 2 * * *", "--catchup-window", "2s"], /--catchup-window '2s': give a duration of at least 10s/],
      [[...base, "--cron", "0 2 * * *", "--records", "0"], /--records/],
      [["schedule", "create", "--id", "x", "--cron", "0 2 * * *"], /--target is required/],
      [["schedule", "create", "--cron", "0 2 * * *", "--target", "/tmp"], /--id is required/],
      [["schedule", "backfill", "x", "--from", "2026-11-20", "--to", "2026-11-19"], /--from 2026-11-20 is after --to 2026-11-19/],
      [["schedule", "backfill", "x", "--from", "2026-02-30", "--to", "2026-03-01"], /--from '2026-02-30' is not a date/],
      [["schedule", "trigger", "no-such-schedule"], /no schedule 'no-such-schedule' in namespace default/],
      [["schedule", "pause"], /give one schedule id/],
      [["schedule", "reschedule"], /unknown schedule command 'reschedule'/],
      [["snapshot", "run", "--seed-from-date", "2026-11-31", "--target", "/tmp"], /--seed-from-date '2026-11-31' is not a date/],
      [["snapshot", "run", "--seed-from-date", "2026-11-20", "--seed", "3", "--target", "/tmp"], /drop --seed/],
    ];
    // Named by their flags, with the random target folder shown as <dir>, so the names stay the same between runs.
    const named = cases.map(([args, message]) => [args.join(" ").replace(base[5]!, "<dir>"), args, message] as const);
    it.each(named)("%s", (_name, args, message) => {
      const run = runCli(args, servicesEnv());
      expect([run.status, run.stderr]).toEqual([2, expect.stringMatching(message)]);
    });
  });
});
