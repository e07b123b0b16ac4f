import { mkdtempSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { PutObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { privateS3, testS3Client, testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig, type SnapshotConfigInput } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import {
  listSnapshots,
  moveLatest,
  publishSnapshot,
  PublishConflictError,
  pullSnapshot,
  PullMismatchError,
  PULL_RECORD,
  S3Store,
  StoreError,
  LocalStore,
  type SnapshotStore,
} from "../src/index.js";

const MANIFEST = "snapshot_manifest_v0_9.json";
const tmp = () => mkdtempSync(join(tmpdir(), "sdh-publish-"));
let prefixes = 0;
/** A fresh prefix of the shared test bucket per test: tests never see each other's snapshots. */
function s3Store(parts?: { threshold?: number; partBytes?: number }): S3Store {
  const s = testServices();
  return new S3Store(testS3Client(s), s.bucket, `publish-test-${process.pid}-${++prefixes}`, s.s3Endpoint, parts);
}

async function bundle(input: SnapshotConfigInput, snapshotId?: string) {
  const config = parseSnapshotConfig(input);
  const out = join(tmp(), "bundle");
  const { manifest } = await writeBundle({ config, snapshotId: snapshotId ?? defaultSnapshotId(config), out });
  return { dir: out, manifest };
}

const filesOf = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => !f.endsWith("schemas")).sort();

describe.each([
  ["S3", () => s3Store()],
  ["a local folder", () => new LocalStore(tmp())],
])("publish and pull through %s", (_label, makeStore: () => SnapshotStore) => {
  it("publishes, lists the snapshot as latest, and pulls back identical bytes", async () => {
    const store = makeStore();
    const { dir, manifest } = await bundle({ records: 150, seed: 51 });
    const published = await publishSnapshot(dir, store);
    expect(published).toMatchObject({ reused: false, latest: true });
    expect(await listSnapshots(store)).toEqual([
      expect.objectContaining({ snapshotId: manifest.snapshotId, seed: 51, counts: manifest.counts, files: manifest.files.length, latest: true }),
    ]);
    const out = join(tmp(), "pulled");
    const pulled = await pullSnapshot(store, { snapshot: "latest", out });
    expect(pulled.manifest.snapshotId).toBe(manifest.snapshotId);
    expect(filesOf(out)).toEqual(filesOf(dir));
    for (const f of filesOf(dir)) if (!f.endsWith("/")) expect(readFileSync(join(out, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  });

  it("takes an identical re-publish as done, and refuses other content under the same id without touching it", async () => {
    const store = makeStore();
    const first = await bundle({ records: 60, seed: 52 }, "same-id");
    await publishSnapshot(first.dir, store);
    const before = await store.readText("v0.9/same-id/snapshot_manifest_v0_9.json");
    const again = await bundle({ records: 60, seed: 52 }, "same-id"); // same content, another generatedAt
    expect(await publishSnapshot(again.dir, store)).toMatchObject({ reused: true });
    // Sharding never changes what a snapshot records: a rebuild with another shard size is the same snapshot.
    const resharded = await bundle({ records: 60, seed: 52, shardSize: 7 }, "same-id");
    expect(await publishSnapshot(resharded.dir, store)).toMatchObject({ reused: true });
    const other = await bundle({ records: 60, seed: 53 }, "same-id");
    await expect(publishSnapshot(other.dir, store)).rejects.toThrow(PublishConflictError);
    expect((await store.readText("v0.9/same-id/snapshot_manifest_v0_9.json"))?.value).toBe(before?.value);
    expect(await store.readText("v0.9/same-id/persons_v0_9.csv")).toEqual(await store.readText("v0.9/same-id/persons_v0_9.csv"));
    const out = join(tmp(), "pulled");
    await pullSnapshot(store, { snapshot: "same-id", out });
    expect(readFileSync(join(out, "persons_v0_9.csv")).equals(readFileSync(join(first.dir, "persons_v0_9.csv")))).toBe(true);
  });

  it("pulls only the entities and formats asked for, and records which", async () => {
    const store = makeStore();
    const { dir, manifest } = await bundle({ records: 40, seed: 54 });
    await publishSnapshot(dir, store);
    const out = join(tmp(), "some");
    const pulled = await pullSnapshot(store, { snapshot: manifest.snapshotId, out, entities: ["vehicles"], formats: ["parquet"] });
    const data = pulled.files.filter((f) => f.records !== null).map((f) => f.path);
    expect(data).toEqual(["vehicles_v0_9.parquet"]);
    expect(existsSync(join(out, "metadata_v0_9.json"))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, PULL_RECORD), "utf8")).files).toContain("vehicles_v0_9.parquet");
  });

  it("writes no manifest when an uploaded file is gone before the commit, and names it", async () => {
    const store = makeStore();
    const { dir, manifest } = await bundle({ records: 30, seed: 59 });
    // The real store, but a file vanishes right after its upload, as a concurrent prune could make it.
    const vanishing: SnapshotStore = Object.assign(Object.create(store) as SnapshotStore, {
      putFile: async (key: string, path: string, file: { bytes: number; sha256: string }) => {
        await store.putFile(key, path, file);
        if (key.endsWith("/persons_v0_9.csv")) await store.deleteObjects([key]);
      },
    });
    await expect(publishSnapshot(dir, vanishing)).rejects.toThrow(/1 file\(s\) of .* changed .* after their upload, e\.g\. persons_v0_9\.csv \(missing, uploaded \d+\); the manifest was not written/);
    expect(await store.readText(`v0.9/${manifest.snapshotId}/snapshot_manifest_v0_9.json`)).toBeNull();
    expect(await listSnapshots(store)).toEqual([]);
    expect(await publishSnapshot(dir, store)).toMatchObject({ reused: false, latest: true });
  });

  it("moves latest forward only, whatever order snapshots are published in", async () => {
    const store = makeStore();
    const newer = await bundle({ records: 20, seed: 55, asOf: "2026-03-01" });
    const older = await bundle({ records: 20, seed: 55, asOf: "2026-02-01" });
    await publishSnapshot(newer.dir, store);
    expect((await publishSnapshot(older.dir, store)).latest).toBe(false);
    const latest = JSON.parse((await store.readText("v0.9/latest.json"))!.value) as { snapshotId: string };
    expect(latest.snapshotId).toBe(newer.manifest.snapshotId);
    // Two writers at once: the newer wins, never lost to the other.
    const a = { snapshotId: "a", asOf: "2027-01-01", generatedAt: "2027-01-01T00:00:00.000Z" };
    const b = { snapshotId: "b", asOf: "2027-01-02", generatedAt: "2027-01-02T00:00:00.000Z" };
    await Promise.all([moveLatest(store, a), moveLatest(store, b), moveLatest(store, a)]);
    expect(JSON.parse((await store.readText("v0.9/latest.json"))!.value).snapshotId).toBe("b");
  });
});

describe("S3 specifics (real S3 gateway)", () => {
  it("stores each object with its content type and its sha256 as x-amz-meta-sha256, the manifest and latest.json included", async () => {
    const s = testServices();
    const prefix = `publish-test-${process.pid}-${++prefixes}`;
    const store = new S3Store(testS3Client(s), s.bucket, prefix, s.s3Endpoint);
    const { dir, manifest } = await bundle({ records: 20, seed: 57, formats: ["csv", "jsonl", "parquet"] });
    await publishSnapshot(dir, store);
    // Read over plain HTTP as any client would, not through our store.
    const head = async (key: string) => {
      const r = await testS3Client(s).send(new HeadObjectCommand({ Bucket: s.bucket, Key: `${prefix}/${key}` }));
      return { type: r.ContentType, sha256: r.Metadata?.sha256 };
    };
    const sha = (path: string) => createHash("sha256").update(readFileSync(join(dir, path))).digest("hex");
    const folder = `v0.9/${manifest.snapshotId}`;
    const byExtension = { jsonl: "application/x-ndjson", csv: "text/csv; charset=utf-8", parquet: "application/vnd.apache.parquet" };
    for (const [extension, type] of Object.entries(byExtension)) {
      const file = manifest.files.find((f) => f.path.endsWith(`.${extension}`))!;
      expect(await head(`${folder}/${file.path}`), file.path).toEqual({ type, sha256: file.sha256 });
    }
    expect(await head(`${folder}/${MANIFEST}`)).toEqual({ type: "application/json", sha256: sha(MANIFEST) });
    const latest = await store.readText("v0.9/latest.json");
    expect(await head("v0.9/latest.json")).toEqual({ type: "application/json", sha256: createHash("sha256").update(latest!.value).digest("hex") });
  });

  it("uploads large files in parts with per-part SHA-256, and pulls them back whole", async () => {
    const store = s3Store({ threshold: 5 * 1024 * 1024, partBytes: 5 * 1024 * 1024 });
    const { dir, manifest } = await bundle({ records: 12_000, seed: 56, formats: ["json"] });
    const big = manifest.files.filter((f) => f.bytes > 5 * 1024 * 1024);
    expect(big.length).toBeGreaterThan(0);
    await publishSnapshot(dir, store);
    const out = join(tmp(), "pulled");
    await pullSnapshot(store, { snapshot: manifest.snapshotId, out });
    for (const f of big) expect(readFileSync(join(out, f.path)).equals(readFileSync(join(dir, f.path))), f.path).toBe(true);
  });

  it("refuses a pull whose object was altered behind its back, naming the file and keeping nothing", async () => {
    const s = testServices();
    const prefix = `altered-${process.pid}`;
    const store = new S3Store(testS3Client(s), s.bucket, prefix, s.s3Endpoint);
    const { dir, manifest } = await bundle({ records: 30, seed: 57 });
    await publishSnapshot(dir, store);
    const key = `${prefix}/v0.9/${manifest.snapshotId}/vehicles_v0_9.csv`;
    const client = testS3Client(s);
    const original = await (await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: key }))).Body!.transformToString();
    await client.send(new PutObjectCommand({ Bucket: s.bucket, Key: key, Body: original.replace("Toyota", "Tayota") }));
    const parent = tmp();
    const error = await pullSnapshot(store, { snapshot: manifest.snapshotId, out: join(parent, "pulled") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PullMismatchError);
    expect((error as Error).message).toMatch(/^vehicles_v0_9\.csv: downloaded/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("leaves an interrupted publish invisible (no manifest, not listed) and completes it on a re-run", async () => {
    const server = await privateS3("interrupted");
    try {
      const store = () => new S3Store(new S3Client({ endpoint: server.record.endpoint, region: server.record.region, forcePathStyle: true, credentials: server.record, maxAttempts: 1 }), server.record.bucket, "snapshots", server.record.endpoint);
      const { dir, manifest } = await bundle({ records: 80, seed: 58 });
      let uploaded = 0;
      const stopped = publishSnapshot(dir, store(), () => {
        if (++uploaded === 3) void server.stop();
      });
      await expect(stopped).rejects.toThrow(StoreError);
      await server.start();
      expect(await store().readText(`v0.9/${manifest.snapshotId}/snapshot_manifest_v0_9.json`)).toBeNull();
      expect(await listSnapshots(store())).toEqual([]);
      expect(await publishSnapshot(dir, store())).toMatchObject({ reused: false, latest: true });
      expect((await listSnapshots(store())).map((s) => s.snapshotId)).toEqual([manifest.snapshotId]);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("says what is wrong for bad credentials, a missing bucket and an unreachable endpoint", async () => {
    const s = testServices();
    const client = (over: Partial<{ endpoint: string; secretAccessKey: string }>) =>
      new S3Client({ endpoint: over.endpoint ?? s.s3Endpoint, region: s.region, forcePathStyle: true, maxAttempts: 1, credentials: { accessKeyId: s.accessKeyId, secretAccessKey: over.secretAccessKey ?? s.secretAccessKey } });
    const list = (store: S3Store) => listSnapshots(store).then(() => "listed", (e: Error) => e.message);
    expect(await list(new S3Store(client({ secretAccessKey: "wrong" }), s.bucket, "x", s.s3Endpoint))).toMatch(/refused the credentials .*AWS_ACCESS_KEY_ID/);
    expect(await list(new S3Store(client({}), "no-such-bucket-here", "x", s.s3Endpoint))).toMatch(/bucket 'no-such-bucket-here' does not exist/);
    expect(await list(new S3Store(client({ endpoint: "http://127.0.0.1:9" }), s.bucket, "x", "http://127.0.0.1:9"))).toMatch(/cannot reach S3 at http:\/\/127\.0\.0\.1:9/);
  });
});
