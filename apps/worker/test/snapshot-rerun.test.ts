import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateShards } from "@sdh/exporters";
import { testServices } from "@sdh/infra/testing";
import { openStore, publishedFolder, pullSnapshot } from "@sdh/storage";
import { describe, expect, it } from "vitest";
import { startRerun } from "../src/index.js";
import { digestsOf, failureOf, generatedLocally, withoutManifest, snapshotInput, tmp, servicesOfThisFile } from "./snapshot-harness.js";

const MANIFEST = "snapshot_manifest_v0_9.json";

/** The activity types a run scheduled, in order. */
async function activitiesOf(handle: { fetchHistory(): Promise<{ events?: Array<{ activityTaskScheduledEventAttributes?: { activityType?: { name?: string | null } | null } | null }> | null }> }): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((e) => (e.activityTaskScheduledEventAttributes?.activityType?.name ? [e.activityTaskScheduledEventAttributes.activityType.name] : []));
}


describe("sdh snapshot rerun --from <step> (real Temporal dev server)", () => {
  const services = servicesOfThisFile();

  it("a faulty rule fails validation; after the fix, a rerun from validateSnapshot reuses the shards and publishes generate's bytes", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const target = tmp();
    const stagingRoot = tmp();
    const input = snapshotInput({ records: 150, seed: 31, shardSize: 50 }, target);
    // The faulty release: its age rule flags one valid person (the gate's real report, plus one bogus failure).
    const faulty = await services().worker(taskQueue, {
      stagingRoot,
      validate: async (set) => {
        const { validation, quality } = await validateShards(set);
        const rules = validation.rules.map((r) => (r.code === validation.rules.find((x) => x.severity === "error")!.code ? { ...r, failures: 1, examples: [{ bogus: true }] } : r));
        return { validation: { ...validation, passed: false, errors: validation.errors + 1, rules }, quality };
      },
    });
    const first = await services().start(taskQueue, input);
    const failure = await faulty.runUntil(failureOf(first.result()));
    expect(failure.type).toBe("ValidationFailed");
    expect(readdirSync(target)).toEqual([]);

    // The fixed release rereads the staged shards: no shard is generated again.
    const fixed = await services().worker(taskQueue, { stagingRoot });
    const { handle, input: rerunInput, previousStatus } = await startRerun(services().client, { workflowId: first.workflowId, from: "validateSnapshot" });
    expect(previousStatus).toBe("FAILED");
    expect(rerunInput).toEqual({ ...input, from: "validateSnapshot" });
    const result = await fixed.runUntil(handle.result());
    expect(result).toMatchObject({ snapshotId: input.snapshotId, alreadyPublished: false, validation: { passed: true } });
    // The key checks run again with validation: a rerun from validateSnapshot redoes the whole gate.
    expect(await activitiesOf(handle)).toEqual(["planKeyRanges", "checkKeyRanges", "validateSnapshot", "exportSnapshot", "publishManifest"]);
    const local = await generatedLocally(input.config, input.snapshotId);
    expect(withoutManifest(digestsOf(publishedFolder(target, input.snapshotId)))).toEqual(withoutManifest(digestsOf(local)));
  });

  it("a rerun with nothing changed gives the same bytes; one whose skipped steps' output is gone fails at once, naming the step to rerun from", async () => {
    const taskQueue = `test-${randomUUID()}`;
    const target = tmp();
    const input = snapshotInput({ records: 100, seed: 32, shardSize: 50 }, target);
    const worker = await services().worker(taskQueue, { stagingRoot: tmp() });
    await worker.runUntil(async () => {
      const first = await services().start(taskQueue, input);
      const published = await first.result();
      const before = withoutManifest(digestsOf(published.location));

      // Publishing to a folder moved the exported files out of staging: publishManifest alone cannot run.
      const late = await startRerun(services().client, { workflowId: first.workflowId, from: "publishManifest", target: tmp() });
      const failure = await failureOf(late.handle.result());
      expect(failure.type).toBe("StagedOutputMissing");
      expect(failure.message).toMatch(/no longer staged.*rerun --from exportSnapshot/);

      // From generateShard: every shard is built again; the target already holds the same snapshot.
      const again = await startRerun(services().client, { workflowId: first.workflowId, from: "generateShard", target });
      expect(await again.handle.result()).toMatchObject({ alreadyPublished: true, counts: { households: 100 } });
      expect(await activitiesOf(again.handle)).toEqual(["generateShard", "generateShard", "planKeyRanges", "checkKeyRanges", "validateSnapshot", "exportSnapshot", "publishManifest"]);
      expect(withoutManifest(digestsOf(published.location))).toEqual(before);

      // That run's export stayed staged (nothing was moved): publishing alone to another target now works.
      const elsewhere = tmp();
      const copy = await startRerun(services().client, { workflowId: first.workflowId, from: "publishManifest", target: elsewhere });
      const copied = await copy.handle.result();
      expect(await activitiesOf(copy.handle)).toEqual(["publishManifest"]);
      expect(withoutManifest(digestsOf(copied.location))).toEqual(before);
    });
    expect(existsSync(join(publishedFolder(target, input.snapshotId), MANIFEST))).toBe(true);
  });

  it("reruns a parts-layout build on S3 from its export (every part again) and refuses to publish its parts to another target without one", async () => {
    const s = testServices();
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: s.accessKeyId, AWS_SECRET_ACCESS_KEY: s.secretAccessKey });
    const env = { SDH_S3_ENDPOINT: s.s3Endpoint, AWS_REGION: s.region };
    const taskQueue = `test-${randomUUID()}`;
    const [target, other] = ["a", "b"].map((k) => `s3://${s.bucket}/rerun-parts-${k}-${randomUUID().slice(0, 8)}`) as [string, string];
    const input = snapshotInput({ records: 80, seed: 34, shardSize: 20, layout: { kind: "parts", roots: 40 }, formats: ["csv", "parquet"] }, target);
    const worker = await services().worker(taskQueue, { stagingRoot: tmp(), env });
    await worker.runUntil(async () => {
      const first = await services().start(taskQueue, input);
      await first.result();
      // From the export: both parts are exported again (reusing nothing), and the target already holds them.
      const again = await startRerun(services().client, { workflowId: first.workflowId, from: "exportSnapshot", target });
      expect(await again.handle.result()).toMatchObject({ alreadyPublished: true });
      expect(await activitiesOf(again.handle)).toEqual(["exportPart", "exportPart", "collectParts", "publishManifest"]);
      // The parts were uploaded to the first target: publishing alone elsewhere would commit a manifest over nothing.
      const late = await startRerun(services().client, { workflowId: first.workflowId, from: "publishManifest", target: other });
      const failure = await failureOf(late.handle.result());
      expect(failure.type).toBe("StagedOutputMissing");
      expect(failure.message).toMatch(/uploaded to .*rerun-parts-a.*, not to .*rerun-parts-b.*rerun --from exportSnapshot/);
      // From the export to the other target: its parts go there, and the two snapshots hold the same bytes.
      const moved = await startRerun(services().client, { workflowId: first.workflowId, from: "exportSnapshot", target: other });
      expect(await moved.handle.result()).toMatchObject({ alreadyPublished: false });
      const [a, b] = [tmp(), tmp()];
      await pullSnapshot(openStore(target, env), { snapshot: input.snapshotId, out: a });
      await pullSnapshot(openStore(other, env), { snapshot: input.snapshotId, out: b });
      expect(withoutManifest(digestsOf(b))).toEqual(withoutManifest(digestsOf(a)));
    });
  });

  it("refuses to rerun a workflow that does not exist", async () => {
    await expect(startRerun(services().client, { workflowId: `snapshot-v0_9-missing-${randomUUID()}`, from: "exportSnapshot" })).rejects.toMatchObject({ kind: "usage", message: expect.stringMatching(/no snapshot workflow/) });
  });
});
