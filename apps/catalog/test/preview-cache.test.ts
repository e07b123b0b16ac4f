import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PreviewCache } from "../src/preview-cache.js";

// Issue 33.15: the folder of S3 Parquet copies grew forever. It is bounded in size and in age.
describe("the preview cache", () => {
  const day = 24 * 3600 * 1000;
  const now = Date.parse("2026-12-03T12:00:00Z");
  const copy = (dir: string, name: string, bytes: number, usedDaysAgo: number) => {
    const path = join(dir, "s3", "v0.9", name);
    mkdirSync(join(dir, "s3", "v0.9"), { recursive: true });
    writeFileSync(path, Buffer.alloc(bytes));
    const used = new Date(now - usedDaysAgo * day);
    utimesSync(path, used, used);
    return path;
  };
  const left = (dir: string) => readdirSync(join(dir, "s3", "v0.9")).sort();

  it("removes copies unused past the age, then the least recently used until the size fits, never the one in use", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sdh-preview-cache-"));
    copy(dir, "old.parquet", 10, 8);
    copy(dir, "a.parquet", 400, 3);
    copy(dir, "b.parquet", 400, 2);
    const inUse = copy(dir, "c.parquet", 400, 5);
    copy(dir, "d.parquet", 300, 1);
    copy(dir, "stale.parquet.partial", 50, 1);
    const cache = new PreviewCache(dir, { maxBytes: 1_200, maxAgeMs: 7 * day });
    const { bytes } = await cache.prune([inUse], now);
    // old: past 7 days; the partial: a dead download; a: least recently used of the rest (c is in use).
    expect(left(dir)).toEqual(["b.parquet", "c.parquet", "d.parquet"]);
    expect(bytes).toBe(1_100);
  });

  it("counts a use: a touched copy is kept over one used earlier", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sdh-preview-cache-"));
    const a = copy(dir, "a.parquet", 600, 3);
    copy(dir, "b.parquet", 600, 2);
    const cache = new PreviewCache(dir, { maxBytes: 700 });
    await cache.touch(a);
    await cache.prune([]);
    expect(left(dir)).toEqual(["a.parquet"]);
  });
});
