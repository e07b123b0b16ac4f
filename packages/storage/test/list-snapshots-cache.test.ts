import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { testS3Client, testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { listSnapshots, LocalStore, publishSnapshot, S3Store, type ListedManifest, type ListingCache, type SnapshotStore } from "../src/index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-list-cache-"));

/** Counts the documents a store is asked for (a real store underneath): what a listing costs. */
function counted(store: SnapshotStore): { store: SnapshotStore; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      if (key === "readText") return (k: string) => (reads++, target.readText(k));
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store: proxy, reads: () => reads };
}

class MapCache implements ListingCache {
  readonly map = new Map<string, ListedManifest>();
  get = (key: string) => this.map.get(key);
  set = (key: string, entry: ListedManifest) => void this.map.set(key, entry);
}

describe.each([
  ["a local folder", (): SnapshotStore => new LocalStore(tmp())],
  ["S3", (): SnapshotStore => { const s = testServices(); return new S3Store(testS3Client(s), s.bucket, `list-cache-${process.pid}-${Date.now()}`, s.s3Endpoint); }],
])("listing with a cache in %s", (_label, makeStore) => {
  it("reads each committed manifest once; lists the same as without a cache; a removed snapshot leaves at once", async () => {
    const real = makeStore();
    const ids: string[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const config = parseSnapshotConfig({ records: 2, seed, formats: ["json"] });
      const out = join(tmp(), "bundle");
      const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out });
      await publishSnapshot(out, real);
      rmSync(out, { recursive: true, force: true });
      ids.push(manifest.snapshotId);
    }
    const { store, reads } = counted(real);
    const cache = new MapCache();
    const uncached = await listSnapshots(store);
    const first = reads();
    expect(first).toBe(6); // latest.json and five manifests
    expect(await listSnapshots(store, undefined, { cache, concurrency: 3 })).toEqual(uncached);
    expect(await listSnapshots(store, undefined, { cache })).toEqual(uncached);
    // The second cached listing read latest.json alone.
    expect(reads() - first).toBe(6 + 1);
    expect(cache.map.size).toBe(5);

    // A snapshot removed from the store is gone from the next listing, cache or not.
    const gone = ids[0]!;
    await real.deleteObjects((await real.listObjects(`v0.9/${gone}/`)).map((o) => o.key));
    expect((await listSnapshots(store, undefined, { cache })).map((s) => s.snapshotId)).not.toContain(gone);
  });
});
