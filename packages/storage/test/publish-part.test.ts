import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { testS3Client, testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig, type ManifestFile } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { LocalStore, publishPart, publishSnapshot, PublishConflictError, PublishInProgressError, pullSnapshot, S3Store, type SnapshotStore } from "../src/index.js";
import { takeTicket } from "../src/protocol/publish-tickets.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-part-"));
let prefixes = 0;
function s3Store(): S3Store {
  const s = testServices();
  return new S3Store(testS3Client(s), s.bucket, `part-test-${process.pid}-${++prefixes}`, s.s3Endpoint);
}

/** A parts-layout bundle of three parts, and its data files grouped by part. */
async function partedBundle(seed: number, snapshotId?: string) {
  const config = parseSnapshotConfig({ records: 90, seed, shardSize: 30, layout: { kind: "parts", roots: 30 }, formats: ["csv", "parquet"] });
  const dir = join(tmp(), "bundle");
  const { manifest } = await writeBundle({ config, snapshotId: snapshotId ?? defaultSnapshotId(config), out: dir });
  const data = manifest.files.filter((f) => f.records !== null);
  const parts = [0, 1, 2].map((k) => data.filter((f) => f.path.includes(`/part-0000${k}.`)));
  return { dir, manifest, data, parts };
}

/** The bundle without its data files: what the publish step of a distributed build holds. */
function documentsOnly(dir: string, data: readonly ManifestFile[]): string {
  const copy = join(tmp(), "documents");
  cpSync(dir, copy, { recursive: true });
  for (const f of data) rmSync(join(copy, f.path));
  return copy;
}

describe.each([
  ["S3", s3Store],
  ["a local folder", () => new LocalStore(tmp())],
])("a distributed build's parts through %s", (_label, makeStore: () => SnapshotStore) => {
  it("uploads sibling parts side by side; the manifest commits them without uploading them again; a pull gives the bundle's bytes", async () => {
    const store = makeStore();
    const { dir, manifest, data, parts } = await partedBundle(71);
    const id = manifest.snapshotId;
    // A worker of the build still holds its ticket (killed mid-upload, say): a sibling, not a rival.
    const killed = await takeTicket(store, id, store.location, "build-a");
    try {
      // Two workers of one build upload at once: their tickets are siblings, so neither steps back.
      await Promise.all(parts.slice(0, 2).map((files) => publishPart(dir, store, id, files, { build: "build-a" })));
      expect(await publishPart(dir, store, id, parts[2]!, { build: "build-a" })).toEqual({ published: false });
      // Invisible until the manifest: no listing or pull finds it.
      expect(await store.readText(`v0.9/${id}/snapshot_manifest_v0_9.json`)).toBeNull();
      // The publish step has only the documents: a data file it tried to upload would be missing.
      const committed = await publishSnapshot(documentsOnly(dir, data), store, { build: "build-a", alreadyStored: new Set(data.map((f) => f.path)) });
      expect(committed).toMatchObject({ reused: false, latest: true });
    } finally {
      await killed.release();
    }
    const out = join(tmp(), "pulled");
    await pullSnapshot(store, { snapshot: id, out });
    for (const f of manifest.files) expect(readFileSync(join(out, f.path)).equals(readFileSync(join(dir, f.path))), f.path).toBe(true);
  });

  it("steps back from another build's live ticket, and never overwrites a published snapshot's bytes", async () => {
    const store = makeStore();
    const mine = await partedBundle(72, "one-id");
    const id = "one-id";
    const rival = await takeTicket(store, id, store.location, "build-b");
    try {
      await expect(publishPart(mine.dir, store, id, mine.parts[0]!, { build: "build-a" })).rejects.toThrow(PublishInProgressError);
      expect(await store.listObjects(`v0.9/${id}/claims/`)).toEqual([]);
    } finally {
      await rival.release();
    }
    await publishSnapshot(mine.dir, store);
    const before = (await store.listObjects(`v0.9/${id}/`)).map(({ key, bytes }) => [key, bytes]);
    // The same part again (a retry after the commit): nothing is uploaded.
    expect(await publishPart(mine.dir, store, id, mine.parts[1]!, { build: "build-a" })).toEqual({ published: true });
    // Another content under the published id: refused, naming the file, and nothing is written.
    const other = await partedBundle(73, id);
    await expect(publishPart(other.dir, store, id, other.parts[0]!, { build: "build-c" })).rejects.toThrow(PublishConflictError);
    await expect(publishPart(other.dir, store, id, other.parts[0]!, { build: "build-c" })).rejects.toThrow(/already published at .*, and its \w+\/part-00000\.\w+ has other content/);
    expect((await store.listObjects(`v0.9/${id}/`)).map(({ key, bytes }) => [key, bytes])).toEqual(before);
    const out = join(tmp(), "pulled");
    await pullSnapshot(store, { snapshot: id, out });
    for (const f of mine.data) expect(readFileSync(join(out, f.path)).equals(readFileSync(join(mine.dir, f.path))), f.path).toBe(true);
  });
});
