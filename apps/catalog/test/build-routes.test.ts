import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testServices, waitFor } from "@sdh/infra/testing";
import { createWorker } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";
import { NativeConnection, type Worker } from "@temporalio/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSources, serveCatalog, type ServedCatalog } from "../src/index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-catalog-builds-"));
const TOKEN = "catalog-test-token-5f2c";

// Builds started, followed and cancelled through the API, on the real dev server with a real worker.
describe("the catalog's build routes", () => {
  let served: ServedCatalog;
  let readOnly: ServedCatalog;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  const folder = tmp();
  const url = (path: string, server = served) => `http://127.0.0.1:${server.port}${path}`;
  const post = (path: string, body: unknown, token: string | null = TOKEN, server = served) =>
    fetch(url(path, server), { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const build = async (id: string) => (await (await fetch(url(`/builds/${id}`))).json()) as { status: string; progress?: { recordsDone: number } | null; result?: { counts: Record<string, number>; location: string }; failure?: string };
  const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitFor(what, probe, { timeoutMs: 90_000, intervalMs: 300 });

  beforeAll(async () => {
    const { temporalAddress: address, namespace } = testServices();
    const taskQueue = `catalog-${randomUUID()}`;
    native = await NativeConnection.connect({ address });
    worker = await createWorker({ connection: native, namespace, taskQueue, maxConcurrentActivities: 1, activityDeps: { stagingRoot: tmp(), shardThreads: 1 } });
    running = worker.run();
    connection = await Connection.connect({ address });
    const client = new Client({ connection, namespace });
    const sources = openSources([`local=${folder}`], {});
    served = await serveCatalog({ sources, host: "127.0.0.1", port: 0, cacheDir: tmp(), builds: { client, taskQueue, token: TOKEN } });
    readOnly = await serveCatalog({ sources, host: "127.0.0.1", port: 0, cacheDir: tmp(), builds: { client, taskQueue } });
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await readOnly?.close();
    worker?.shutdown();
    await running;
    await connection?.close();
    await native?.close();
  });

  it("refuses to start a build without the token, with a wrong one, or when no token is configured", async () => {
    const request = { target: "local", config: { records: 10 } };
    const none = await post("/builds", request, null);
    expect([none.status, ((await none.json()) as { detail: string }).detail]).toEqual([401, "this route needs `Authorization: Bearer <token>`"]);
    expect((await post("/builds", request, "not-the-token")).status).toBe(401);
    const disabled = await post("/builds", request, TOKEN, readOnly);
    expect(disabled.status).toBe(403);
    expect(((await disabled.json()) as { detail: string }).detail).toContain("start `sdh serve` with SDH_SERVE_TOKEN set");
  });

  it("names what is wrong with a build request (400), before anything starts", async () => {
    const cases: Array<[unknown, string]> = [
      [{ target: "local", config: { records: -1 } }, "config.records"],
      [{ target: "elsewhere", config: { records: 10 } }, "target 'elsewhere' is not served here; targets: local"],
      [{ target: "local", config: { records: 10, asOf: "1850-01-01" } }, "config.asOf"],
      [{ target: "local", config: { records: 10 }, snapshotId: "../../x" }, "snapshotId '../../x'"],
      // Settings the pack does not declare, or a P&C setting where schema 0.8 had it: named, nothing started.
      [{ target: "local", config: { records: 10, settings: { fleetSize: 3 } } }, "config.settings: unknown setting(s) 'fleetSize' for the pc pack"],
      [{ target: "local", config: { records: 10, pack: "fintech", settings: { identifiers: "synthetic" } } }, "config.settings.identifiers: the fintech pack has no settings"],
      [{ target: "local", config: { records: 10, settings: { lobMix: { personal: 0.5, commercial: 0.4 } } } }, "config.settings.lobMix: personal + commercial must add up to 1"],
      ["not an object", "request"],
    ];
    for (const [body, detail] of cases) {
      const answer = await post("/builds", body);
      expect([answer.status, answer.headers.get("content-type")], JSON.stringify(body)).toEqual([400, "application/problem+json"]);
      expect(((await answer.json()) as { detail: string }).detail).toContain(detail);
    }
    expect((await fetch(url("/builds/..%2Fx"))).status).toBe(400);
    expect((await fetch(url(`/builds/no-such-build-${randomUUID().slice(0, 8)}`))).status).toBe(404);
    // A workflow id of an earlier layout names that build, not the current layout's one of the same snapshot.
    const earlier = await fetch(url("/builds/snapshot-v0_6-2026-01-06-s42-00000000"));
    expect([earlier.status, ((await earlier.json()) as { detail: string }).detail]).toEqual([404, "no build snapshot-v0_6-2026-01-06-s42-00000000"]);
  });

  it("starts a build that publishes to a served target, follows it to its result, and lists it", async () => {
    const snapshotId = `catalog-${randomUUID().slice(0, 8)}`;
    const started = await post("/builds", { target: "local", config: { records: 30, seed: 5 }, snapshotId });
    expect([started.status, started.headers.get("location")]).toEqual([202, `/builds/snapshot-v0_9-${snapshotId}`]);
    expect(await started.json()).toMatchObject({ buildId: `snapshot-v0_9-${snapshotId}`, snapshotId, state: "started", target: "local" });
    const done = await until("the build to finish", async () => {
      const b = await build(snapshotId);
      return b.status === "RUNNING" ? undefined : b;
    });
    expect(done).toMatchObject({ status: "COMPLETED", result: { counts: { households: 30 } } });
    const listed = (await (await fetch(url("/snapshots"))).json()) as { snapshots: Array<{ snapshotId: string; latest: boolean }> };
    expect(listed.snapshots).toContainEqual(expect.objectContaining({ snapshotId, latest: true }));
    // The same request again, once finished, runs it again and publishes nothing new.
    expect((await post("/builds", { target: "local", config: { records: 30, seed: 5 }, snapshotId })).status).toBe(202);
  }, 120_000);

  it("cancels a running build (202), then refuses to cancel it again (409); schedules are listed read-only", async () => {
    const snapshotId = `catalog-cancel-${randomUUID().slice(0, 8)}`;
    expect((await post("/builds", { target: "local", config: { records: 200000, shardSize: 50000 }, snapshotId })).status).toBe(202);
    await until("the build to run", async () => ((await build(snapshotId)).status === "RUNNING" ? true : undefined));
    const cancelled = await post(`/builds/${snapshotId}/cancel`, {});
    expect([cancelled.status, await cancelled.json()]).toEqual([202, { buildId: `snapshot-v0_9-${snapshotId}`, cancelRequested: true }]);
    await until("the build to stop", async () => ((await build(snapshotId)).status === "CANCELLED" ? true : undefined));
    const again = await post(`/builds/${snapshotId}/cancel`, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toContain("is CANCELLED, not running: nothing to cancel");
    const schedules = await fetch(url("/schedules"));
    expect(schedules.status).toBe(200);
    expect(Array.isArray(((await schedules.json()) as { schedules: unknown[] }).schedules)).toBe(true);
  }, 120_000);
});
