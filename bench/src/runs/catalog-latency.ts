// What `sdh serve` answers under a bounded local load (issue 20): the built CLI serves a folder target
// in a process of its own; autocannon (10 connections, 15 s per route) requests from this one against
// 127.0.0.1. Two cases:
//   listing <n> [dir]   : n committed snapshots (real bundles of one household each, published; kept
//                         in dir across runs when given, as making 1,000 takes minutes), then
//                         GET /snapshots (the first 50 of n, newest first) and GET / (the page);
//   preview <bundle>    : a published bundle (the suite's 1M-household one), then a 100-row page of
//                         persons at offsets spread over the file, and the snapshot page.
// Latencies are every response's own time; the server's RSS (now and peak) comes from /proc.
// Prints { seconds, count (requests), peakRssMb (the server's), routes: [{ route, p50Ms, p95Ms, ... }] }.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { freePort } from "@sdh/infra";
import { MANIFEST_FILE_NAME, parseSnapshotConfig, VERSION_TAG } from "@sdh/schemas";
import { LocalStore, publishSnapshot, readManifest } from "@sdh/storage";
import { percentile } from "../stats.js";

const CONNECTIONS = 10;
const SECONDS = 15;
const cli = fileURLToPath(new URL("../../../apps/cli/dist/main.js", import.meta.url));
const [mode, arg] = process.argv.slice(2);
if (mode !== "listing" && mode !== "preview") throw new Error("usage: catalog-latency listing <snapshots> | preview <bundle folder>");

function rssMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

/** Requests `paths` in turn for SECONDS over CONNECTIONS connections; every response's latency in ms. */
async function load(port: number, paths: string[]) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors += 1;
    });
  });
  if (errors || result.errors || result.timeouts) throw new Error(`${paths[0]}: ${errors} non-200 answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  return { requests: latencies.length, perSecond: latencies.length / SECONDS, p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95), p99Ms: percentile(latencies, 0.99), maxMs: Math.max(...latencies) };
}

const root = mkdtempSync(join(tmpdir(), "sdh-bench-catalog-"));
const target = mode === "listing" && process.argv[4] ? process.argv[4] : join(root, "published");
try {
  const store = new LocalStore(target);
  let routes: Array<{ route: string; paths: string[] }>;
  const t0 = performance.now();
  if (mode === "listing") {
    const n = Number(arg ?? 1000);
    const made = existsSync(join(target, VERSION_TAG)) ? readdirSync(join(target, VERSION_TAG)).filter((name) => !name.endsWith(".json")).length : 0;
    for (let i = made; i < n; i++) {
      // Real snapshots, one household each, a night apart: the listing reads each one's manifest.
      const asOf = new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const config = parseSnapshotConfig({ records: 1, seed: i, asOf, formats: ["json"] });
      const out = join(root, "bundle");
      await writeBundle({ config, snapshotId: defaultSnapshotId(config), out });
      await publishSnapshot(out, store);
      rmSync(out, { recursive: true, force: true });
    }
    routes = [
      { route: `GET /snapshots (first 50 of ${n})`, paths: ["/snapshots"] },
      { route: `GET / (the catalog page, 50 of ${n})`, paths: ["/"] },
    ];
  } else {
    if (!arg) throw new Error("preview needs a bundle folder");
    const { snapshotId } = JSON.parse(readFileSync(join(arg, MANIFEST_FILE_NAME), "utf8")) as { snapshotId: string };
    await publishSnapshot(arg, store);
    const manifest = (await readManifest(store, snapshotId))!.manifest;
    const persons = manifest.counts.persons!;
    // Offsets spread over the whole file, so pages come from every row group, not one cached one.
    const offsets = Array.from({ length: 64 }, (_, i) => Math.floor(((i * 7919) % 64) * ((persons - 100) / 63)));
    routes = [
      { route: `GET rows of persons, limit 100, 64 offsets over ${persons.toLocaleString("en-US")}`, paths: offsets.map((o) => `/snapshots/${snapshotId}/entities/persons/rows?limit=100&offset=${o}`) },
      { route: "GET rows of persons, limit 100, filter state=CA", paths: ["/snapshots/" + snapshotId + "/entities/persons/rows?limit=100&filter=state%3DCA"] },
      { route: "GET the snapshot page (persons: charts and 25 rows)", paths: [`/ui/snapshots/${snapshotId}?entity=persons`] },
    ];
  }
  const setupSeconds = (performance.now() - t0) / 1000;

  const port = await freePort();
  const server = spawn(process.execPath, [cli, "serve", "--target", `bench=${target}`, "--port", String(port), "--cache-dir", join(root, "cache")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  try {
    while ((await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0)) !== 200) {
      if (server.exitCode !== null) throw new Error(`sdh serve did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const idleRssMb = rssMb(server.pid!, "VmRSS");
    const measured = [];
    const started = performance.now();
    for (const { route, paths } of routes) {
      // One request first: the page's script bundle, DuckDB's start, the file's footer are one-off costs.
      await (await fetch(`http://127.0.0.1:${port}${paths[0]}`)).arrayBuffer();
      measured.push({ route, ...(await load(port, paths)), rssMbAfter: rssMb(server.pid!, "VmRSS") });
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ seconds, count: measured.reduce((n, r) => n + r.requests, 0), peakRssMb: rssMb(server.pid!, "VmHWM"), idleRssMb, setupSeconds, connections: CONNECTIONS, routes: measured }));
  } finally {
    server.kill("SIGTERM");
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
