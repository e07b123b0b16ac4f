import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkStagedKeyRange, checkStagedKeys, keyRulesOf, planSnapshotKeyRanges, runShards, shardFolderName, validateShards, type ShardSummary } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import { bucketStarts, KEY_BUCKETS, type ExportedKeys } from "@sdh/validation";
import { beforeAll, describe, expect, it } from "vitest";
import { readKeyIndex, writeKeyFiles } from "../src/shards/key-file.js";
import { digestOf, StagedArtifactError } from "../src/shards/staged-artifacts.js";
import { keyFileName, keyIndexName } from "../src/shards/shard-layout.js";
import { tmp } from "./bundle-helpers.js";

// Three real shards, their keys staged by bucket; then a key planted in another shard, a byte flipped,
// and a shard staged the old way (one file in ordinal order), each checked as a build checks them.
describe("the check across staged shards, range by range", () => {
  const config = parseSnapshotConfig({ records: 300, seed: 5, shardSize: 100 });
  const RULE = "UNIQUE_VIN";
  let shardsDir = "";
  let built: ShardSummary[] = [];
  const copy = () => built.map((s) => structuredClone(s));
  const keysOf = (summary: ShardSummary): Buffer => readFileSync(join(shardsDir, shardFolderName(summary.shard), keyFileName(RULE)));

  beforeAll(async () => {
    shardsDir = tmp();
    built = await runShards(
      [0, 1, 2].map((shard) => ({ shard, start: shard * 100, end: shard * 100 + 100, config, dir: join(shardsDir, shardFolderName(shard)) })),
      { workers: 1 },
    );
  }, 60_000);

  /** Rewrites a shard's keys of RULE with `edit` applied (its summary's digests and counts follow), as a shard that generated them would have. */
  async function restage(summaries: ShardSummary[], shard: number, edit: (words: Uint32Array) => void): Promise<void> {
    const summary = summaries[shard]!;
    const dir = join(shardsDir, shardFolderName(shard));
    const words = new Uint32Array(new Uint8Array(keysOf(summary)).buffer);
    edit(words);
    const index = await readKeyIndex(join(dir, keyIndexName(RULE)), summary.artifacts[keyIndexName(RULE)]);
    const exported: ExportedKeys = { kind: index.kind, size: words.length / 4, words, others: [] };
    const written = await writeKeyFiles(join(dir, keyFileName(RULE)), join(dir, keyIndexName(RULE)), exported);
    summary.artifacts[keyFileName(RULE)] = written.keys;
    summary.artifacts[keyIndexName(RULE)] = written.index;
    summary.keyBuckets![RULE] = written.counts;
  }

  it("passes generated shards, planning ranges from the summaries' counts", async () => {
    expect(keyRulesOf(config)).toContain(RULE);
    expect(built.every((s) => Object.keys(s.keyBuckets ?? {}).length === keyRulesOf(config).length)).toBe(true);
    expect(await checkStagedKeys(shardsDir, built, keyRulesOf(config))).toEqual([]);
    // Small ranges cover the same buckets: every rule from bucket 0 to 256, in order.
    const ranges = await planSnapshotKeyRanges(shardsDir, built, [RULE], 20);
    expect(ranges.length).toBeGreaterThan(3);
    expect([ranges[0]!.from, ranges.at(-1)!.to]).toEqual([0, KEY_BUCKETS]);
    expect(await checkStagedKeys(shardsDir, built, keyRulesOf(config), 20)).toEqual([]);
  });

  it("finds a key planted in a later shard, naming both shards, and fails the gate; a shard staged before bucketing reads the same", async () => {
    const summaries = copy();
    const files = [1, 2].flatMap((shard) => [keyFileName(RULE), keyIndexName(RULE)].map((f) => join(shardsDir, shardFolderName(shard), f)));
    const originals = files.map((f) => readFileSync(f));
    try {
      const donor = new Uint32Array(new Uint8Array(keysOf(summaries[0]!)).buffer).slice(40, 44);
      await restage(summaries, 2, (words) => words.set(donor, 8));
      const found = await checkStagedKeys(shardsDir, summaries, [RULE], 20);
      expect(found).toEqual([{ code: RULE, count: 1, examples: [{ scope: "snapshot", example: { value: expect.any(String), first_shard: 0, shard: 2 } }] }]);
      const { validation } = await validateShards({ config, shardsDir, shards: summaries });
      expect(validation.passed).toBe(false);
      expect(validation.rules.find((r) => r.code === RULE)!.failures).toBe(1);

      // Shard 1 staged as before bucketing (a JSON header line, its keys in ordinal order, no index): still read.
      const dir = join(shardsDir, shardFolderName(1));
      const { kind } = await readKeyIndex(join(dir, keyIndexName(RULE)), summaries[1]!.artifacts[keyIndexName(RULE)]);
      const body = keysOf(summaries[1]!);
      const old = Buffer.concat([Buffer.from(`${JSON.stringify({ kind, size: body.length / 16, others: [] })}\n`), body]);
      writeFileSync(join(dir, keyFileName(RULE)), old);
      summaries[1]!.artifacts[keyFileName(RULE)] = digestOf(old);
      delete summaries[1]!.artifacts[keyIndexName(RULE)];
      delete summaries[1]!.keyBuckets;
      expect(await checkStagedKeys(shardsDir, summaries, [RULE], 20)).toEqual(found);
    } finally {
      // The other tests read the shards as built.
      files.forEach((f, i) => writeFileSync(f, originals[i]!));
    }
  });

  it("refuses a flipped byte in one bucket, naming the shard, the rule and the bucket, and a changed index", async () => {
    const summary = built[1]!;
    const path = join(shardsDir, shardFolderName(1), keyFileName(RULE));
    const original = readFileSync(path);
    const counts = summary.keyBuckets![RULE]!;
    const bucket = counts.findIndex((c, b) => b > 100 && c > 0);
    const flipped = Buffer.from(original);
    flipped[bucketStarts(counts)[bucket]! * 16 + 3]! ^= 0x10;
    writeFileSync(path, flipped);
    try {
      await expect(checkStagedKeys(shardsDir, built, [RULE])).rejects.toThrow(
        new RegExp(`staged file .*shard-00001/keys/${RULE}\\.keys \\(bucket ${bucket}\\) is corrupt: .*; rerun --from generateShard`),
      );
      // A range that does not hold the bucket never reads it.
      const before = (await planSnapshotKeyRanges(shardsDir, built, [RULE], 20)).filter((r) => r.to <= bucket);
      expect(before.length).toBeGreaterThan(0);
      for (const range of before) expect(await checkStagedKeyRange(shardsDir, built, range)).toBeNull();
    } finally {
      writeFileSync(path, original);
    }
    const indexPath = join(shardsDir, shardFolderName(1), keyIndexName(RULE));
    const index = readFileSync(indexPath);
    writeFileSync(indexPath, Buffer.from(index.toString("utf8").replace('"format":2', '"format":3')));
    try {
      await expect(checkStagedKeys(shardsDir, built, [RULE])).rejects.toThrow(/index\.json is corrupt: .* rerun --from generateShard/);
      // The same index with its summary's digest to match (as another version of the code would
      // stage it): refused for its shape, as corrupt (never retried), not as a failure to try again.
      const summaries = copy();
      summaries[1]!.artifacts[keyIndexName(RULE)] = digestOf(readFileSync(indexPath));
      const refused = await checkStagedKeys(shardsDir, summaries, [RULE]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(StagedArtifactError);
      expect((refused as StagedArtifactError).rerunFrom).toBe("generateShard");
      expect((refused as Error).message).toMatch(/index\.json is corrupt: not a key index this worker reads \(.*\); rerun --from generateShard/);
    } finally {
      writeFileSync(indexPath, index);
    }
  });
});
