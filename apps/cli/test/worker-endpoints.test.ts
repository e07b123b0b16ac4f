import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { freePort, waitFor } from "@sdh/infra/testing";
import type { SnapshotResult } from "@sdh/worker";
import { afterAll, describe, expect, it } from "vitest";
import { exited, s3Env, servicesEnv, startWorker, tmp } from "./cli-workers.js";
import { parsePrometheusText, sampleValue, type MetricFamily } from "./prometheus-text.js";
import { nodeCli, runCli } from "./run-cli.js";

const get = async (port: number, path: string) => {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
};
const scrape = async (port: number): Promise<MetricFamily[]> => parsePrometheusText((await get(port, "/metrics")).body);
const poll = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) => waitFor(what, probe, { timeoutMs });

// A platform scrapes and probes the worker as Kubernetes and Prometheus would: real HTTP, parsed by
// Prometheus's own client parser, against a worker of the real dev server.
describe("the worker's /metrics, /healthz and /readyz", () => {
  let silent: Server | undefined;
  const held: Socket[] = [];
  afterAll(() => {
    for (const s of held) s.destroy();
    silent?.close();
  });

  it("is alive but not ready while it cannot reach Temporal yet", async () => {
    // A frontend that accepts connections and never answers: the worker stays connecting.
    silent = createServer((socket) => held.push(socket));
    const silentPort = await freePort();
    await new Promise<void>((resolve) => silent!.listen(silentPort, "127.0.0.1", resolve));
    const port = await freePort();
    const [node, args] = nodeCli(["worker", "--task-queue", `endpoints-${randomUUID()}`, "--staging", tmp(), "--http-port", String(port), "--http-host", "127.0.0.1"]);
    const worker = spawn(node, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, TEMPORAL_ADDRESS: `127.0.0.1:${silentPort}` }, stdio: "ignore" });
    try {
      const health = await poll("/healthz", () => get(port, "/healthz").catch(() => undefined), 30_000);
      expect(health).toMatchObject({ status: 200, body: "ok (CONNECTING)\n" });
      expect(await get(port, "/readyz")).toMatchObject({ status: 503, body: "not ready (CONNECTING)\n" });
      const families = await scrape(port);
      expect(sampleValue(families, "sdh_worker_ready")).toBe(0);
      expect(await get(port, "/nope")).toMatchObject({ status: 404, body: "no route /nope; the worker serves /healthz, /readyz and /metrics\n" });
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: "POST" })).status).toBe(405);
    } finally {
      worker.kill("SIGKILL");
    }
  }, 60_000);

  it("counts a build as it runs, turns not ready on SIGTERM while it drains, and serves the SDK's metrics", async () => {
    const taskQueue = `endpoints-${randomUUID()}`;
    const staging = tmp();
    const target = tmp();
    const port = await freePort();
    const first = await startWorker(taskQueue, staging, 1, ["--http-port", String(port), "--http-host", "127.0.0.1"]);
    expect(JSON.parse(first.output().split("\n").find((l) => l.includes('"worker started"'))!)).toMatchObject({ http: `127.0.0.1:${port}` });
    await poll("readiness", async () => ((await get(port, "/readyz")).status === 200 ? true : undefined));
    expect(await get(port, "/healthz")).toMatchObject({ status: 200, body: "ok (RUNNING)\n" });

    // Two shards of 30,000 households, one at a time: seconds each, so a scrape lands inside one.
    const snapshotId = `endpoints-${randomUUID().slice(0, 8)}`;
    const args = ["snapshot", "run", "--records", "60000", "--shards", "2", "--formats", "csv", "--seed", "9", "--snapshot-id", snapshotId, "--target", target, "--task-queue", taskQueue];
    const start = runCli(args, { ...servicesEnv(), ...s3Env() });
    expect([start.status, start.stderr]).toEqual([0, ""]);
    const during = await poll("a scrape inside a shard", async () => {
      const families = await scrape(port);
      const built = sampleValue(families, "sdh_records_built_total", { pack: "pc", entity: "households" }) ?? 0;
      const running = sampleValue(families, "sdh_steps_running", { activity: "generateShard" }) ?? 0;
      return running === 1 && built > 0 && built < 30_000 ? families : undefined;
    });
    // Inside the shard: the type Prometheus reads, the worker ready, the SDK's own metrics there too.
    expect(during.find((f) => f.name === "sdh_records_built")?.type).toBe("counter");
    expect(sampleValue(during, "sdh_worker_ready")).toBe(1);
    expect(sampleValue(during, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(during.some((f) => f.name.startsWith("temporal_"))).toBe(true);

    // SIGTERM mid-shard: not ready at once, still alive, and the shard is finished before it exits.
    first.child.kill("SIGTERM");
    const draining = await poll("readiness to turn", async () => {
      const r = await get(port, "/readyz");
      return r.status === 503 ? r : undefined;
    }, 10_000);
    expect(draining.body).toMatch(/^not ready \((STOPPING|DRAINING|DRAINED)\)\n$/);
    expect(first.child.exitCode).toBeNull();
    expect((await get(port, "/healthz")).status).toBe(200);
    expect(await exited(first.child)).toBe(0);

    // Another worker finishes the build; its counters match the published result.
    const secondPort = await freePort();
    await startWorker(taskQueue, staging, 1, ["--http-port", String(secondPort), "--http-host", "127.0.0.1"]);
    const joined = runCli([...args, "--wait", "--json"], { ...servicesEnv(), ...s3Env() });
    expect([joined.status, joined.stderr]).toEqual([0, ""]);
    const result = JSON.parse(joined.stdout) as SnapshotResult;
    const after = await scrape(secondPort);
    expect(sampleValue(after, "sdh_published_bytes_total", { target: "folder" })).toBe(result.bytes);
    expect(sampleValue(after, "sdh_step_duration_seconds_count", { activity: "publishManifest", outcome: "completed" })).toBe(1);
    expect(sampleValue(after, "sdh_shards_total", { pack: "pc", result: "built" })).toBe(1);
    expect(sampleValue(after, "sdh_records_built_total", { pack: "pc", entity: "households" })).toBe(30_000);
    expect(sampleValue(after, "sdh_staged_bytes_total", { step: "exportSnapshot" })).toBeGreaterThan(0);
  }, 240_000);
});
