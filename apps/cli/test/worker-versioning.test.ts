import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolveBinary } from "@sdh/infra";
import { testServices } from "@sdh/infra/testing";
import { snapshotWorkflowId, type SnapshotResult } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exited, s3Env, servicesEnv, startWorker, tmp } from "./cli-workers.js";
import { runCli } from "./run-cli.js";

interface Started {
  version: { deploymentName: string; buildId: string } | "unversioned";
  identity: string;
}

// A versioned rollout as the runbook does it (§9), against the real dev server: a build started on
// one version finishes there while a new version becomes current and takes the new builds.
describe("worker versioning", () => {
  let temporal: string;
  let connection: Connection;
  let client: Client;
  beforeAll(async () => {
    temporal = await resolveBinary("temporal");
    connection = await Connection.connect({ address: testServices().temporalAddress });
    client = new Client({ connection, namespace: testServices().namespace });
  }, 120_000);
  afterAll(async () => {
    await connection?.close();
  });

  const startedLine = (output: string) => JSON.parse(output.split("\n").find((l) => l.includes('"worker started"'))!) as Started;
  /** The runbook's command; the version exists once its first worker has polled, so it is retried until then. */
  const setCurrent = async (deployment: string, buildId: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = spawnSync(temporal, ["worker", "deployment", "set-current-version", "--address", testServices().temporalAddress, "--namespace", testServices().namespace, "--deployment-name", deployment, "--build-id", buildId, "--yes"], { encoding: "utf8" });
      if (run.status === 0) return;
      if (Date.now() > deadline) throw new Error(`set-current-version failed: ${run.stderr}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const pinnedBuild = async (snapshotId: string) => (await client.workflow.getHandle(snapshotWorkflowId(snapshotId)).describe()).raw.workflowExecutionInfo?.versioningInfo?.deploymentVersion?.buildId;
  const activityIdentities = async (snapshotId: string) => {
    const history = await client.workflow.getHandle(snapshotWorkflowId(snapshotId)).fetchHistory();
    return new Set((history.events ?? []).map((e) => e.activityTaskStartedEventAttributes?.identity).filter((i): i is string => !!i));
  };

  const shardsScheduled = async (snapshotId: string) => {
    const history = await client.workflow.getHandle(snapshotWorkflowId(snapshotId)).fetchHistory().catch(() => undefined);
    return (history?.events ?? []).some((e) => e.activityTaskScheduledEventAttributes);
  };

  it("a build started on the old version finishes on it; the new current version takes new builds", async () => {
    const deployment = `sdh-test-${randomUUID().slice(0, 8)}`;
    const taskQueue = `versioned-${randomUUID()}`;
    const staging = tmp();
    const target = tmp();
    const env = { ...servicesEnv(), ...s3Env() };

    const old = await startWorker(taskQueue, staging, 1, ["--deployment", deployment]);
    const oldStart = startedLine(old.output());
    // The release's build id: the version and the workflow bundle's digest.
    expect(oldStart.version).toMatchObject({ deploymentName: deployment, buildId: expect.stringMatching(/^\d+\.\d+\.\d+-[0-9a-f]{12}$/) });
    const oldBuild = (oldStart.version as { buildId: string }).buildId;
    await setCurrent(deployment, oldBuild);

    // A build of three shards, one at a time on the old worker: long enough to roll out under it.
    const longId = `versioned-long-${randomUUID().slice(0, 8)}`;
    const longArgs = ["snapshot", "run", "--records", "60000", "--shards", "3", "--formats", "csv", "--seed", "4", "--snapshot-id", longId, "--target", target, "--task-queue", taskQueue];
    expect(runCli(longArgs, env).status).toBe(0);
    // Pinned once its first workflow task is done on the old worker: its shard activities are scheduled.
    const deadline = Date.now() + 30_000;
    while (!(await shardsScheduled(longId))) {
      if (Date.now() > deadline) throw new Error("the long build never started");
      await new Promise((r) => setTimeout(r, 250));
    }

    const next = await startWorker(taskQueue, staging, 1, ["--deployment", deployment, "--build-id", "next-1"]);
    const nextStart = startedLine(next.output());
    await setCurrent(deployment, "next-1");
    expect((await client.workflow.getHandle(snapshotWorkflowId(longId)).describe()).status.name).toBe("RUNNING");
    const shortId = `versioned-short-${randomUUID().slice(0, 8)}`;
    const short = runCli(["snapshot", "run", "--records", "20", "--seed", "4", "--snapshot-id", shortId, "--target", target, "--task-queue", taskQueue, "--wait", "--json"], env);
    expect([short.status, short.stderr]).toEqual([0, ""]);
    // Awaited by its handle: `snapshot run` again would start a new run (on the new version) if it had ended.
    const long = (await client.workflow.getHandle(snapshotWorkflowId(longId)).result()) as SnapshotResult;
    expect(long.counts.households).toBe(60_000);

    expect(await pinnedBuild(longId)).toBe(oldBuild);
    expect([...(await activityIdentities(longId))]).toEqual([oldStart.identity]);
    expect(await pinnedBuild(shortId)).toBe("next-1");
    expect([...(await activityIdentities(shortId))]).toEqual([nextStart.identity]);

    for (const w of [old, next]) w.child.kill("SIGTERM");
    expect(await Promise.all([exited(old.child), exited(next.child)])).toEqual([0, 0]);
  }, 240_000);

  it("refuses a build id without a deployment, and names that are not allowed", () => {
    const run = (args: string[]) => runCli(["worker", ...args], servicesEnv());
    expect(run(["--build-id", "x"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--build-id needs --deployment") });
    expect(run(["--deployment", "a.b"])).toMatchObject({ status: 2, stderr: expect.stringContaining(`deployment name "a.b" must be 1-100 letters, digits, '-' or '_' (no dots)`) });
  }, 60_000);
});
