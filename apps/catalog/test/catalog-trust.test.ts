import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { parseSnapshotConfig, type Manifest } from "@sdh/schemas";
import { LocalStore, publishSnapshot } from "@sdh/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSources, serveCatalog, type ServedCatalog } from "../src/index.js";

// Issue 33 items 1-3 and 7: a folder target is a folder anyone with write access may have changed. The
// server sends only the manifest's bytes, reads only regular files inside the target, never waits on
// a FIFO, and never quotes what it read. Each target below is one published folder, changed one way.

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-catalog-trust-"));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const SECRET = "TOP-SECRET-OUTSIDE-THE-TARGET";

describe("the catalog serves only what the manifest vouches for", () => {
  let served: ServedCatalog;
  let a: Manifest;
  let b: Manifest;
  const targets: Record<string, string> = {};
  const outside = tmp();
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${served.port}${path}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    return { status: response.status, type: response.headers.get("content-type"), text, detail: response.headers.get("content-type")?.includes("json") ? ((JSON.parse(text) as { detail?: string }).detail ?? "") : "" };
  };
  const file = (target: string, m: Manifest, path: string) => join(targets[target]!, "v0.9", m.snapshotId, path);
  const download = (target: string, m: Manifest, path: string) => get(`/snapshots/${m.snapshotId}/files/${encodeURIComponent(path)}?target=${target}`);

  beforeAll(async () => {
    const built = async (seed: number) => {
      const config = parseSnapshotConfig({ records: 12, seed, asOf: "2026-01-06" });
      const out = join(tmp(), "bundle");
      return { out, manifest: (await writeBundle({ config, snapshotId: defaultSnapshotId(config), out, now: () => new Date("2026-01-06T02:00:00Z") })).manifest };
    };
    const [x, y] = await Promise.all([built(1), built(2)]);
    a = x.manifest;
    b = y.manifest;
    const base = tmp();
    await publishSnapshot(x.out, new LocalStore(base));
    await publishSnapshot(y.out, new LocalStore(base));
    writeFileSync(join(outside, "secret.csv"), `${SECRET}\n`);
    // One copy of the published folder per way of changing it.
    for (const name of ["good", "linked", "linkedparquet", "linkedfolder", "passwd", "notjson", "flipped", "truncated", "zero", "folder", "fifo", "fifomanifest", "notparquet", "protoentity"]) {
      targets[name] = join(tmp(), name);
      cpSync(base, targets[name], { recursive: true });
    }
    const replace = (target: string, m: Manifest, path: string, make: (at: string) => void) => {
      rmSync(file(target, m, path), { recursive: true });
      make(file(target, m, path));
    };
    replace("linked", a, "households_v0_9.csv", (at) => symlinkSync(join(outside, "secret.csv"), at));
    replace("linkedparquet", a, "persons_v0_9.parquet", (at) => symlinkSync(file("linkedparquet", b, "persons_v0_9.parquet"), at));
    // The snapshot folder itself a link to a folder outside the target holding a copy of the snapshot.
    cpSync(join(base, "v0.9", a.snapshotId), join(outside, "snapshot-copy"), { recursive: true });
    replace("linkedfolder", a, "", (at) => symlinkSync(join(outside, "snapshot-copy"), at));
    replace("passwd", a, "dataset_v0_9.json", (at) => symlinkSync("/etc/passwd", at));
    replace("notjson", a, "dataset_v0_9.json", (at) => writeFileSync(at, `${SECRET}:x:0:0\n`));
    const flipped = readFileSync(file("flipped", a, "households_v0_9.csv"));
    flipped[flipped.length - 2]! ^= 1;
    writeFileSync(file("flipped", a, "households_v0_9.csv"), flipped);
    truncateSync(file("truncated", a, "households_v0_9.csv"), 100);
    replace("zero", a, "households_v0_9.csv", (at) => symlinkSync("/dev/zero", at));
    replace("folder", a, "households_v0_9.csv", (at) => mkdirSync(at));
    replace("fifo", a, "households_v0_9.csv", (at) => execFileSync("mkfifo", [at]));
    replace("fifomanifest", a, "snapshot_manifest_v0_9.json", (at) => execFileSync("mkfifo", [at]));
    // A hostile but well-formed snapshot: its manifest vouches for a .parquet that is not Parquet.
    const garbage = Buffer.from("PAR1 but not really Parquet at all");
    writeFileSync(file("notparquet", a, "persons_v0_9.parquet"), garbage);
    const lying = { ...a, files: a.files.map((f) => (f.path === "persons_v0_9.parquet" ? { ...f, bytes: garbage.length, sha256: sha256(garbage) } : f)) };
    writeFileSync(file("notparquet", a, "snapshot_manifest_v0_9.json"), JSON.stringify(lying));
    // Well-formed, but its manifest counts an entity named like a property every object has.
    writeFileSync(file("protoentity", a, "snapshot_manifest_v0_9.json"), JSON.stringify({ ...a, counts: { ...a.counts, constructor: 1 } }));
    served = await serveCatalog({ sources: openSources(Object.entries(targets).map(([name, dir]) => `${name}=${dir}`), {}), host: "127.0.0.1", port: 0, cacheDir: tmp() });
  }, 120_000);
  afterAll(async () => {
    await served?.close();
  });

  it("sends an untouched file whole, checked once and then from its remembered verdict", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`http://127.0.0.1:${served.port}/snapshots/${a.snapshotId}/files/households_v0_9.csv?target=good`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([response.status, sha256(bytes)]).toEqual([200, a.files.find((f) => f.path === "households_v0_9.csv")!.sha256]);
    }
  });

  it("answers 502 naming the file for every file that is not the manifest's bytes, and sends none of them", async () => {
    const cases: Array<[string, string, RegExp]> = [
      ["linked", "households_v0_9.csv", /households_v0_9\.csv \(target linked\) is not a regular file inside the target/],
      ["zero", "households_v0_9.csv", /not a regular file inside the target/],
      ["folder", "households_v0_9.csv", /not a regular file inside the target/],
      ["fifo", "households_v0_9.csv", /not a regular file inside the target/],
      ["flipped", "households_v0_9.csv", /does not have the sha256 its manifest gives/],
      ["truncated", "households_v0_9.csv", /holds 100 bytes, the manifest says \d+; not served/],
      ["linkedparquet", "persons_v0_9.parquet", /not a regular file inside the target/],
    ];
    for (const [target, path, detail] of cases) {
      const answer = await download(target, a, path);
      expect([target, answer.status, answer.type], target).toEqual([target, 502, "application/problem+json"]);
      expect(answer.detail, target).toMatch(detail);
      expect(answer.text, target).not.toContain(SECRET);
      expect(answer.text, target).not.toContain(targets[target]!);
    }
  }, 60_000);

  it("previews nothing from a Parquet file linked to another snapshot's", async () => {
    const preview = await get(`/snapshots/${a.snapshotId}/entities/persons/rows?target=linkedparquet`);
    expect([preview.status, preview.detail]).toEqual([502, expect.stringMatching(/persons_v0_9\.parquet \(target linkedparquet\) is not a regular file/)]);
    expect((await get(`/snapshots/${a.snapshotId}/entities/persons/rows?target=good`)).status).toBe(200);
  });

  it("answers 502, not 500, for a .parquet its manifest vouches for that is not Parquet", async () => {
    const preview = await get(`/snapshots/${a.snapshotId}/entities/persons/rows?target=notparquet`);
    expect([preview.status, preview.detail]).toEqual([502, `snapshot ${a.snapshotId}'s persons_v0_9.parquet could not be read as Parquet`]);
  });

  it("does not list a linked snapshot folder, and refuses to read one", async () => {
    const listed = JSON.parse((await get("/snapshots?target=linkedfolder")).text) as { snapshots: Array<{ snapshotId: string }> };
    expect(listed.snapshots.map((s) => s.snapshotId)).toEqual([b.snapshotId]);
    const read = await get(`/snapshots/${a.snapshotId}?target=linkedfolder`);
    expect([read.status, read.detail]).toEqual([502, expect.stringContaining("reached through a symbolic link")]);
  });

  it("never quotes a document it could not read: a link to /etc/passwd, a file that is not JSON", async () => {
    for (const target of ["passwd", "notjson"]) {
      const read = await get(`/snapshots/${a.snapshotId}?target=${target}`);
      expect(read.status, target).toBe(502);
      expect(read.text, target).not.toMatch(/root:|TOP-SECRET/);
      expect(read.text, target).not.toContain(targets[target]!);
    }
    expect((await get(`/snapshots/${a.snapshotId}?target=passwd`)).detail).toContain("dataset_v0_9.json is a symbolic link");
    expect((await get(`/snapshots/${a.snapshotId}?target=notjson`)).detail).toMatch(/target notjson: v0\.9\/.+\/dataset_v0_9\.json is not a valid dataset_v0_9\.json: not JSON$/);
  });

  it("compares and pages a snapshot whose manifest counts 'constructor' without a 500 (no lookup reaches a prototype)", async () => {
    const compared = await get(`/snapshots/${a.snapshotId}/compare/${b.snapshotId}?target=protoentity`);
    expect(compared.status).toBe(200);
    expect((JSON.parse(compared.text) as { counts: Array<{ entity: string; a: number | null; b: number | null }> }).counts).toEqual(expect.arrayContaining([{ entity: "constructor", a: 1, b: null, change: null }]));
    for (const page of [`/ui/compare?a=${a.snapshotId}&b=${b.snapshotId}&target=protoentity`, `/ui/snapshots/${a.snapshotId}?target=protoentity`]) {
      expect((await get(page)).status, page).toBe(200);
    }
  });

  it("is not wedged by FIFOs: five downloads of one and a manifest that is one leave every route answering", async () => {
    const started = performance.now();
    const fifo = await Promise.all(Array.from({ length: 5 }, () => download("fifo", a, "households_v0_9.csv")));
    expect(fifo.map((r) => r.status)).toEqual([502, 502, 502, 502, 502]);
    const list = await get("/snapshots?target=fifomanifest");
    expect(list.status).toBe(200);
    const { snapshots, skipped } = JSON.parse(list.text) as { snapshots: Array<{ snapshotId: string }>; skipped: Array<{ key: string; problem: string }> };
    expect(snapshots.map((s) => s.snapshotId)).toEqual([b.snapshotId]);
    expect(skipped).toEqual([{ target: "fifomanifest", key: `v0.9/${a.snapshotId}/`, problem: `v0.9/${a.snapshotId}/snapshot_manifest_v0_9.json is a FIFO, not a regular file` }]);
    expect((await get(`/snapshots/${a.snapshotId}?target=fifomanifest`)).status).toBe(502);
    expect((await get("/readyz")).status).toBe(200);
    expect((await download("good", b, "households_v0_9.csv")).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(8_000);
  }, 30_000);
});
