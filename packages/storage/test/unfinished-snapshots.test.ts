import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateMultipartUploadCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { testS3Client, testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { leftoverTickets, listSnapshots, LocalStore, MANIFEST_FILE, MIN_UNFINISHED_AGE_MS, pendingUploads, publishSnapshot, pruneUnfinished, S3Store, unfinishedSnapshots, type SnapshotStore } from "../src/index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-unfinished-"));
let prefixes = 0;

async function bundle(seed: number) {
  const config = parseSnapshotConfig({ records: 60, seed });
  const out = join(tmp(), "bundle");
  const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out });
  return { dir: out, manifest };
}

const HOUR = 60 * 60 * 1000;

describe.each([
  ["S3", (): SnapshotStore => { const s = testServices(); return new S3Store(testS3Client(s), s.bucket, `unfinished-test-${process.pid}-${++prefixes}`, s.s3Endpoint); }],
  ["a local folder", (): SnapshotStore => new LocalStore(tmp())],
])("unfinished publishes in %s", (_label, makeStore) => {
  it("lists a folder without a manifest, prunes it only once older than the window, and never touches a published snapshot", async () => {
    const store = makeStore();
    const done = await bundle(61);
    await publishSnapshot(done.dir, store);
    // Its publisher lost the store after the manifest: its ticket stays in a published snapshot.
    const ticketKey = `v0.9/${done.manifest.snapshotId}/.publishing/mabc-0123456789ab.json`;
    await store.putText(ticketKey, `{"host":"gone","pid":1}\n`);
    const ticket = { snapshotId: done.manifest.snapshotId, key: ticketKey, lastModified: expect.any(Number) };
    expect(await leftoverTickets(store)).toEqual([ticket]);
    // A publish interrupted after two files: no manifest, so no snapshot.
    const cut = await bundle(62);
    const id = cut.manifest.snapshotId;
    const uploaded = cut.manifest.files.filter((f) => f.path !== MANIFEST_FILE).slice(0, 2);
    for (const f of uploaded) await store.putFile(`v0.9/${id}/${f.path}`, join(cut.dir, f.path), f);

    const expected = { snapshotId: id, objects: 2, bytes: uploaded[0]!.bytes + uploaded[1]!.bytes, lastWrite: expect.any(Number) };
    expect(await unfinishedSnapshots(store)).toEqual([expected]);
    expect((await listSnapshots(store)).map((s) => s.snapshotId)).toEqual([done.manifest.snapshotId]);

    // Just written: inside the window, kept.
    expect(await pruneUnfinished(store, { olderThanMs: HOUR })).toEqual({ removed: [], kept: [expected], abortedUploads: [], removedTickets: [] });
    // Two hours on: a dry run names it and removes nothing; then it goes, and only it.
    const later = Date.now() + 2 * HOUR;
    expect(await pruneUnfinished(store, { olderThanMs: HOUR, now: later, dryRun: true })).toEqual({ removed: [expected], kept: [], abortedUploads: [], removedTickets: [ticket] });
    expect(await store.listObjects(`v0.9/${id}/`)).toHaveLength(2);
    expect(await leftoverTickets(store)).toEqual([ticket]);
    await store.deleteObjects([ticketKey]);
    expect(await leftoverTickets(store)).toEqual([]);
    await store.putText(ticketKey, `{"host":"gone","pid":1}\n`);
    const publishedBefore = await store.listObjects(`v0.9/${done.manifest.snapshotId}/`);
    expect(await pruneUnfinished(store, { olderThanMs: HOUR, now: later })).toEqual({ removed: [expected], kept: [], abortedUploads: [], removedTickets: [ticket] });
    expect(await leftoverTickets(store)).toEqual([]);
    expect(await store.listObjects(`v0.9/${id}/`)).toEqual([]);
    expect(await unfinishedSnapshots(store)).toEqual([]);
    expect(await store.listObjects(`v0.9/${done.manifest.snapshotId}/`)).toEqual(publishedBefore.filter((o) => o.key !== ticketKey));
    expect(publishedBefore.filter((o) => o.key !== ticketKey)).toHaveLength(done.manifest.files.length + 1); // and the manifest itself

    // The abandoned snapshot can still be published whole later.
    await publishSnapshot(cut.dir, store);
    expect((await listSnapshots(store)).map((s) => s.snapshotId).sort()).toEqual([done.manifest.snapshotId, id].sort());
  });

  it("refuses a window shorter than an hour: a publish still uploading has no manifest either", async () => {
    await expect(pruneUnfinished(makeStore(), { olderThanMs: MIN_UNFINISHED_AGE_MS - 1 })).rejects.toThrow(/below the minimum of 1h/);
  });
});

describe("unfinished multipart uploads on S3 (a publisher killed mid-file)", () => {
  it("lists them, and prune aborts those started before the window, also under a committed snapshot", async () => {
    const s = testServices();
    const client = testS3Client(s);
    const prefix = `uploads-test-${process.pid}`;
    const store = new S3Store(client, s.bucket, prefix, s.s3Endpoint);
    const key = "v0.9/2026-01-05-s5-killed/persons_v0_9.csv";
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: s.bucket, Key: `${prefix}/${key}` }));
    await client.send(new UploadPartCommand({ Bucket: s.bucket, Key: `${prefix}/${key}`, UploadId, PartNumber: 1, Body: Buffer.alloc(5 * 1024 * 1024, 1) }));
    const pending = await pendingUploads(store);
    expect(pending).toEqual([{ key, uploadId: UploadId, initiated: expect.any(Number) }]);
    // Started just now: inside the window, kept; two hours on, aborted.
    expect((await pruneUnfinished(store, { olderThanMs: HOUR })).abortedUploads).toEqual([]);
    expect((await pruneUnfinished(store, { olderThanMs: HOUR, now: Date.now() + 2 * HOUR, dryRun: true })).abortedUploads).toEqual(pending);
    expect(await pendingUploads(store)).toEqual(pending);
    expect((await pruneUnfinished(store, { olderThanMs: HOUR, now: Date.now() + 2 * HOUR })).abortedUploads).toEqual(pending);
    expect(await pendingUploads(store)).toEqual([]);
  });
});
