import type { ListedManifest } from "@sdh/storage";
import { describe, expect, it } from "vitest";
import { ManifestListingCache } from "../src/listing-cache.js";

const entry = (snapshotId: string): ListedManifest => ({ snapshotId, asOf: "2026-01-06", seed: 1, generatedAt: "2026-01-06T02:00:00Z", pack: "pc", counts: { households: 1 }, files: 3, bytes: 10, validation: { passed: true, errors: 0, warnings: 0 } });

describe("the catalog's listing cache", () => {
  it("trusts an entry for its time to live, then has it read again", () => {
    let now = 1_000;
    const cache = new ManifestListingCache(300_000, 10, () => now);
    cache.set("v0.9/a", entry("a"));
    now += 299_999;
    expect(cache.get("v0.9/a")?.snapshotId).toBe("a");
    now += 1;
    expect(cache.get("v0.9/a")).toBeUndefined();
  });

  it("keeps at most its bound, dropping the oldest entries first", () => {
    const cache = new ManifestListingCache(300_000, 3);
    for (const id of ["a", "b", "c", "d"]) cache.set(`v0.9/${id}`, entry(id));
    expect(["a", "b", "c", "d"].map((id) => cache.get(`v0.9/${id}`)?.snapshotId ?? null)).toEqual([null, "b", "c", "d"]);
  });
});
