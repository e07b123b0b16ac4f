import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { historyToJSON } from "@temporalio/common/lib/proto-utils.js";
import { join } from "node:path";
import { testServices } from "@sdh/infra/testing";
import { listSnapshots, openStore, publishedFolder, pullSnapshot } from "@sdh/storage";
import { WorkflowFailedError, type WorkflowHandle } from "@temporalio/client";
import { defaultPayloadConverter } from "@temporalio/common";
import type { PartResult } from "../src/index.js";
import { describe, expect, it } from "vitest";
import { digestsOf, generatedLocally, withoutManifest, REPLAY_HISTORY, snapshotInput, tmp, servicesOfThisFile, vinPlantedIn } from "./snapshot-harness.js";
import { PACK_NAMES } from "@sdh/packs/names";

const MANIFEST = "snapshot_manifest_v0_9.json";

/** The test S3 gateway's endpoint for a worker, its credentials where the AWS provider chain reads them (the environment, as in a deployment). */
function testS3() {
  const s = testServices();
  process.env.AWS_ACCESS_KEY_ID = s.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = s.secretAccessKey;
  return { env: { SDH_S3_ENDPOINT: s.s3Endpoint, AWS_REGION: s.region }, bucket: s.bucket };
}

describe("snapshotWorkflow (real Temporal dev server)", () => {
  const services = servicesOfThisFile();

  it("builds through Temporal the very bytes `sdh generate` writes, and answers the progress query", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const input = snapshotInput({ records: 300, seed: 21, shardSize: 40 }, tmp());
    const worker = await services().worker(taskQueue, { stagingRoot: tmp() });
    const handle = await services().start(taskQueue, input);
    // Queries are answered by a worker: ask while it still runs.
    const [result, progress] = await worker.runUntil(async () => [await handle.result(), await handle.query("progress")] as const);

    const location = publishedFolder(input.target, input.snapshotId);
    expect(result).toMatchObject({ snapshotId: input.snapshotId, location, alreadyPublished: false, validation: { passed: true, errors: 0 } });
    expect(result.counts.households).toBe(300);
    const local = await generatedLocally(input.config, input.snapshotId);
    expect(withoutManifest(digestsOf(location))).toEqual(withoutManifest(digestsOf(local)));
    expect(existsSync(join(location, MANIFEST))).toBe(true);
    if (process.env.SDH_RECORD_HISTORY === "1") {
      // Refreshes the history the replay test runs against (test/histories/); commit it with the change.
      writeFileSync(REPLAY_HISTORY, `${historyToJSON(await handle.fetchHistory())}\n`);
    }
    // 300 households' keys (every rule) fit one batch of key ranges: one checkKeyRanges.
    expect(progress).toEqual({ step: "done", shardsDone: 8, shardsTotal: 8, recordsDone: 300, recordsTotal: 300, keyChecksDone: 1, keyChecksTotal: 1, counts: result.counts });
  });

  it("publishes to S3: every file uploaded with its checksum, the manifest last, latest moved; a pull gives generate's bytes", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { env, bucket } = testS3();
    const target = `s3://${bucket}/workflow-${randomUUID().slice(0, 8)}`;
    const input = snapshotInput({ records: 120, seed: 26, shardSize: 40 }, target);
    const worker = await services().worker(taskQueue, { stagingRoot: tmp(), env });
    const result = await worker.runUntil(services().start(taskQueue, input).then((h) => h.result()));
    expect(result.location).toBe(`${target}/v0.9/${input.snapshotId}/`);
    const store = openStore(target, env);
    expect((await listSnapshots(store)).map((x) => [x.snapshotId, x.latest])).toEqual([[input.snapshotId, true]]);
    const pulled = join(tmp(), "pulled");
    await pullSnapshot(store, { snapshot: "latest", out: pulled });
    const local = await generatedLocally(input.config, input.snapshotId);
    expect(withoutManifest(digestsOf(pulled))).toEqual(withoutManifest(digestsOf(local)));
  });

  it("builds the parts layout through Temporal: S3 holds each entity's parts with generate's bytes, which pull, verify and validate", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { env, bucket } = testS3();
    const target = `s3://${bucket}/parts-${randomUUID().slice(0, 8)}`;
    const input = snapshotInput({ records: 150, seed: 27, shardSize: 25, layout: { kind: "parts", roots: 50 }, formats: ["csv", "jsonl", "parquet"] }, target);
    const stagingRoot = tmp();
    const worker = await services().worker(taskQueue, { stagingRoot, env });
    const handle = await services().start(taskQueue, input);
    const parts = join(stagingRoot, input.snapshotId, "parts");
    const [result, again, reused] = await worker.runUntil(async () => {
      const first = await handle.result();
      // Hostile staging: one part's record is not JSON, another's is forged (fingerprint and digests).
      // Neither is trusted: those parts are exported again; the intact one is reused.
      writeFileSync(join(parts, "part-00001.json"), "{ not json");
      const forged = JSON.parse(readFileSync(join(parts, "part-00002.json"), "utf8")) as { files: Array<{ sha256: string }> };
      writeFileSync(join(parts, "part-00002.json"), JSON.stringify({ ...forged, files: forged.files.map((f) => ({ ...f, sha256: "0".repeat(64) })), fingerprint: "forged" }));
      const second = await services().start(taskQueue, input);
      return [first, await second.result(), partResults(await second.fetchHistory())] as const;
    });
    expect(result.validation.passed).toBe(true);
    expect(again).toMatchObject({ alreadyPublished: true, files: result.files, bytes: result.bytes });
    expect(reused).toEqual([true, false, false]);
    // One export activity per part (ADR 0028), then the collect step: no activity exported the whole snapshot.
    const activities = (await handle.fetchHistory()).events!.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(activities.filter((a) => !a.startsWith("generateShard"))).toEqual(["planKeyRanges", "checkKeyRanges", "validateSnapshot", "exportPart", "exportPart", "exportPart", "collectParts", "publishManifest"]);
    // Each part's worker uploaded its files and dropped its local copies: staging keeps the parts' records only.
    const staged = readdirSync(join(stagingRoot, input.snapshotId, "bundle"), { recursive: true }).map(String);
    expect(staged.filter((f) => /part-\d+\.\w+$/.test(f))).toEqual([]);
    expect(readdirSync(join(stagingRoot, input.snapshotId, "parts")).sort()).toEqual(["part-00000.json", "part-00001.json", "part-00002.json"]);
    const pulled = join(tmp(), "pulled");
    await pullSnapshot(openStore(target, env), { snapshot: "latest", out: pulled });
    expect(readdirSync(join(pulled, "claims")).sort()).toEqual(["part-00000.csv", "part-00000.jsonl", "part-00000.parquet", "part-00001.csv", "part-00001.jsonl", "part-00001.parquet", "part-00002.csv", "part-00002.jsonl", "part-00002.parquet"]);
    const local = await generatedLocally(input.config, input.snapshotId);
    expect(withoutManifest(digestsOf(pulled))).toEqual(withoutManifest(digestsOf(local)));
    const { validateBundle, verifyBundle } = await import("@sdh/exporters");
    expect((await verifyBundle(pulled)).mismatches).toEqual([]);
    expect((await validateBundle(pulled)).validation.passed).toBe(true);
  });

  it("builds the FinTech pack through Temporal with the engine it shares with P&C: S3 holds generate's bytes, which validate; a partial pull verifies", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { env, bucket } = testS3();
    const target = `s3://${bucket}/fintech-${randomUUID().slice(0, 8)}`;
    const input = snapshotInput({ pack: "fintech", records: 90, seed: 31, shardSize: 25 }, target);
    const worker = await services().worker(taskQueue, { stagingRoot: tmp(), env });
    const handle = await services().start(taskQueue, input);
    const [result, progress] = await worker.runUntil(async () => [await handle.result(), await handle.query("progress")] as const);
    expect(Object.keys(result.counts)).toEqual(["customers", "accounts", "transactions"]);
    expect(progress).toMatchObject({ step: "done", shardsDone: 4, shardsTotal: 4, recordsDone: 90, recordsTotal: 90 });
    const store = openStore(target, env);
    expect((await listSnapshots(store)).map((x) => [x.snapshotId, x.pack, x.latest])).toEqual([[input.snapshotId, "fintech", true]]);
    const whole = join(tmp(), "whole");
    await pullSnapshot(store, { snapshot: "latest", out: whole });
    const local = await generatedLocally(input.config, input.snapshotId);
    expect(withoutManifest(digestsOf(whole))).toEqual(withoutManifest(digestsOf(local)));
    const { validateBundle, verifyBundle } = await import("@sdh/exporters");
    expect((await validateBundle(whole)).validation.rules.filter((r) => r.failures > 0)).toEqual([]);
    // A consumer of the ledger alone: the transactions' files and the documents, checked as pulled.
    const partial = join(tmp(), "partial");
    await pullSnapshot(store, { snapshot: input.snapshotId, out: partial, entities: ["transactions"], formats: ["parquet"] });
    expect(readdirSync(partial).filter((f) => f.endsWith(".parquet"))).toEqual(["transactions_v0_9.parquet"]);
    const verified = await verifyBundle(partial);
    expect(verified.mismatches).toEqual([]);
    expect(verified.notPulled.length).toBeGreaterThan(0);
    await expect(pullSnapshot(store, { snapshot: input.snapshotId, out: join(tmp(), "no"), entities: ["persons"] })).rejects.toThrow(
      `--entities names persons, which snapshot ${input.snapshotId} does not have; its entities (pack fintech) are customers, accounts, transactions`,
    );
  });

  it("retries a step whose storage fails at first, and ends with the same bytes", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const input = snapshotInput({ records: 120, seed: 22, shardSize: 50 }, tmp());
    const failures: string[] = [];
    const worker = await services().worker(taskQueue, {
      stagingRoot: tmp(),
      beforeStep: (step, attempt) => {
        if ((step === "exportSnapshot" || step === "generateShard") && attempt < 3) {
          failures.push(`${step}#${attempt}`);
          throw Object.assign(new Error(`EIO: simulated storage fault (${step}, attempt ${attempt})`), { code: "EIO" });
        }
      },
    });
    const handle = await services().start(taskQueue, input);
    const result = await worker.runUntil(handle.result());
    expect(failures).toContain("exportSnapshot#1");
    expect(failures).toContain("exportSnapshot#2");
    expect(failures.filter((f) => f.startsWith("generateShard"))).toHaveLength(6); // 3 shards × 2 failed attempts
    const local = await generatedLocally(input.config, input.snapshotId);
    expect(withoutManifest(digestsOf(result.location))).toEqual(withoutManifest(digestsOf(local)));
  });

  it("fails at once, not retried, on a pack this release does not ship (a schedule made for a newer worker), and publishes nothing", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const target = tmp();
    const input = snapshotInput({ records: 10, seed: 3 }, target);
    const worker = await services().worker(taskQueue, { stagingRoot: tmp() });
    const handle = await services().start(taskQueue, { ...input, config: { ...input.config, pack: "crypto" } });
    const failure = await worker.runUntil(handle.result().then(() => null, (e: unknown) => e));
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause as { cause?: { type?: string; message?: string } };
    expect(cause.cause?.type).toBe("InvalidConfig");
    expect(cause.cause?.message).toBe(`pack 'crypto' is not one this release of sdh ships; the packs are: ${PACK_NAMES.join(", ")}`);
    expect(readdirSync(target)).toEqual([]);
  });

  it("refuses a run whose lane count or key-check size is not a whole number above 0 before any step, and publishes nothing", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const target = tmp();
    const input = snapshotInput({ records: 10, seed: 3 }, target);
    const worker = await services().worker(taskQueue, { stagingRoot: tmp() });
    const runs = [
      [{ keysPerCheck: 0 }, "keysPerCheck must be a whole number of at least 1 when given (got 0)"],
      [{ maxParallelShards: "four" as unknown as number }, 'maxParallelShards must be a whole number of at least 1 when given (got "four")'],
    ] as const;
    const handles = await Promise.all(runs.map(([bad]) => services().start(taskQueue, { ...input, snapshotId: `${input.snapshotId}-${Object.keys(bad)[0]}`, ...bad })));
    const failures = await worker.runUntil(Promise.all(handles.map((h) => h.result().then(() => null, (e: unknown) => e))));
    for (const [k, [, message]] of runs.entries()) {
      const [handle, failure] = [handles[k]!, failures[k]];
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      const cause = (failure as WorkflowFailedError).cause as { type?: string; message?: string };
      expect([cause.type, cause.message]).toEqual(["InvalidConfig", message]);
      const scheduled = (await handle.fetchHistory()).events!.filter((e) => e.activityTaskScheduledEventAttributes);
      expect(scheduled).toEqual([]);
    }
    expect(readdirSync(target)).toEqual([]);
  });

  it("runs more than 500 key checks in child workflows of 500, and still finds a key planted across shards", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const target = tmp();
    // One bucket a check: 20 households fill 436 buckets of the 16 rules, 30 households over 600.
    const input = { ...snapshotInput({ records: 30, seed: 31, shardSize: 10 }, target), keysPerCheck: 1 };
    const { vin: planted, buildShard } = vinPlantedIn(input.config, 2);
    const worker = await services().worker(taskQueue, { stagingRoot: tmp(), buildShard });
    const handle = await services().start(taskQueue, input);
    const failure = await worker.runUntil(handle.result().then(() => null, (e: unknown) => e));
    const cause = (failure as WorkflowFailedError).cause as { cause?: { type?: string; message?: string; details?: unknown[] } };
    expect(cause.cause?.type).toBe("ValidationFailed");
    expect(cause.cause?.message).toContain("UNIQUE_VIN (1)");
    const details = cause.cause?.details?.[0] as { failing: Array<{ code: string; examples: unknown[] }> };
    expect(details.failing.find((f) => f.code === "UNIQUE_VIN")?.examples).toEqual([{ value: planted, first_shard: 0, shard: 2 }]);
    // The parent ran no check itself: its children did, 500 at most each, more than 500 in all.
    const events = (await handle.fetchHistory()).events!;
    const checksOf = (history: typeof events) => history.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === "checkKeyRanges").length;
    expect(checksOf(events)).toBe(0);
    const children = events.flatMap((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name === "keyCheckBatchWorkflow" ? [e.startChildWorkflowExecutionInitiatedEventAttributes.workflowId!] : []);
    expect(children.map((id) => id.replace(/.*-keys-/, ""))).toEqual(["0", "500"]);
    const perChild = await Promise.all(children.map(async (id) => checksOf((await services().client.workflow.getHandle(id).fetchHistory()).events!)));
    expect(perChild[0]).toBe(500);
    expect(perChild[1]).toBeGreaterThan(0);
    expect(perChild[1]).toBeLessThanOrEqual(500);
    expect(readdirSync(target)).toEqual([]);
  }, 240_000);

  it("checks uniqueness across shards by key range, reading each range's buckets from S3 staging: a VIN planted in another shard is found, naming both shards", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { env, bucket } = testS3();
    const target = tmp();
    const stagingRoot = tmp();
    // Small batches, so the check runs as many activities: 120 households hold ~5,000 keys across 16 rules.
    const input = { ...snapshotInput({ records: 120, seed: 27, shardSize: 30 }, target), keysPerCheck: 400 };
    // Shard 0's first vehicle's VIN, given again to the first vehicle of shard 3.
    const { vin: planted, buildShard } = vinPlantedIn(input.config, 3);
    const worker = await services().worker(taskQueue, {
      env,
      stagingRoot,
      sharedStaging: `s3://${bucket}/staging-${randomUUID().slice(0, 8)}`,
      // As on another machine: this worker's cache loses the shards' key files and indexes before the
      // checks, so each check reads only its sealed buckets of them from S3 (ranged GETs), and each
      // shard's index of a rule by range too, for the range from bucket 0.
      beforeStep: (step) => {
        if (step !== "checkKeyRanges") return;
        const shards = join(stagingRoot, input.snapshotId, "shards");
        for (const shard of readdirSync(shards)) for (const f of readdirSync(join(shards, shard, "keys"))) rmSync(join(shards, shard, "keys", f));
      },
      buildShard,
    });
    const handle = await services().start(taskQueue, input);
    const failure = await worker.runUntil(handle.result().then(() => null, (e: unknown) => e));
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause as { cause?: { type?: string; message?: string; details?: unknown[] } };
    expect(cause.cause?.type).toBe("ValidationFailed");
    expect(cause.cause?.message).toContain("UNIQUE_VIN (1)");
    const details = cause.cause?.details?.[0] as { failing: Array<{ code: string; examples: unknown[] }> };
    expect(details.failing.find((f) => f.code === "UNIQUE_VIN")?.examples).toEqual([{ value: planted, first_shard: 0, shard: 3 }]);
    // The check ran as many activities; no key file or index came back whole to this machine.
    const checks = (await handle.fetchHistory()).events!.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === "checkKeyRanges");
    expect(checks.length).toBeGreaterThan(4);
    const shards = join(stagingRoot, input.snapshotId, "shards");
    expect(readdirSync(shards).flatMap((shard) => readdirSync(join(shards, shard, "keys")))).toEqual([]);
    expect(readdirSync(target)).toEqual([]);
  });

  it("fails on a failed validation after one attempt, with the report's summary, and publishes nothing", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const target = tmp();
    const input = snapshotInput({ records: 90, seed: 23, shardSize: 30 }, target);
    const { buildShard } = await import("@sdh/exporters");
    const { PC_PACK } = await import("@sdh/pack-pc");
    const attempts: number[] = [];
    const worker = await services().worker(taskQueue, {
      stagingRoot: tmp(),
      beforeStep: (step, attempt) => {
        if (step === "validateSnapshot") attempts.push(attempt);
      },
      // The head of shard 1's third household gets an email outside the reserved domains: a privacy rule must stop it.
      buildShard: (task, onProgress) =>
        buildShard(task, {
          onProgress,
          generate: (config) => ({
            *range(start: number, end: number) {
              for (const root of PC_PACK.generate(config).range(start, end)) {
                if (task.shard === 1 && root.index === start + 2) (root.records.persons![0] as { email: string }).email = "real.person@gmail.com";
                yield root;
              }
            },
          }),
        }),
    });
    const handle = await services().start(taskQueue, input);
    const failure = await worker.runUntil(handle.result().then(() => null, (e: unknown) => e));
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause as { cause?: { type?: string; message?: string } };
    expect(cause.cause?.type).toBe("ValidationFailed");
    expect(cause.cause?.message).toContain("PRIVACY_EMAIL_DOMAIN (1)");
    expect(attempts).toEqual([1]);
    expect(readdirSync(target)).toEqual([]); // nothing published, not even the version folder
  });
});

/** Whether each part's exportPart reused its staged record, by part, from a run's history. */
function partResults(history: Awaited<ReturnType<WorkflowHandle["fetchHistory"]>>): boolean[] {
  const results = (history.events ?? []).flatMap((e) => {
    const payload = e.activityTaskCompletedEventAttributes?.result?.payloads?.[0];
    const result = payload ? defaultPayloadConverter.fromPayload<Partial<PartResult>>(payload) : null;
    return result && typeof result.part === "number" && "reused" in result ? [result as PartResult] : [];
  });
  return results.sort((a, b) => a.part - b.part).map((r) => r.reused);
}
