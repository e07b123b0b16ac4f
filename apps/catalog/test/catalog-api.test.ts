import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig, type Manifest, type SnapshotConfigInput } from "@sdh/schemas";
import { LocalStore, openStore, publishSnapshot } from "@sdh/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSources, serveCatalog, type ServedCatalog } from "../src/index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-catalog-"));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A bundle built by the real writer, generatedAt pinned. */
async function bundle(input: SnapshotConfigInput, generatedAt: string) {
  const config = parseSnapshotConfig(input);
  const out = join(tmp(), "bundle");
  const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out, now: () => new Date(generatedAt) });
  return { out, manifest };
}

function s3Env() {
  const s = testServices();
  return { SDH_S3_ENDPOINT: s.s3Endpoint, AWS_REGION: s.region, AWS_ACCESS_KEY_ID: s.accessKeyId, AWS_SECRET_ACCESS_KEY: s.secretAccessKey, SDH_S3_FORCE_PATH_STYLE: "true" };
}

// The catalog API over HTTP, against a folder target and the real S3 gateway, each holding the same
// two published snapshots.
describe("the catalog API (sdh serve)", () => {
  let served: ServedCatalog;
  let older: Manifest;
  let newer: Manifest;
  let olderDir: string;
  const folder = tmp();
  let s3Target: string;
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`http://127.0.0.1:${served.port}${path}`, { redirect: "manual", ...init });
    const text = await response.text();
    const json = response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    return { status: response.status, headers: response.headers, text, json: json as never };
  };

  beforeAll(async () => {
    // Credentials come from the AWS provider chain, which reads this process's environment.
    Object.assign(process.env, s3Env());
    const a = await bundle({ records: 40, seed: 1, asOf: "2026-01-06" }, "2026-01-06T02:00:00Z");
    const b = await bundle({ records: 30, seed: 2, asOf: "2026-02-03", formats: ["csv"] }, "2026-02-03T02:00:00Z");
    older = a.manifest;
    newer = b.manifest;
    olderDir = a.out;
    s3Target = `s3://${testServices().bucket}/catalog-${randomUUID().slice(0, 8)}`;
    for (const store of [new LocalStore(folder), openStore(s3Target, s3Env())]) {
      await publishSnapshot(a.out, store);
      await publishSnapshot(b.out, store);
    }
    served = await serveCatalog({ sources: openSources([`local=${folder}`, `s3=${s3Target}`], s3Env()), host: "127.0.0.1", port: 0, cacheDir: tmp() });
  }, 120_000);
  afterAll(async () => {
    await served?.close();
  });

  it("lists the committed snapshots of every target, newest first, latest marked, in pages", async () => {
    const all = await get("/snapshots");
    expect(all.status).toBe(200);
    const { snapshots, total, skipped } = all.json as { snapshots: Array<{ target: string; snapshotId: string; latest: boolean; counts: Record<string, number> }>; total: number; skipped: unknown[] };
    expect(total).toBe(4);
    expect(skipped).toEqual([]);
    expect(snapshots.map((s) => [s.target, s.snapshotId, s.latest])).toEqual([
      ["local", newer.snapshotId, true],
      ["s3", newer.snapshotId, true],
      ["local", older.snapshotId, false],
      ["s3", older.snapshotId, false],
    ]);
    expect(snapshots[2]!.counts).toEqual(older.counts);
    const page = await get("/snapshots?target=s3&limit=1&offset=1");
    expect(page.json).toMatchObject({ total: 2, limit: 1, offset: 1, snapshots: [{ target: "s3", snapshotId: older.snapshotId }] });
  });

  it("reads a snapshot: its manifest, validation and quality reports and dataset descriptor", async () => {
    const detail = await get(`/snapshots/${older.snapshotId}?target=s3`);
    expect(detail.status).toBe(200);
    const body = detail.json as { target: string; manifest: Manifest; validation: { passed: boolean }; quality: { counts: Record<string, number> }; dataset: { entities: Array<{ name: string }> } };
    expect(body.target).toBe("s3");
    expect(body.manifest).toEqual(older);
    expect(body.validation.passed).toBe(true);
    expect(body.quality.counts).toEqual(older.counts);
    expect(body.dataset.entities.map((e) => e.name)).toEqual(Object.keys(older.counts));
  });

  it("previews typed rows from the published Parquet, filtered and paged, the same from S3 as from a folder", async () => {
    const fromS3 = await get(`/snapshots/${older.snapshotId}/entities/persons/rows?target=s3&limit=5&offset=2`);
    expect(fromS3.status).toBe(200);
    const page = fromS3.json as { columns: Array<{ name: string; type: string }>; rows: Array<Record<string, unknown>>; total: number };
    expect(page.total).toBe(older.counts.persons);
    expect(page.rows).toHaveLength(5);
    expect(page.columns).toEqual(expect.arrayContaining([{ name: "person_id", type: "VARCHAR" }, { name: "date_of_birth", type: "DATE" }]));
    expect(page.rows[0]!.date_of_birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const fromFolder = await get(`/snapshots/${older.snapshotId}/entities/persons/rows?target=local&limit=5&offset=2`);
    expect(fromFolder.json).toEqual(fromS3.json);
    // The records themselves: the JSON data file's, in order.
    const persons = JSON.parse(readFileSync(join(olderDir, "persons_v0_9.json"), "utf8")) as Array<Record<string, unknown>>;
    expect(page.rows.map((r) => r.person_id)).toEqual(persons.slice(2, 7).map((p) => p.person_id));
    // A filter is an equality on a column; the value travels as a parameter, never as SQL.
    const households = JSON.parse(readFileSync(join(olderDir, "households_v0_9.json"), "utf8")) as Array<{ state: string }>;
    const state = households[0]!.state;
    const filtered = await get(`/snapshots/${older.snapshotId}/entities/households/rows?filter=state%3D${state}&limit=1000`);
    expect(filtered.json).toMatchObject({ total: households.filter((h) => h.state === state).length });
    expect((filtered.json as { rows: Array<{ state: string }> }).rows.every((r) => r.state === state)).toBe(true);
    const injected = await get(`/snapshots/${older.snapshotId}/entities/households/rows?filter=${encodeURIComponent("state=' OR 1=1 --")}`);
    expect(injected.json).toMatchObject({ total: 0, rows: [] });
  }, 60_000);

  it("compares two snapshots: counts, column shifts and checks; a snapshot with itself shows no change", async () => {
    const compared = await get(`/snapshots/${older.snapshotId}/compare/${newer.snapshotId}?target=local&otherTarget=s3`);
    expect(compared.status).toBe(200);
    const c = compared.json as { a: { target: string; seed: number }; b: { target: string; seed: number }; counts: Array<{ entity: string; a: number; b: number; change: number | null }>; columns: Array<{ entity: string; column: string; nullRate: { a: number; b: number }; standardizedMeanDifference: number | null; topShareDistance: number | null }> };
    expect([c.a.target, c.a.seed, c.b.target, c.b.seed]).toEqual(["local", 1, "s3", 2]);
    expect(c.counts.find((x) => x.entity === "households")).toEqual({ entity: "households", a: 40, b: 30, change: -0.25 });
    expect(c.columns.find((x) => x.entity === "persons" && x.column === "date_of_birth")).toBeDefined();
    const same = (await get(`/snapshots/${older.snapshotId}/compare/${older.snapshotId}`)).json as typeof c;
    expect(same.counts.every((x) => x.change === 0 || x.a === 0)).toBe(true);
    expect(same.columns.every((x) => (x.standardizedMeanDifference ?? 0) === 0 && (x.topShareDistance ?? 0) === 0 && x.nullRate.a === x.nullRate.b)).toBe(true);
    expect((await get(`/snapshots/${older.snapshotId}/compare/no-such-snapshot`)).status).toBe(404);
  });

  it("downloads a listed file: streamed from a folder, a presigned redirect on S3, with its sha256 as ETag", async () => {
    const file = older.files.find((f) => f.path === "households_v0_9.parquet")!;
    const local = await fetch(`http://127.0.0.1:${served.port}/snapshots/${older.snapshotId}/files/${file.path}?target=local`);
    expect(local.status).toBe(200);
    expect(sha256(new Uint8Array(await local.arrayBuffer()))).toBe(file.sha256);
    expect([local.headers.get("etag"), local.headers.get("x-checksum-sha256"), local.headers.get("content-type")]).toEqual([`"${file.sha256}"`, file.sha256, "application/vnd.apache.parquet"]);
    expect(local.headers.get("accept-ranges")).toBe("bytes");
    // If-None-Match as RFC 9110 has it: the tag, a list holding it, a weak form of it, or * (issue 33.14).
    for (const tags of [`"${file.sha256}"`, `"other", "${file.sha256}"`, `W/"${file.sha256}"`, "*"]) {
      expect((await get(`/snapshots/${older.snapshotId}/files/${file.path}?target=local`, { headers: { "if-none-match": tags } })).status, tags).toBe(304);
    }
    expect((await get(`/snapshots/${older.snapshotId}/files/${file.path}?target=local`, { headers: { "if-none-match": '"other"' } })).status).toBe(200);
    // Range: a slice, a suffix, an open end, and past the end.
    const whole = new Uint8Array(readFileSync(join(olderDir, file.path)));
    const ranged = async (range: string) => {
      const r = await fetch(`http://127.0.0.1:${served.port}/snapshots/${older.snapshotId}/files/${file.path}?target=local`, { headers: { range } });
      return { status: r.status, contentRange: r.headers.get("content-range"), bytes: new Uint8Array(await r.arrayBuffer()) };
    };
    expect(await ranged("bytes=4-11")).toEqual({ status: 206, contentRange: `bytes 4-11/${file.bytes}`, bytes: whole.slice(4, 12) });
    expect(await ranged("bytes=-8")).toEqual({ status: 206, contentRange: `bytes ${file.bytes - 8}-${file.bytes - 1}/${file.bytes}`, bytes: whole.slice(-8) });
    expect(await ranged(`bytes=${file.bytes - 3}-`)).toEqual({ status: 206, contentRange: `bytes ${file.bytes - 3}-${file.bytes - 1}/${file.bytes}`, bytes: whole.slice(-3) });
    expect(await ranged(`bytes=${file.bytes}-`)).toMatchObject({ status: 416, contentRange: `bytes */${file.bytes}` });
    expect((await ranged("bytes=0-1,5-6")).status).toBe(200);
    const redirect = await get(`/snapshots/${older.snapshotId}/files/${file.path}?target=s3`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("x-checksum-sha256")).toBe(file.sha256);
    const presigned = await fetch(redirect.headers.get("location")!);
    expect(sha256(new Uint8Array(await presigned.arrayBuffer()))).toBe(file.sha256);
    // A file in a subfolder, its slash encoded.
    const schema = older.files.find((f) => f.path.startsWith("schemas/"))!;
    const nested = await fetch(`http://127.0.0.1:${served.port}/snapshots/${older.snapshotId}/files/${encodeURIComponent(schema.path)}?target=local`);
    expect([nested.status, sha256(new Uint8Array(await nested.arrayBuffer()))]).toEqual([200, schema.sha256]);
  });

  it("answers bad input with a specific problem (4xx, application/problem+json), never a 500, never a byte outside the snapshot", async () => {
    const cases: Array<[string, number, string]> = [
      [`/snapshots/${older.snapshotId}/files/..%2F..%2F..%2Fetc%2Fpasswd?target=local`, 404, "has no file '../../../etc/passwd'"],
      [`/snapshots/${older.snapshotId}/files/%2Fetc%2Fpasswd?target=local`, 404, "has no file '/etc/passwd'"],
      ["/snapshots/..%2F..%2Fetc/files/passwd", 400, "snapshot id '../../etc'"],
      [`/snapshots/no-such-snapshot`, 404, "no committed snapshot no-such-snapshot in v0.9"],
      [`/snapshots/${"x".repeat(300)}`, 400, "id: "],
      ["/snapshots?limit=abc", 400, "limit: limit must be a whole number"],
      ["/snapshots?limit=100000", 400, "limit must be at most 500"],
      ["/snapshots?offset=-1", 400, "offset must be a whole number"],
      ["/snapshots?target=elsewhere", 400, "target 'elsewhere' is not served here; targets: local, s3"],
      ["/snapshots?version=..%2F", 400, "is not a schema version tag"],
      [`/snapshots/${older.snapshotId}/entities/secrets/rows`, 404, "has no entity 'secrets'"],
      // Names every object answers to: an entity is one the manifest counts, not one its prototype has.
      [`/snapshots/${older.snapshotId}/entities/constructor/rows`, 404, "has no entity 'constructor'"],
      [`/snapshots/${older.snapshotId}/entities/__proto__/rows`, 404, "has no entity '__proto__'"],
      [`/snapshots/${older.snapshotId}/entities/households/rows?filter=nope%3D1`, 400, "filter on unknown column(s) 'nope'"],
      [`/snapshots/${older.snapshotId}/entities/households/rows?filter=state`, 400, "must be column=value"],
      [`/snapshots/${older.snapshotId}/entities/households/rows?limit=1001`, 400, "limit must be at most 1000"],
      [`/snapshots/${newer.snapshotId}/entities/households/rows`, 409, "published without Parquet (formats csv)"],
      ["/admin", 404, "no route GET /admin"],
      // A path served under another method: 405 with Allow (issue 33.14).
      ["/builds/x-1/cancel", 405, "GET is not allowed on /builds/x-1/cancel; allowed: POST"],
    ];
    for (const [path, status, detail] of cases) {
      const answer = await get(path);
      expect([path, answer.status, answer.headers.get("content-type")]).toEqual([path, status, "application/problem+json"]);
      expect((answer.json as { detail: string }).detail, path).toContain(detail);
      expect(answer.json).toMatchObject({ status, instance: expect.stringMatching(/^\//) });
    }
    // CORS is off unless configured: no header invites another origin's page.
    const cross = await get("/snapshots", { headers: { origin: "https://elsewhere.example" } });
    expect(cross.headers.get("access-control-allow-origin")).toBeNull();
  }, 60_000);

  it("serves its OpenAPI 3.1 document, and health and readiness", async () => {
    const doc = await get("/openapi.json");
    const api = doc.json as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(api.openapi).toBe("3.1.0");
    expect(Object.keys(api.paths).sort()).toEqual(["/builds", "/builds/{id}", "/builds/{id}/cancel", "/drafts", "/drafts/{id}", "/drafts/{id}/answers", "/healthz", "/readyz", "/schedules", "/snapshots", "/snapshots/{id}", "/snapshots/{id}/compare/{other}", "/snapshots/{id}/entities/{entity}/rows", "/snapshots/{id}/files/{path}"]);
    // Every operation named, tagged and described; security where it applies; the product's version (issue 33.13).
    const operations = Object.entries(api.paths).flatMap(([path, methods]) => Object.entries(methods as Record<string, { operationId?: string; tags?: string[]; security?: unknown; responses: Record<string, unknown> }>).map(([method, op]) => ({ path, method, ...op })));
    expect(operations.filter((o) => !o.operationId || !o.tags?.length)).toEqual([]);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
    // The token: every POST, and a draft session (the user's own words) even to read.
    expect(operations.filter((o) => (o.security as unknown[]).length > 0).map((o) => [o.method, o.path, o.security])).toEqual([
      ["post", "/builds", [{ bearer: [] }]],
      ["post", "/builds/{id}/cancel", [{ bearer: [] }]],
      ["post", "/drafts", [{ bearer: [] }]],
      ["post", "/drafts/{id}/answers", [{ bearer: [] }]],
      ["get", "/drafts/{id}", [{ bearer: [] }]],
    ]);
    expect(Object.keys(operations.find((o) => o.operationId === "startBuild")!.responses).sort()).toEqual(["202", "400", "401", "403", "409", "413", "415", "503"]);
    expect(doc.json).toMatchObject({ info: { version: expect.stringMatching(/^\d+\.\d+\.\d+/) }, servers: [{ url: "/" }] });
    expect(Object.keys(api.components.schemas)).toEqual(expect.arrayContaining(["SnapshotList", "SnapshotDetail", "RowsPage", "Problem", "BuildRequest", "BuildStatus"]));
    // Builds need Temporal: a server without it says so.
    const noTemporal = await get("/builds/x-1");
    expect([noTemporal.status, (noTemporal.json as { detail: string }).detail]).toEqual([503, "this server was started without Temporal settings, so it cannot start or follow builds"]);
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/readyz")).text).toBe("ready\n");
    const unreachable = await serveCatalog({ sources: openSources(["s3://nowhere/x"], { ...s3Env(), SDH_S3_ENDPOINT: "http://127.0.0.1:9" }), host: "127.0.0.1", port: 0, cacheDir: tmp() });
    try {
      const ready = await fetch(`http://127.0.0.1:${unreachable.port}/readyz`);
      expect([ready.status, ready.headers.get("content-type")]).toEqual([503, "application/problem+json"]);
    } finally {
      await unreachable.close();
    }
  }, 60_000);
});
