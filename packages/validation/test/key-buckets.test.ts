import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ENTRY_WORDS, KeyBuckets } from "../src/shards/key-buckets.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "sdh-key-buckets-"));
  dirs.push(dir);
  return dir;
};

describe("KeyBuckets", () => {
  it("gives each bucket back its keys and shards in the order they were added, across many buffer flushes", () => {
    const dir = scratch();
    // 3 buckets sharing 60 KB of buffers: 1,000 entries each, so 50,000 keys flush each bucket many times.
    const buckets = new KeyBuckets(dir, 3, 60_000);
    const expected: number[][] = [[], [], []];
    const key = new Uint32Array(4);
    for (let i = 0; i < 50_000; i++) {
      key.set([i, i * 7, 0xffffffff - i, i ^ 0x5a5a5a5a]);
      const bucket = (i * 2_654_435_761) % 3;
      buckets.add(bucket, key, i % 40);
      expected[bucket]!.push(...key, i % 40);
    }
    for (const b of [2, 0, 1]) {
      const entries = buckets.take(b);
      expect(entries.length % ENTRY_WORDS).toBe(0);
      expect([...entries]).toEqual(expected[b]);
    }
    // Taken buckets leave no file; a bucket never added to is empty.
    const folder = readdirSync(dir);
    expect(folder).toHaveLength(1);
    expect(readdirSync(join(dir, folder[0]!))).toEqual([]);
    buckets.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("returns an empty bucket as no entries, and close removes what was never taken", () => {
    const dir = scratch();
    const buckets = new KeyBuckets(dir, 4, 4_000);
    expect(buckets.take(3)).toHaveLength(0);
    for (let i = 0; i < 1_000; i++) buckets.add(1, new Uint32Array([i, 0, 0, 0]), 0);
    const folder = join(dir, readdirSync(dir)[0]!);
    expect(existsSync(join(folder, "1.keys"))).toBe(true);
    buckets.close();
    expect(existsSync(folder)).toBe(false);
  });
});
