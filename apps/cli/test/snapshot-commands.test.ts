import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig } from "@sdh/schemas";
import { openStore, pullSnapshot } from "@sdh/storage";
import { snapshotWorkflowId, type PartRef, type SnapshotInput, type SnapshotProgress, type SnapshotResult } from "@sdh/worker";
import { Client, Connection, type WorkflowHandle } from "@temporalio/client";
import { defaultPayloadConverter } from "@temporalio/common";
import { describe, expect, it } from "vitest";
import { digests, exited, s3Env, servicesEnv, startWorker, tmp } from "./cli-workers.js";
import { runCli } from "./run-cli.js";

describe("sdh worker and sdh snapshot run (real Temporal dev server)", () => {
  it("builds and publishes the bytes `sdh generate` writes; a re-run reuses its staging and leaves the target as it is; SIGTERM stops the worker", async () => {
    const taskQueue = `cli-${randomUUID()}`;
    const target = tmp();
    const { child, output } = await startWorker(taskQueue, tmp());
    const snapshotId = `cli-${randomUUID().slice(0, 8)}`;
    const args = ["snapshot", "run", "--records", "250", "--seed", "31", "--shards", "5", "--snapshot-id", snapshotId, "--target", target, "--task-queue", taskQueue];
    const run = runCli([...args, "--wait", "--json"], servicesEnv());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as SnapshotResult & { workflowId: string };
    expect(result).toMatchObject({ workflowId: `snapshot-v0_9-${snapshotId}`, snapshotId, location: join(target, "v0.9", snapshotId), alreadyPublished: false });

    const config = parseSnapshotConfig({ records: 250, seed: 31, shardSize: 50 });
    const local = join(tmp(), "bundle");
    await writeBundle({ config, snapshotId, out: local });
    expect(digests(result.location)).toEqual(digests(local));

    // A re-run reuses the staged shards and export, and finds the target already holding the snapshot.
    const again = runCli([...args, "--wait"], servicesEnv());
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`workflow snapshot-v0_9-${snapshotId} started`);
    expect(again.stdout).toContain(`Published ${snapshotId} to ${result.location} (already there, unchanged)`);
    // Publishing to a folder moved the staged bundle there: a re-run for another target exports again.
    const s3Target = `s3://${testServices().bucket}/rerun-${randomUUID().slice(0, 8)}`;
    const elsewhere = runCli([...args.slice(0, -4), "--target", s3Target, "--task-queue", taskQueue, "--wait"], servicesEnv());
    // Off a terminal, --wait reports progress on stderr as plain lines (how many depends on timing), and nothing else.
    expect([elsewhere.status, elsewhere.stderr]).toEqual([0, expect.stringMatching(/^(\w+: \d+\/5 shards, \d+\/250 households\n)*$/)]);
    expect(elsewhere.stdout).toContain(`Published ${snapshotId} to ${s3Target}/v0.9/${snapshotId}/`);

    // The worker logs JSON lines; each activity's start and end carries its workflow and activity ids.
    const lines = output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === "activity completed" && l.activityType === "publishManifest")).toMatchObject({ level: "INFO", workflowId: `snapshot-v0_9-${snapshotId}`, workflowRunId: expect.any(String), activityId: expect.any(String), attempt: 1, durationMs: expect.any(Number) });
    // Each step's end carries the worker's memory: what it holds then, and its peak so far (never less).
    const ends = lines.filter((l) => l.msg === "activity completed");
    for (const l of ends) expect({ rss: Number(l.rssMb) > 20, peakCoversRss: Number(l.peakRssMb) >= Number(l.rssMb) - 1 }).toEqual({ rss: true, peakCoversRss: true });
    expect(lines.filter((l) => l.msg === "activity started" && l.activityType === "generateShard").length).toBeGreaterThanOrEqual(5);
    const status = runCli(["snapshot", "status", snapshotId, "--json"], servicesEnv());
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ workflowId: `snapshot-v0_9-${snapshotId}`, status: "COMPLETED", result: { snapshotId, counts: { households: 250 } } });
    // Rerun from the export: same bytes; the folder target keeps what it has.
    const rerun = runCli(["snapshot", "rerun", snapshotId, "--from", "exportSnapshot", "--target", target, "--wait", "--json"], servicesEnv());
    expect([rerun.status, rerun.stderr]).toEqual([0, ""]);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ snapshotId, alreadyPublished: true });
    expect(digests(result.location)).toEqual(digests(local));

    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  }, 180_000);

  it("shows a running build's progress, cancels it and publishes nothing; status, cancel and rerun refuse bad ids and steps", async () => {
    const taskQueue = `cli-${randomUUID()}`;
    const target = tmp();
    const { child } = await startWorker(taskQueue, tmp(), 1);
    const snapshotId = `cli-cancel-${randomUUID().slice(0, 8)}`;
    const started = runCli(["snapshot", "run", "--records", "200000", "--shards", "40", "--snapshot-id", snapshotId, "--target", target, "--task-queue", taskQueue], servicesEnv());
    expect(started.status).toBe(0);
    let running: { status: string; progress?: { step: string; shardsTotal: number } | null } = { status: "" };
    for (let i = 0; i < 50 && !running.progress; i++) {
      running = JSON.parse(runCli(["snapshot", "status", snapshotId, "--json"], servicesEnv()).stdout) as typeof running;
    }
    expect(running).toMatchObject({ status: "RUNNING", progress: { step: "generate", shardsTotal: 40 } });
    // Joining the running build with other formats or another target is refused, naming each difference.
    const other = runCli(["snapshot", "run", "--records", "200000", "--formats", "csv", "--shards", "40", "--snapshot-id", snapshotId, "--target", tmp(), "--task-queue", taskQueue], servicesEnv());
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/already being built .* from another input: formats \(running: csv,json,parquet; yours: csv\); target \(running: .*; yours: .*\)\. Not joined/);
    // The same input with another shard count joins it: sharding never changes what is published.
    const same = runCli(["snapshot", "run", "--records", "200000", "--shards", "20", "--snapshot-id", snapshotId, "--target", target, "--task-queue", taskQueue], servicesEnv());
    expect([same.status, same.stdout]).toEqual([0, expect.stringContaining("already running: joined it")]);
    const busy = runCli(["snapshot", "rerun", snapshotId, "--from", "validateSnapshot"], servicesEnv());
    expect([busy.status, busy.stderr]).toEqual([2, expect.stringMatching(/still running.*cancel/)]);
    const cancelled = runCli(["snapshot", "cancel", snapshotId], servicesEnv());
    expect([cancelled.status, cancelled.stderr, cancelled.stdout]).toEqual([0, "", expect.stringContaining("Cancellation requested")]);
    let after = { status: "" };
    for (let i = 0; i < 50 && after.status !== "CANCELLED"; i++) {
      after = JSON.parse(runCli(["snapshot", "status", snapshotId, "--json"], servicesEnv()).stdout) as typeof after;
    }
    expect(after.status).toBe("CANCELLED");
    expect(runCli(["snapshot", "status", snapshotId], servicesEnv()).status).toBe(1);
    expect(readdirSync(target)).toEqual([]);

    const unknown = runCli(["snapshot", "status", "no-such-snapshot"], servicesEnv());
    expect([unknown.status, unknown.stderr.trim()]).toEqual([2, expect.stringMatching(/no snapshot workflow snapshot-v0_9-no-such-snapshot/)]);
    const badStep = runCli(["snapshot", "rerun", snapshotId, "--from", "exportEverything"], servicesEnv());
    expect([badStep.status, badStep.stderr.trim()]).toEqual([2, "sdh: --from 'exportEverything' is not a step; steps: generateShard, validateSnapshot, exportSnapshot, publishManifest"]);
    expect(runCli(["snapshot", "rerun", "no-such-snapshot", "--from", "exportSnapshot"], servicesEnv()).status).toBe(2);
    child.kill("SIGTERM");
    await exited(child);
  }, 180_000);

  it("spreads a snapshot's shards across two workers that share only an S3 staging prefix, with generate's bytes", async () => {
    const taskQueue = `cli-${randomUUID()}`;
    // As on two machines: each worker has its own cache folder; the steps meet on S3.
    const staging = `s3://${testServices().bucket}/staging-${randomUUID().slice(0, 8)}`;
    const [a, b] = await Promise.all([startWorker(taskQueue, staging, 1, ["--cache", tmp()]), startWorker(taskQueue, staging, 1, ["--cache", tmp()])]);
    const snapshotId = `cli-two-${randomUUID().slice(0, 8)}`;
    const run = runCli(["snapshot", "run", "--records", "400", "--seed", "33", "--shards", "8", "--snapshot-id", snapshotId, "--target", tmp(), "--task-queue", taskQueue, "--wait", "--json"], servicesEnv());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const local = join(tmp(), "bundle");
    await writeBundle({ config: parseSnapshotConfig({ records: 400, seed: 33, shardSize: 50 }), snapshotId, out: local });
    expect(digests((JSON.parse(run.stdout) as SnapshotResult).location)).toEqual(digests(local));
    const { temporalAddress, namespace } = testServices();
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const history = await new Client({ connection, namespace }).workflow.getHandle(snapshotWorkflowId(snapshotId)).fetchHistory();
      const identities = new Set(history.events!.filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes!.identity));
      expect([...identities].sort()).toEqual([`${a.child.pid}@${hostname()}`, `${b.child.pid}@${hostname()}`].sort());
    } finally {
      await connection.close();
    }
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await Promise.all([exited(a.child), exited(b.child)])).toEqual([0, 0]);
  }, 180_000);

  it("finishes with the same bytes when its worker is killed mid-run and another takes over", async () => {
    const taskQueue = `cli-${randomUUID()}`;
    const staging = tmp();
    const first = await startWorker(taskQueue, staging);
    const { temporalAddress, namespace } = testServices();
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const client = new Client({ connection, namespace });
      // Six shards, two at a time: the worker is killed once the first is done, with others in flight
      // (a shard of 1,500 households takes about a second, ten times the progress poll's period).
      const config = parseSnapshotConfig({ records: 9_000, seed: 32, shardSize: 1_500 });
      const input: SnapshotInput = { config, snapshotId: `${defaultSnapshotId(config)}-${randomUUID().slice(0, 6)}`, target: tmp(), maxParallelShards: 2, shardHeartbeatTimeout: "4 seconds" };
      const handle = await client.workflow.start<(i: SnapshotInput) => Promise<SnapshotResult>>("snapshotWorkflow", { taskQueue, workflowId: snapshotWorkflowId(input.snapshotId), args: [input] });
      // Kill the worker once some shards are done and others are in flight.
      for (;;) {
        const progress = await handle.query<SnapshotProgress>("progress").catch(() => null);
        if (progress && progress.shardsDone >= 1) {
          expect(progress.step).toBe("generate");
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      first.child.kill("SIGKILL");
      await exited(first.child);
      await startWorker(taskQueue, staging);
      const result = await handle.result();
      expect(result.counts.households).toBe(9_000);

      const local = join(tmp(), "bundle");
      await writeBundle({ config, snapshotId: input.snapshotId, out: local });
      expect(digests(result.location)).toEqual(digests(local));
      const history = await handle.fetchHistory();
      const attempts = history.events!.filter((e) => e.activityTaskStartedEventAttributes).map((e) => Number(e.activityTaskStartedEventAttributes!.attempt));
      const timedOut = history.events!.filter((e) => e.activityTaskTimedOutEventAttributes).length;
      // The lost worker's shards stopped heartbeating and ran again on the new worker.
      expect({ retried: attempts.some((a) => a > 1), timedOut }).toEqual({ retried: true, timedOut: 0 });
    } finally {
      await connection.close();
    }
  }, 180_000);

  it("loses only the part in flight when a worker is SIGKILLed during a parts-layout export to S3: the others are kept, the bytes are generate's", async () => {
    const taskQueue = `cli-${randomUUID()}`;
    const staging = tmp();
    const first = await startWorker(taskQueue, staging);
    const { temporalAddress, namespace, bucket } = testServices();
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const client = new Client({ connection, namespace });
      // Four parts of two shards each, exported two at a time; every format, so a part takes a moment.
      const config = parseSnapshotConfig({ records: 8_000, seed: 33, shardSize: 1_000, layout: { kind: "parts", roots: 2_000 }, formats: ["csv", "json", "jsonl", "parquet"] });
      const target = `s3://${bucket}/killed-export-${randomUUID().slice(0, 8)}`;
      const input: SnapshotInput = { config, snapshotId: `${defaultSnapshotId(config)}-${randomUUID().slice(0, 6)}`, target, maxParallelShards: 2, shardHeartbeatTimeout: "4 seconds" };
      const handle = await client.workflow.start<(i: SnapshotInput) => Promise<SnapshotResult>>("snapshotWorkflow", { taskQueue, workflowId: snapshotWorkflowId(input.snapshotId), args: [input] });
      // Kill the worker once a part is exported and another one is being exported.
      for (;;) {
        const [progress, described] = await Promise.all([handle.query<SnapshotProgress>("progress").catch(() => null), handle.describe()]);
        // PENDING_ACTIVITY_STATE_STARTED (2): a worker is running it.
        const exporting = (described.raw.pendingActivities ?? []).some((a) => a.activityType?.name === "exportPart" && Number(a.state) === 2);
        if (progress?.step === "export" && (progress.partsDone ?? 0) >= 1 && (progress.partsDone ?? 0) < 4 && exporting) break;
        expect(progress?.step).not.toBe("publish");
        await new Promise((r) => setTimeout(r, 20));
      }
      first.child.kill("SIGKILL");
      await exited(first.child);
      const doneBeforeKill = partAttempts(await handle.fetchHistory());
      await startWorker(taskQueue, staging);
      const result = await handle.result();
      expect(result.counts.households).toBe(8_000);

      // The parts done before the kill ran once; only the part(s) in flight ran again.
      const attempts = partAttempts(await handle.fetchHistory());
      expect([...attempts.keys()].sort()).toEqual([0, 1, 2, 3]);
      for (const part of doneBeforeKill.keys()) expect(attempts.get(part)).toBe(1);
      expect(Math.max(...attempts.values())).toBeGreaterThan(1);
      expect([...attempts.values()].reduce((n, a) => n + a, 0)).toBeLessThanOrEqual(4 + 2);

      const pulled = join(tmp(), "pulled");
      // The AWS provider chain reads the credentials from this process's environment, as a consumer's pull does.
      Object.assign(process.env, s3Env());
      await pullSnapshot(openStore(target, process.env), { snapshot: input.snapshotId, out: pulled });
      const local = join(tmp(), "bundle");
      await writeBundle({ config, snapshotId: input.snapshotId, out: local });
      expect(digests(pulled)).toEqual(digests(local));
    } finally {
      await connection.close();
    }
  }, 180_000);
});

/** Each exportPart that completed in a history: its part, and the attempt that completed it. */
function partAttempts(history: Awaited<ReturnType<WorkflowHandle["fetchHistory"]>>): Map<number, number> {
  const events = history.events ?? [];
  const partOf = new Map<string, number>();
  for (const e of events) {
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== "exportPart") continue;
    const payload = scheduled.input!.payloads![0]!;
    partOf.set(String(e.eventId), defaultPayloadConverter.fromPayload<PartRef>(payload).part);
  }
  const startedAttempt = new Map(events.filter((e) => e.activityTaskStartedEventAttributes).map((e) => [String(e.eventId), Number(e.activityTaskStartedEventAttributes!.attempt)]));
  const attempts = new Map<number, number>();
  for (const e of events) {
    const completed = e.activityTaskCompletedEventAttributes;
    if (!completed) continue;
    const part = partOf.get(String(completed.scheduledEventId));
    if (part !== undefined) attempts.set(part, startedAttempt.get(String(completed.startedEventId))!);
  }
  return attempts;
}
