import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkStagedKeyRange, checkStagedKeys, keyRulesOf, planSnapshotKeyRanges, runShards, shardFolderName, validateShards, type ShardSummary } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import { bucketStarts, KEY_BUCKETS, type ExportedKeys } from "@sdh/validation";
import { beforeAll, describe, expect, it } from "vitest";
import { localRange, readKeyIndex, readSealedKeySlice, SEAL_BYTES, writeKeyFiles, type ReadRange } from "../src/shards/key-file.js";
import { digestOf, StagedArtifactError } from "../src/shards/staged-artifacts.js";
import { keyFileName, keyIndexName } from "../src/shards/shard-layout.js";
import { tmp } from "./bundle-helpers.js";

// Three real shards, their keys staged by sealed bucket; then a key planted in another shard, a byte
// flipped, a bucket from another shard, and shards staged the old ways (an index with each bucket's
// sha256; one file in ordinal order), each checked as a build checks them.
describe("the check across staged shards, range by range", () => {
  const config = parseSnapshotConfig({ records: 300, seed: 5, shardSize: 100 });
  const RULE = "UNIQUE_VIN";
  let shardsDir = "";
  let built: ShardSummary[] = [];
  const copy = () => built.map((s) => structuredClone(s));
  const keysPathOf = (shard: number) => join(shardsDir, shardFolderName(shard), keyFileName(RULE));
  /** A shard's keys of RULE, bucket after bucket, without their seals. */
  const keysOf = async (summary: ShardSummary): Promise<Uint32Array> =>
    (await readSealedKeySlice(keysPathOf(summary.shard), summary.keyBuckets![RULE]!, { fingerprint: summary.fingerprint, rule: RULE }, { from: 0, to: KEY_BUCKETS }, localRange(keysPathOf(summary.shard)))).words;

  beforeAll(async () => {
    shardsDir = tmp();
    built = await runShards(
      [0, 1, 2].map((shard) => ({ shard, start: shard * 100, end: shard * 100 + 100, config, dir: join(shardsDir, shardFolderName(shard)) })),
      { workers: 1 },
    );
  }, 60_000);

  /**
   * Rewrites a shard's keys of RULE with `edit` applied, and `others` as the values that did not pack
   * (their summary's digests, counts and sealed keys follow), as a shard that generated them would have.
   */
  async function restage(summaries: ShardSummary[], shard: number, edit: (words: Uint32Array) => void, others: Array<[number, string]> = []): Promise<void> {
    const summary = summaries[shard]!;
    const dir = join(shardsDir, shardFolderName(shard));
    const words = (await keysOf(summary)).slice();
    edit(words);
    const index = await readKeyIndex(join(dir, keyIndexName(RULE)), summary.artifacts[keyIndexName(RULE)]);
    const exported: ExportedKeys = { kind: index.kind, size: words.length / 4, words, others };
    const written = await writeKeyFiles(join(dir, keyFileName(RULE)), join(dir, keyIndexName(RULE)), exported, { fingerprint: summary.fingerprint, rule: RULE });
    summary.artifacts[keyFileName(RULE)] = written.keys;
    summary.artifacts[keyIndexName(RULE)] = written.index;
    summary.keyBuckets![RULE] = written.counts;
    summary.sealedKeys![RULE] = { kind: written.kind, others: written.others };
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
      const donor = (await keysOf(summaries[0]!)).slice(40, 44);
      await restage(summaries, 2, (words) => words.set(donor, 8));
      const found = await checkStagedKeys(shardsDir, summaries, [RULE], 20);
      expect(found).toEqual([{ code: RULE, count: 1, examples: [{ scope: "snapshot", example: { value: expect.any(String), first_shard: 0, shard: 2 } }] }]);
      const { validation } = await validateShards({ config, shardsDir, shards: summaries });
      expect(validation.passed).toBe(false);
      expect(validation.rules.find((r) => r.code === RULE)!.failures).toBe(1);

      // Shard 2 staged before seals (format 2: each bucket's sha256 in the index, the keys bare): still read.
      const words2 = await keysOf(summaries[2]!);
      const dir2 = join(shardsDir, shardFolderName(2));
      const index2 = await readKeyIndex(join(dir2, keyIndexName(RULE)), summaries[2]!.artifacts[keyIndexName(RULE)]);
      const starts2 = bucketStarts(index2.counts);
      const bare = Buffer.from(words2.buffer, words2.byteOffset, words2.byteLength);
      const sha256 = index2.counts.map((_, b) => digestOf(bare.subarray(starts2[b]! * 16, starts2[b + 1]! * 16)).sha256);
      const format2 = Buffer.from(JSON.stringify({ ...index2, format: 2, sha256 }));
      writeFileSync(join(dir2, keyFileName(RULE)), bare);
      writeFileSync(join(dir2, keyIndexName(RULE)), format2);
      summaries[2]!.artifacts[keyFileName(RULE)] = digestOf(bare);
      summaries[2]!.artifacts[keyIndexName(RULE)] = digestOf(format2);
      delete summaries[2]!.sealedKeys;
      expect(await checkStagedKeys(shardsDir, summaries, [RULE], 20)).toEqual(found);

      // Shard 1 staged as before bucketing (a JSON header line, its keys in ordinal order, no index): still read.
      const dir = join(shardsDir, shardFolderName(1));
      const { kind } = await readKeyIndex(join(dir, keyIndexName(RULE)), summaries[1]!.artifacts[keyIndexName(RULE)]);
      const words1 = await keysOf(summaries[1]!);
      const body = Buffer.from(words1.buffer, words1.byteOffset, words1.byteLength);
      const old = Buffer.concat([Buffer.from(`${JSON.stringify({ kind, size: body.length / 16, others: [] })}\n`), body]);
      writeFileSync(join(dir, keyFileName(RULE)), old);
      summaries[1]!.artifacts[keyFileName(RULE)] = digestOf(old);
      delete summaries[1]!.artifacts[keyIndexName(RULE)];
      delete summaries[1]!.keyBuckets;
      delete summaries[1]!.sealedKeys;
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
    // A byte of the bucket's keys (after the seals and keys of the buckets before it, and its own seal).
    flipped[bucket * SEAL_BYTES + bucketStarts(counts)[bucket]! * 16 + SEAL_BYTES + 3]! ^= 0x10;
    writeFileSync(path, flipped);
    try {
      await expect(checkStagedKeys(shardsDir, built, [RULE])).rejects.toThrow(
        new RegExp(`staged file .*shard-00001/keys/${RULE}\\.keys \\(bucket ${bucket}\\) is corrupt: its ${counts[bucket]} keys do not match the bucket's seal .*; rerun --from generateShard`),
      );
      // A range that does not hold the bucket never reads it.
      const before = (await planSnapshotKeyRanges(shardsDir, built, [RULE], 20)).filter((r) => r.to <= bucket);
      expect(before.length).toBeGreaterThan(0);
      for (const range of before) expect(await checkStagedKeyRange(shardsDir, built, range)).toBeNull();
    } finally {
      writeFileSync(path, original);
    }
    // A changed index, in a shard whose index is read (it holds a value that did not pack).
    const indexPath = join(shardsDir, shardFolderName(1), keyIndexName(RULE));
    const originals = [path, indexPath].map((f) => readFileSync(f));
    const withOther = copy();
    await restage(withOther, 1, () => {}, [[0, "NOT A PACKABLE VIN"]]);
    const index = readFileSync(indexPath);
    writeFileSync(indexPath, Buffer.from(index.toString("utf8").replace('"format":3', '"format":4')));
    try {
      await expect(checkStagedKeys(shardsDir, withOther, [RULE])).rejects.toThrow(/index\.json is corrupt: .* rerun --from generateShard/);
      // The same index with its summary's digest to match (as another version of the code would
      // stage it): refused for its shape, as corrupt (never retried), not as a failure to try again.
      withOther[1]!.artifacts[keyIndexName(RULE)] = digestOf(readFileSync(indexPath));
      const refused = await checkStagedKeys(shardsDir, withOther, [RULE]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(StagedArtifactError);
      expect((refused as StagedArtifactError).rerunFrom).toBe("generateShard");
      expect((refused as Error).message).toMatch(/index\.json is corrupt: not a key index this worker reads \(.*\); rerun --from generateShard/);
    } finally {
      [path, indexPath].forEach((f, i) => writeFileSync(f, originals[i]!));
    }
  });

  it("reads a shard's part of a range in one ranged read with only its summary (the index only for bucket 0's range, where values did not pack); a bucket from another shard is refused", async () => {
    const ranges = await planSnapshotKeyRanges(shardsDir, built, [RULE], 20);
    const reads: Array<{ path: string; offset: number; length: number }> = [];
    const counting = (path: string): ReadRange => {
      const read = localRange(path);
      return (offset, length) => {
        reads.push({ path, offset, length });
        return read(offset, length);
      };
    };
    const later = ranges.find((r) => r.from > 0 && r.keys > 0)!;
    expect(await checkStagedKeyRange(shardsDir, built, later, counting)).toBeNull();
    // One read a shard, of the key file, from the first bucket's seal to the last bucket's end (in any order).
    expect(reads.map((r) => r.path).sort()).toEqual(built.map((s) => keysPathOf(s.shard)));
    for (const summary of built) {
      const starts = bucketStarts(summary.keyBuckets![RULE]!);
      expect(reads.find((r) => r.path === keysPathOf(summary.shard))).toMatchObject({ offset: later.from * SEAL_BYTES + starts[later.from]! * 16, length: (later.to - later.from) * SEAL_BYTES + (starts[later.to]! - starts[later.from]!) * 16 });
    }
    // Every value packed: the range from bucket 0 reads no index either.
    reads.length = 0;
    expect(await checkStagedKeyRange(shardsDir, built, ranges[0]!, counting)).toBeNull();
    expect(reads.filter((r) => r.path.endsWith(".index.json"))).toEqual([]);
    // A value that did not pack, in shards 0 and 2: the range from bucket 0 reads those two indexes
    // (checked against their digests) and finds it; a later range reads none.
    const files = [0, 2].flatMap((shard) => [keyFileName(RULE), keyIndexName(RULE)].map((f) => join(shardsDir, shardFolderName(shard), f)));
    const originals = files.map((f) => readFileSync(f));
    try {
      const summaries = copy();
      for (const shard of [0, 2]) await restage(summaries, shard, () => {}, [[0, "NOT A PACKABLE VIN"]]);
      reads.length = 0;
      expect(await checkStagedKeyRange(shardsDir, summaries, { ...ranges[0]!, rule: RULE }, counting)).toEqual({
        code: RULE,
        count: 1,
        examples: [{ scope: "snapshot", example: { value: "NOT A PACKABLE VIN", first_shard: 0, shard: 2 } }],
      });
      // (Shards are read 16 at a time: the reads may come in any order.)
      expect(reads.filter((r) => r.path.endsWith(".index.json")).map((r) => r.path).sort()).toEqual([0, 2].map((shard) => join(shardsDir, shardFolderName(shard), keyIndexName(RULE))));
      reads.length = 0;
      expect(await checkStagedKeyRange(shardsDir, summaries, later, counting)).toBeNull();
      expect(reads.filter((r) => r.path.endsWith(".index.json"))).toEqual([]);
    } finally {
      files.forEach((f, i) => writeFileSync(f, originals[i]!));
    }

    // Shard 2's key file in shard 1's place, its summary's counts with it: every bucket is a valid
    // one, but sealed for shard 2, so the first one read is refused.
    const path = keysPathOf(1);
    const original = readFileSync(path);
    writeFileSync(path, readFileSync(keysPathOf(2)));
    try {
      const summaries = copy();
      summaries[1]!.keyBuckets![RULE] = summaries[2]!.keyBuckets![RULE]!;
      await expect(checkStagedKeyRange(shardsDir, summaries, later)).rejects.toThrow(
        new RegExp(`shard-00001/keys/${RULE}\\.keys \\(bucket ${later.from}\\) is corrupt: .* do not match the bucket's seal for shard ${built[1]!.fingerprint.slice(0, 12)}`),
      );
    } finally {
      writeFileSync(path, original);
    }
    // Counts that cannot place a byte are refused before any read.
    const bad = copy();
    bad[1]!.keyBuckets![RULE] = bad[1]!.keyBuckets![RULE]!.map((c, b) => (b === 7 ? -1 : c));
    reads.length = 0;
    await expect(checkStagedKeyRange(shardsDir, bad, later, counting)).rejects.toThrow(/shard-00001\/keys\/UNIQUE_VIN\.keys is corrupt: its shard's summary does not give 256 whole bucket counts/);
    expect(reads.some((r) => r.path === keysPathOf(1))).toBe(false);
  });
});
