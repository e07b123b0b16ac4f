import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import type { State } from "@temporalio/worker";
import type { WorkerMetrics } from "./worker-metrics.js";

/** A worker's state as the endpoints see it: the SDK's, or CONNECTING before the worker exists. */
export type WorkerPhase = State | "CONNECTING";

export interface WorkerEndpointsOptions {
  host: string;
  /** 0 picks a free port (tests); `port` of the result says which. */
  port: number;
  metrics: WorkerMetrics;
  /** The SDK runtime's own Prometheus exporter (on loopback): its text follows ours at /metrics. */
  runtimeMetricsUrl?: string;
  phase: () => WorkerPhase;
}

export interface WorkerEndpoints {
  port: number;
  close(): Promise<void>;
}

/** Prometheus text exposition format 0.0.4: what both prom-client and the SDK's exporter write. */
const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
/** A scrape must not hang on the runtime's exporter: Prometheus's own default scrape timeout is 10 s. */
const RUNTIME_SCRAPE_TIMEOUT_MS = 3_000;

/**
 * The worker's HTTP endpoints for the platform around it:
 * - `/healthz` (liveness): 200 while the process works, 503 once the worker has FAILED;
 * - `/readyz` (readiness): 200 only while connected and polling (RUNNING); 503 while it connects,
 *   and from SIGTERM on, while it drains its running activities;
 * - `/metrics`: our counters and Node's process metrics, then the SDK runtime's (`temporal_*`).
 */
export async function serveWorkerEndpoints({ host, port, metrics, runtimeMetricsUrl, phase }: WorkerEndpointsOptions): Promise<WorkerEndpoints> {
  const server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end(`${req.method} is not allowed; the worker's endpoints answer GET\n`);
      return;
    }
    const state = phase();
    if (path === "/healthz") {
      const alive = state !== "FAILED";
      res.writeHead(alive ? 200 : 503, { "content-type": "text/plain; charset=utf-8" }).end(`${alive ? "ok" : "failed"} (${state})\n`);
    } else if (path === "/readyz") {
      const ready = state === "RUNNING";
      res.writeHead(ready ? 200 : 503, { "content-type": "text/plain; charset=utf-8" }).end(`${ready ? "ready" : "not ready"} (${state})\n`);
    } else if (path === "/metrics") {
      metrics.setReady(state === "RUNNING");
      const ours = await metrics.text();
      const runtime = runtimeMetricsUrl ? await runtimeMetrics(runtimeMetricsUrl) : "";
      res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE }).end(req.method === "HEAD" ? undefined : `${ours}${runtime}`);
    } else {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`no route ${path}; the worker serves /healthz, /readyz and /metrics\n`);
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(new Error(`cannot serve the worker's endpoints on ${host}:${port}: ${error.code === "EADDRINUSE" ? "the port is in use" : error.message}`, { cause: error })));
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** The SDK's exporter text; when it cannot be read, a comment saying why (a scrape still gets ours). */
async function runtimeMetrics(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(RUNTIME_SCRAPE_TIMEOUT_MS) });
    if (!response.ok) return `# the Temporal runtime's metrics answered HTTP ${response.status}\n`;
    const text = await response.text();
    return text.endsWith("\n") || text === "" ? text : `${text}\n`;
  } catch (error) {
    return `# the Temporal runtime's metrics could not be read: ${error instanceof Error ? error.message : String(error)}\n`;
  }
}

/** A loopback port free now, for the SDK's exporter, which takes an address rather than a listening socket. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
