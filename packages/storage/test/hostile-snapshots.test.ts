import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { defaultSnapshotId, verifyBundle, writeBundle } from "@sdh/exporters";
import { testS3Client, testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig, type Manifest } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { InvalidStoredDocument, listSnapshots, PermanentStoreError, publishSnapshot, pullSnapshot, S3Store, StoreError, type SkippedObject } from "../src/index.js";

// Issue 16.1, 16.6, 16.8: a published manifest, latest.json or pull record is data from outside.
// These plant hostile documents straight into the real S3 gateway, as an attacker with write access
// to a bucket (or a broken publisher) could, and check that consumers stay inside their folders.

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-hostile-"));
let prefixes = 0;
function s3() {
  const s = testServices();
  const client = testS3Client(s);
  const prefix = `hostile-${process.pid}-${++prefixes}`;
  const put = (key: string, body: string) => client.send(new PutObjectCommand({ Bucket: s.bucket, Key: `${prefix}/${key}`, Body: body }));
  return { store: new S3Store(client, s.bucket, prefix, s.s3Endpoint), put };
}

async function published() {
  const config = parseSnapshotConfig({ records: 30, seed: 81 });
  const dir = join(tmp(), "bundle");
  const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out: dir });
  const { store, put } = s3();
  await publishSnapshot(dir, store);
  return { store, put, manifest, id: manifest.snapshotId };
}

const manifestKey = (id: string) => `v0.9/${id}/snapshot_manifest_v0_9.json`;

