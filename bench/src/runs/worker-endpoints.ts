// What the worker's /metrics costs: two idle `sdh worker` processes of the built CLI, one without
// endpoints and one with --http-port, side by side for 30 s while the second is scraped once a
// second (Prometheus scrapes every 15-60 s); then 100 scrapes back to back for the CPU of one.
// CPU and RSS come from /proc. Prints { seconds, count (scrapes), peakRssMb (the scraped worker), ... }.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@sdh/infra";
import { startWorker, type TemporalEnv } from "../temporal-run.js";
import { percentile } from "../stats.js";

const IDLE_SECONDS = 30;
const BURST = 100;
const env: TemporalEnv = { TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!, TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? "default" };
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
function rssMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

const root = mkdtempSync(join(tmpdir(), "sdh-bench-endpoints-"));
const port = await freePort();
const plain = await startWorker(env, `bench-${randomUUID()}`, join(root, "a"));
const served = await startWorker(env, `bench-${randomUUID()}`, join(root, "b"), ["--http-port", String(port), "--http-host", "127.0.0.1"]);
try {
  const scrape = async () => {
    const t0 = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    const text = await response.text();
    if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
    return { ms: performance.now() - t0, bytes: Buffer.byteLength(text) };
  };
  await scrape(); // warm: the first scrape loads prom-client's collectors
  const [a, b] = [plain.child.pid!, served.child.pid!];
  const cpu0 = [cpuSeconds(a), cpuSeconds(b)];
  const latencies: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < IDLE_SECONDS; i++) {
    const s = await scrape();
    latencies.push(s.ms);
    bytes = s.bytes;
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - s.ms)));
  }
  const seconds = (performance.now() - started) / 1000;
  const idle = [cpuSeconds(a) - cpu0[0]!, cpuSeconds(b) - cpu0[1]!];
  const rss = [rssMb(a, "VmRSS"), rssMb(b, "VmRSS")];
  const burst0 = cpuSeconds(b);
  for (let i = 0; i < BURST; i++) latencies.push((await scrape()).ms);
  const cpuMsPerScrape = ((cpuSeconds(b) - burst0) * 1000) / BURST;
  console.log(
    JSON.stringify({
      seconds,
      count: IDLE_SECONDS,
      peakRssMb: rssMb(b, "VmHWM"),
      peakRssMbWithout: rssMb(a, "VmHWM"),
      rssMbWithout: rss[0],
      rssMbWith: rss[1],
      idleCpuSecondsWithout: idle[0],
      idleCpuSecondsWith: idle[1],
      cpuMsPerScrape,
      scrapeMsP50: percentile(latencies, 0.5),
      scrapeMsP95: percentile(latencies, 0.95),
      metricsBytes: bytes,
    }),
  );
} finally {
  for (const w of [plain, served]) w.child.kill("SIGTERM");
  await Promise.all([plain.stopped, served.stopped]).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
}
