import { bucketKeys, checkKeyRange, checkKeysAcrossShards, CompactKeySet, KEY_BUCKETS, planKeyRanges, sliceOf, sumCounts, type BucketedKeys } from "@sdh/validation";
import { describe, expect, it } from "vitest";

const uuidOf = (n: number) => `${n.toString(16).padStart(8, "0")}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, "0")}`;

/** A shard's keys of one rule as its gate exports them, then grouped by bucket as it stages them. */
function shard(values: readonly string[], kind: "uuid" | "short-text" = "uuid"): BucketedKeys {
  const set = new CompactKeySet(kind);
  for (const v of values) set.add(v);
  return bucketKeys(set.export());
}

describe("the check across shards by key range", () => {
  it("groups a shard's keys by bucket, each bucket in the shard's order, and loses none", () => {
    const values = Array.from({ length: 5_000 }, (_, i) => uuidOf(i));
    const keys = shard(values);
    expect(keys.counts).toHaveLength(KEY_BUCKETS);
    expect(keys.counts.reduce((n, c) => n + c, 0)).toBe(5_000);
    // 5,000 keys over 256 buckets: every bucket used, none holding a tenth of them.
    expect(Math.min(...keys.counts)).toBeGreaterThan(0);
    expect(Math.max(...keys.counts)).toBeLessThan(500);
    // Every key comes back from its bucket's slice, and in the shard's order within it.
    const set = new CompactKeySet("uuid");
    for (const v of values) set.add(v);
    const exported = set.export();
    let at = 0;
    for (let b = 0; b < KEY_BUCKETS; b++) {
      const slice = sliceOf(keys, { from: b, to: b + 1 });
      const ordinals: number[] = [];
      for (let k = 0; k < slice.words.length; k += 4) {
        const ordinal = findOrdinal(exported.words, slice.words.subarray(k, k + 4));
        ordinals.push(ordinal);
      }
      expect(ordinals).toEqual([...ordinals].sort((x, y) => x - y));
      at += ordinals.length;
    }
    expect(at).toBe(5_000);
  });

  it("plans ranges of whole buckets, in order, none above the bound unless one bucket is", () => {
    const counts = Array.from({ length: KEY_BUCKETS }, (_, b) => (b === 7 ? 900 : 10 + (b % 5)));
    const ranges = planKeyRanges("UNIQUE_X", counts, 100);
    expect(ranges[0]!.from).toBe(0);
    expect(ranges.at(-1)!.to).toBe(KEY_BUCKETS);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from).toBe(ranges[i - 1]!.to);
    for (const r of ranges) {
      expect(r.keys).toBe(counts.slice(r.from, r.to).reduce((n, c) => n + c, 0));
      if (r.to - r.from > 1) expect(r.keys).toBeLessThanOrEqual(100);
    }
    expect(ranges.find((r) => r.from === 7)).toEqual({ rule: "UNIQUE_X", from: 7, to: 8, keys: 900 });
    expect(planKeyRanges("UNIQUE_X", counts)).toEqual([{ rule: "UNIQUE_X", from: 0, to: KEY_BUCKETS, keys: counts.reduce((n, c) => n + c, 0) }]);
    expect(() => planKeyRanges("UNIQUE_X", [1, 2, 3])).toThrow(/3 bucket counts, expected 256/);
  });

  it("finds every key two shards hold, naming both shards; one range and many give the same failures", () => {
    const a = Array.from({ length: 3_000 }, (_, i) => uuidOf(i));
    const b = Array.from({ length: 3_000 }, (_, i) => uuidOf(10_000 + i));
    const c = Array.from({ length: 3_000 }, (_, i) => uuidOf(20_000 + i));
    // Planted: two of a's keys again in c, one of b's in c, and one of a's in b.
    b[100] = a[5]!;
    c[7] = a[2_999]!;
    c[2_000] = b[42]!;
    c[2_500] = a[5]!;
    const shards = [shard(a), shard(b), shard(c)];
    const one = checkKeysAcrossShards("UNIQUE_ID", shards);
    const many = checkKeysAcrossShards("UNIQUE_ID", shards, 500);
    expect(planKeyRanges("UNIQUE_ID", sumCounts(shards.map((s) => s.counts)), 500).length).toBeGreaterThan(10);
    expect(one).toHaveLength(1);
    expect(one[0]!.count).toBe(4);
    const found = one[0]!.examples.map((e) => e.example as { value: string; first_shard: number; shard: number });
    expect(found.map((f) => `${f.value} ${f.first_shard}→${f.shard}`).sort()).toEqual([`${a[5]} 0→1`, `${a[5]} 0→2`, `${a[2_999]} 0→2`, `${b[42]} 1→2`].sort());
    // Many ranges, their failures added in range order: the same count and the same examples in the same order.
    expect(many.reduce((n, f) => n + f.count, 0)).toBe(4);
    expect(many.flatMap((f) => f.examples)).toEqual(one[0]!.examples);
    expect(checkKeysAcrossShards("UNIQUE_ID", [shard(a), shard(c.slice(0, 1))])).toEqual([]);
    expect(checkKeysAcrossShards("UNIQUE_ID", [shard(a)])).toEqual([]);
  });

  it("checks the values that did not pack in the range that starts at bucket 0, and only there", () => {
    const long = "TX-a-very-long-licence-number-indeed";
    const shards = [shard(["CA7ABC123", long]), shard(["NY1", long]), shard(["CA7ABC123"])];
    const failures = checkKeysAcrossShards("UNIQUE_LICENCE", shards, 1);
    expect(failures.flatMap((f) => f.examples.map((e) => e.example))).toEqual([
      { value: long, first_shard: 0, shard: 1 },
      { value: "CA7ABC123", first_shard: 0, shard: 2 },
    ]);
    const later = planKeyRanges("UNIQUE_LICENCE", sumCounts(shards.map((s) => s.counts)), 1).filter((r) => r.from > 0);
    for (const range of later) expect(checkKeyRange(range, "short-text", shards.map((s) => sliceOf(s, range)))?.examples.some((e) => (e.example as { value: string }).value === long) ?? false).toBe(false);
  });

  it("refuses a slice whose bucket counts do not fit the range", () => {
    const keys = shard([uuidOf(1), uuidOf(2)]);
    const range = { rule: "UNIQUE_ID", from: 0, to: 4, keys: 2 };
    expect(() => checkKeyRange(range, "uuid", [sliceOf(keys, { from: 0, to: 3 })])).toThrow(/3 bucket counts/);
  });
});

function findOrdinal(words: Uint32Array, key: Uint32Array): number {
  for (let o = 0; o < words.length / 4; o++) if (words[o * 4] === key[0] && words[o * 4 + 1] === key[1] && words[o * 4 + 2] === key[2] && words[o * 4 + 3] === key[3]) return o;
  return -1;
}
