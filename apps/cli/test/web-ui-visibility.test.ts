import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolveBinary, SDH_SEARCH_ATTRIBUTES } from "@sdh/infra";
import { testServices } from "@sdh/infra/testing";
import { SEARCH_ATTRIBUTES, snapshotWorkflowId, type SnapshotProgress, type SnapshotResult } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";
import { defaultPayloadConverter } from "@temporalio/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exited, s3Env, servicesEnv, startWorker, tmp } from "./cli-workers.js";
import { runCli } from "./run-cli.js";

// What an operator sees of a build in the Web UI (and `temporal workflow list`), read back from the
// real dev server: search attributes to find it by, its memo and summary, each activity's summary,
// and progress that moves while a shard is still building.
describe("builds in the Web UI: search attributes, memo, summaries, live progress", () => {
  let connection: Connection;
  let client: Client;
  beforeAll(async () => {
    connection = await Connection.connect({ address: testServices().temporalAddress });
    client = new Client({ connection, namespace: testServices().namespace });
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("the dev server registers exactly the attributes builds carry", () => {
    const types = { KEYWORD: "Keyword", INT: "Int" } as const;
    expect(Object.fromEntries(SEARCH_ATTRIBUTES.map((a) => [a.name, types[a.type]]))).toEqual(SDH_SEARCH_ATTRIBUTES);
  });

  it("a build is found by its attributes, shows its memo and summaries, and its progress moves inside a shard", async () => {
    const taskQueue = `visible-${randomUUID()}`;
    const target = tmp();
    const worker = await startWorker(taskQueue, tmp(), 1);
    const snapshotId = `visible-${randomUUID().slice(0, 8)}`;
    const env = { ...servicesEnv(), ...s3Env() };
    const start = runCli(["snapshot", "run", "--records", "60000", "--shards", "2", "--formats", "csv", "--seed", "9", "--snapshot-id", snapshotId, "--target", target, "--task-queue", taskQueue], env);
    expect([start.status, start.stderr]).toEqual([0, ""]);

    // `snapshot status` while the first shard builds: households counted before any shard ended.
    let inShard: SnapshotProgress | undefined;
    const deadline = Date.now() + 60_000;
    while (!inShard && Date.now() < deadline) {
      const status = runCli(["snapshot", "status", snapshotId, "--json"], env);
      const progress = (JSON.parse(status.stdout) as { progress?: SnapshotProgress | null }).progress;
      if (progress && progress.shardsDone === 0 && progress.recordsDone > 0 && progress.recordsDone < 30_000) inShard = progress;
      else await new Promise((r) => setTimeout(r, 300));
    }
    expect(inShard, "a status inside the first shard").toMatchObject({ step: "generate", shardsDone: 0, recordsTotal: 60_000 });

    const handle = client.workflow.getHandle(snapshotWorkflowId(snapshotId));
    const result = (await handle.result()) as SnapshotResult;
    expect(result.counts.households).toBe(60_000);

    // Found by every attribute at once (visibility is eventually consistent: asked until it answers).
    const query = `SdhSnapshotId = '${snapshotId}' AND SdhSeed = 9 AND SdhAsOf = '2026-01-06' AND SdhPack = 'pc' AND SdhTarget = '${target}'`;
    let found: string[] = [];
    for (const until = Date.now() + 20_000; found.length === 0 && Date.now() < until; await new Promise((r) => setTimeout(r, 300))) {
      found = [];
      for await (const w of client.workflow.list({ query })) found.push(w.workflowId);
    }
    expect(found).toEqual([snapshotWorkflowId(snapshotId)]);

    const description = await handle.describe();
    expect(description.memo).toEqual({ snapshotId, pack: "pc", records: 60_000, seed: 9, asOf: "2026-01-06", formats: ["csv"], shardSize: 30_000, target });
    expect(await description.staticSummary()).toBe(`Snapshot **${snapshotId}**: 60,000 households (pc), seed 9, asOf 2026-01-06 → ${target}`);
    const history = await handle.fetchHistory();
    const summaries = (history.events ?? [])
      .filter((e) => e.activityTaskScheduledEventAttributes)
      .map((e) => (e.userMetadata?.summary ? defaultPayloadConverter.fromPayload<string>(e.userMetadata.summary) : null));
    // The key checks: as many batches as the keys need, each naming its rules' bucket ranges.
    const checks = summaries.filter((s) => s?.startsWith("key check "));
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(c).toMatch(new RegExp(`^key check \\d+ of ${checks.length}: UNIQUE_\\w+ buckets \\d+-\\d+`));
    expect(summaries.filter((s) => !s?.startsWith("key check "))).toEqual([
      "shard 1 of 2: root records 0–29999",
      "shard 2 of 2: root records 30000–59999",
      "plan the key checks across 2 shards",
      "validate 2 shard(s): every rule, foreign keys across shards",
      "export csv",
      `publish to ${target}`,
    ]);
    worker.child.kill("SIGTERM");
    expect(await exited(worker.child)).toBe(0);
  }, 180_000);

  it("doctor warns, naming the commands, where a namespace lacks them", async () => {
    const namespace = `sdh-bare-${randomUUID().slice(0, 8)}`;
    const temporal = await resolveBinary("temporal");
    const created = spawnSync(temporal, ["operator", "namespace", "create", "--address", testServices().temporalAddress, "--namespace", namespace], { encoding: "utf8" });
    expect(created.status, created.stderr).toBe(0);
    const env = { ...s3Env(), SDH_S3_BUCKET: testServices().bucket, TEMPORAL_ADDRESS: testServices().temporalAddress, TEMPORAL_NAMESPACE: namespace };
    // A new namespace takes a moment to serve: asked until the round trip passes.
    let doctor = runCli(["doctor", "--json"], env);
    for (let i = 0; i < 20 && doctor.status !== 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      doctor = runCli(["doctor", "--json"], env);
    }
    expect(doctor.status, doctor.stdout + doctor.stderr).toBe(0);
    const check = (JSON.parse(doctor.stdout) as Array<{ check: string; ok: boolean; warning?: boolean; detail: string }>).find((c) => c.check === "Search attributes");
    expect(check).toMatchObject({ ok: true, warning: true });
    expect(check!.detail).toContain(`SdhSnapshotId, SdhTarget, SdhSeed, SdhAsOf, SdhPack not registered in namespace ${namespace}`);
    expect(check!.detail).toContain(`temporal operator search-attribute create --namespace ${namespace} --name SdhSeed --type Int`);
  }, 120_000);
});