describe("pull refuses hostile manifests before writing anything", () => {
  const bad: Array<[string, (m: Manifest) => Manifest]> = [
    ["a '..' path", (m) => ({ ...m, files: [...m.files, { ...m.files[0]!, path: "../../../../../../tmp/sdh-escaped" }] })],
    ["an absolute path", (m) => ({ ...m, files: [{ ...m.files[0]!, path: "/tmp/sdh-escaped" }] })],
    ["a backslash path", (m) => ({ ...m, files: [{ ...m.files[0]!, path: "..\\..\\x" }] })],
    ["a hidden pull record", (m) => ({ ...m, files: [{ ...m.files[0]!, path: ".sdh-pull.json" }] })],
    ["the same path twice", (m) => ({ ...m, files: [m.files[0]!, m.files[0]!] })],
    ["another snapshot's id", (m) => ({ ...m, snapshotId: "someone-else" })],
  ];
  it.each(bad)("%s", async (_label, corrupt) => {
    const { store, put, manifest, id } = await published();
    await put(manifestKey(id), JSON.stringify(corrupt(manifest)));
    const parent = tmp();
    const error = await pullSnapshot(store, { snapshot: id, out: join(parent, "pulled") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidStoredDocument);
    expect((error as Error).message).toContain(`v0.9/${id}/snapshot_manifest_v0_9.json is not a valid snapshot manifest`);
    expect(readdirSync(parent)).toEqual([]); // nothing written, not even a hidden folder
    expect(existsSync("/tmp/sdh-escaped")).toBe(false);
  });

  it("refuses a manifest naming entities its pack does not declare, as verify does (issue 33.11)", async () => {
    const { store, put, manifest, id } = await published();
    await put(manifestKey(id), JSON.stringify({ ...manifest, counts: { ...manifest.counts, quotes: 1 }, files: [...manifest.files, { ...manifest.files[0]!, path: "quotes_v0_9.csv", entity: "quotes" }] }));
    const parent = tmp();
    const declaredEntities = (pack: string) => (pack === "pc" ? Object.keys(manifest.counts) : undefined);
    const error = await pullSnapshot(store, { snapshot: id, out: join(parent, "pulled"), declaredEntities }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidStoredDocument);
    expect((error as Error).message).toMatch(/is not a valid snapshot manifest: it names 'quotes', which pack pc does not declare/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("refuses a latest.json that names no snapshot id, and a --snapshot that is not one", async () => {
    const { store, put } = await published();
    await put("v0.9/latest.json", JSON.stringify({ snapshotId: "../../etc", asOf: "2026-01-06", generatedAt: "2026-01-06T00:00:00.000Z", manifest: "x" }));
    await expect(pullSnapshot(store, { snapshot: "latest", out: join(tmp(), "p") })).rejects.toThrow(/latest\.json is not a valid latest\.json: snapshotId: use 1-128 letters/);
    await expect(pullSnapshot(store, { snapshot: "../x", out: join(tmp(), "p") })).rejects.toThrow(/--snapshot '\.\.\/x' is not a snapshot id/);
  });

  it("stops reading an object larger than its manifest entry before downloading it", async () => {
    const { store, put, manifest, id } = await published();
    const file = manifest.files.find((f) => f.path === "persons_v0_9.csv")!;
    await put(`v0.9/${id}/persons_v0_9.csv`, "x".repeat(5_000_000));
    await expect(pullSnapshot(store, { snapshot: id, out: join(tmp(), "p") })).rejects.toThrow(`holds 5000000 bytes, the manifest says ${file.bytes}; not downloaded`);
  });

  it("refuses --out that is a file, with a message, not ENOTDIR", async () => {
    const { store, id } = await published();
    const file = join(tmp(), "a-file");
    writeFileSync(file, "x");
    await expect(pullSnapshot(store, { snapshot: id, out: file })).rejects.toThrow(StoreError);
    await expect(pullSnapshot(store, { snapshot: id, out: file })).rejects.toThrow(/is a file, not a folder/);
  });
});

describe("list skips what it cannot read, naming it", () => {
  it("lists the good snapshots and reports the broken manifest and latest.json by key", async () => {
    const { store, put, id } = await published();
    await put("v0.9/broken-one/snapshot_manifest_v0_9.json", "{ not json");
    await put("v0.9/latest.json", "[]");
    const skipped: SkippedObject[] = [];
    const listed = await listSnapshots(store, undefined, (s) => skipped.push(s));
    expect(listed.map((s) => s.snapshotId)).toEqual([id]);
    expect(skipped.map((s) => s.key).sort()).toEqual(["v0.9/broken-one/", "v0.9/latest.json"]);
    expect(skipped.find((s) => s.key === "v0.9/broken-one/")!.problem).toMatch(/broken-one\/snapshot_manifest_v0_9\.json is not a valid snapshot manifest: not JSON/);
  });
});

describe("verify trusts nothing the folder ships about itself", () => {
  async function pulled() {
    const { store, id } = await published();
    const out = join(tmp(), "pulled");
    await pullSnapshot(store, { snapshot: id, out });
    return out;
  }

  it("never follows a manifest path out of the folder, nor a link, nor a device", async () => {
    const out = await pulled();
    const manifestPath = join(out, "snapshot_manifest_v0_9.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, files: [...manifest.files, { ...manifest.files[0]!, path: "../../dev/zero" }] }));
    await expect(verifyBundle(out)).rejects.toThrow(/is not a valid manifest/);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    // A listed file replaced by a link to a device that never ends: reported, not read.
    const csv = join(out, "persons_v0_9.csv");
    rmSync(csv);
    symlinkSync("/dev/zero", csv);
    const verification = await verifyBundle(out);
    expect(verification.mismatches).toContainEqual(expect.objectContaining({ path: "persons_v0_9.csv", problem: "not-a-file" }));
  });

  it("refuses a pull record that lists nothing, or files the manifest does not", async () => {
    const out = await pulled();
    const id = (JSON.parse(readFileSync(join(out, "snapshot_manifest_v0_9.json"), "utf8")) as Manifest).snapshotId;
    writeFileSync(join(out, ".sdh-pull.json"), JSON.stringify({ snapshotId: id, files: [] }));
    await expect(verifyBundle(out)).rejects.toThrow(/\.sdh-pull\.json is not a valid pull record: files: lists no file/);
    writeFileSync(join(out, ".sdh-pull.json"), JSON.stringify({ snapshotId: id, files: ["nope.csv"] }));
    await expect(verifyBundle(out)).rejects.toThrow(/lists 1 file\(s\) the manifest does not, e\.g\. 'nope\.csv'/);
  });
});

describe("uploads report progress, stop when cancelled, and never send a file of the wrong size", () => {
  it("counts every byte it sends, and a cancelled publish stops at once without a manifest", async () => {
    const config = parseSnapshotConfig({ records: 1200, seed: 82 });
    const dir = join(tmp(), "bundle");
    const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out: dir });
    const total = manifest.files.reduce((n, f) => n + f.bytes, 0);
    let sent = 0;
    await publishSnapshot(dir, s3().store, { onBytes: (n) => (sent += n) });
    expect(sent).toBe(total);

    const { store } = s3();
    const stop = new AbortController();
    const started = Date.now();
    const cancelled = publishSnapshot(dir, store, { signal: stop.signal, onBytes: () => stop.abort() });
    await expect(cancelled).rejects.toThrow(/abort/i);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await store.readText(`v0.9/${manifest.snapshotId}/snapshot_manifest_v0_9.json`)).toBeNull();
  });

  it("sends a file over 2 MB whole while counting it (the SDK holds such a body until S3 answers 100 Continue)", async () => {
    const { store } = s3();
    const file = join(tmp(), "big.bin");
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    writeFileSync(file, bytes);
    let sent = 0;
    await store.putFile("v0.9/big/big.bin", file, { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }, { onBytes: (n) => (sent += n) });
    expect(sent).toBe(bytes.length);
  }, 20_000);

  it("refuses, before sending, a staged file shorter than the manifest says (it used to hang the PUT)", async () => {
    const config = parseSnapshotConfig({ records: 50, seed: 83 });
    const dir = join(tmp(), "bundle");
    await writeBundle({ config, snapshotId: defaultSnapshotId(config), out: dir });
    writeFileSync(join(dir, "vehicles_v0_9.json"), "[]");
    await expect(publishSnapshot(dir, s3().store)).rejects.toThrow(/vehicles_v0_9\.json has 2 bytes, but \d+ were recorded when it was written/);
  });
});

describe("S3 failures that retrying cannot mend, and our own disk's, are named as such", () => {
  it("a checksum that does not match the bytes is a PermanentStoreError; a full disk while pulling is not called an S3 error", async () => {
    const { store, id, manifest } = await published();
    const file = join(tmp(), "f.csv");
    writeFileSync(file, "abc");
    const wrong = { bytes: 3, sha256: "0".repeat(64) };
    await expect(store.putFile(`v0.9/elsewhere/f.csv`, file, wrong)).rejects.toThrow(PermanentStoreError);
    const csv = manifest.files.find((f) => f.path === "persons_v0_9.csv")!;
    const full = await store.download(`v0.9/${id}/persons_v0_9.csv`, "/dev/full", csv.bytes).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(StoreError);
    expect((full as Error).message).toMatch(/^writing \/dev\/full: the disk is full \(ENOSPC\)$/);
  });
});
