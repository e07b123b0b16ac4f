import { availableParallelism } from "node:os";
import { explainConnectionFailure, createWorker, DEFAULT_STAGING_ROOT, freeLoopbackPort, releaseBuildId, serveWorkerEndpoints, SNAPSHOT_TASK_QUEUE, temporalSettings, versionProblem, WorkerMetrics, workflowCode, type WorkerEndpoints, type WorkerVersion, type WorkflowCode } from "@sdh/worker";
import { parseTarget } from "@sdh/storage";
import { NativeConnection, type Worker } from "@temporalio/worker";
import { wholeNumberOption } from "../config-flags.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { securityOf } from "../temporal-security.js";
import { SDH_VERSION } from "./version.js";

/** Each worker's working copy when staging is shared on S3. */
const DEFAULT_CACHE_ROOT = ".sdh/staging-cache";

/**
 * Runs a worker until SIGINT/SIGTERM. `installRuntime` installs the Temporal runtime (with the SDK's
 * metrics exporter on the loopback address it is given) before the first connection.
 */
export async function worker(args: string[], env: NodeJS.ProcessEnv, settings: Settings, installRuntime: (runtimeMetricsAddress?: string) => unknown): Promise<number> {
  const values = settings.fill(commandArgs("worker", { args, options: { concurrency: { type: "string" }, staging: { type: "string" }, cache: { type: "string" }, "task-queue": { type: "string" }, "http-port": { type: "string" }, "http-host": { type: "string" }, deployment: { type: "string" }, "build-id": { type: "string" } } }).values);
  const concurrency = values.concurrency === undefined ? availableParallelism() : wholeNumberOption("--concurrency", values.concurrency);
  const staging = values.staging ?? DEFAULT_STAGING_ROOT;
  // An S3 staging is shared by workers on several machines; each keeps its working copy in --cache.
  const sharedStaging = staging.startsWith("s3://") ? staging : undefined;
  if (sharedStaging) {
    try {
      parseTarget(sharedStaging);
    } catch (error) {
      throw new UsageError(`--staging ${(error as Error).message}`);
    }
  }
  const stagingRoot = sharedStaging ? (values.cache ?? DEFAULT_CACHE_ROOT) : staging;
  const taskQueue = values["task-queue"] ?? SNAPSHOT_TASK_QUEUE;
  const httpPort = values["http-port"] === undefined ? undefined : wholeNumberOption("--http-port", values["http-port"]);
  if (httpPort !== undefined && httpPort > 65535) throw new UsageError(`--http-port must be a port, 1 to 65535 (got ${httpPort})`);
  const httpHost = values["http-host"] ?? "0.0.0.0";
  if (values["build-id"] !== undefined && values.deployment === undefined) throw new UsageError("--build-id needs --deployment (SDH_WORKER_DEPLOYMENT): a build id is a version of a worker deployment");
  // Versioned: the build id defaults to the release's (its version and its workflow code's digest).
  let workflow: WorkflowCode | undefined;
  let versioning: WorkerVersion | undefined;
  if (values.deployment !== undefined) {
    workflow = await workflowCode();
    versioning = { deploymentName: values.deployment, buildId: values["build-id"] ?? releaseBuildId(SDH_VERSION, workflow) };
    const problem = versionProblem(versioning);
    if (problem) throw new UsageError(problem);
  }
  const { address, namespace } = temporalSettings(env);
  const security = securityOf(env);
  // The endpoints answer from the start: liveness while the worker connects, readiness once it polls.
  let running: Worker | undefined;
  let endpoints: WorkerEndpoints | undefined;
  let metrics: WorkerMetrics | undefined;
  if (httpPort !== undefined) {
    const runtimePort = await freeLoopbackPort();
    installRuntime(`127.0.0.1:${runtimePort}`);
    metrics = new WorkerMetrics();
    endpoints = await serveWorkerEndpoints({ host: httpHost, port: httpPort, metrics, runtimeMetricsUrl: `http://127.0.0.1:${runtimePort}/metrics`, phase: () => running?.getState() ?? "CONNECTING" });
  } else installRuntime();
  try {
    const connection = await NativeConnection.connect({ address, tls: security.tls, apiKey: security.apiKey }).catch(async (e: Error) => {
      throw new Error(await explainConnectionFailure(address, security, e), { cause: e });
    });
    try {
      running = await createWorker({ connection, namespace, taskQueue, maxConcurrentActivities: concurrency, metrics, versioning, ...(workflow ? { workflowBundle: workflow.bundle } : {}), activityDeps: { stagingRoot, sharedStaging, shardThreads: concurrency } });
      const http = endpoints ? `${httpHost}:${endpoints.port}` : undefined;
      console.log(JSON.stringify({ time: new Date().toISOString(), level: "INFO", msg: "worker started", taskQueue, namespace, address, connection: security.summary, version: versioning ?? "unversioned", concurrency, staging: sharedStaging ?? stagingRoot, cache: sharedStaging ? stagingRoot : undefined, http, identity: running.options.identity, pid: process.pid }));
      // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown (readiness turns 503 as it
      // begins); run() resolves once running activities are done or cancelled.
      await running.run();
      // Peak RSS (threads included; maxRSS is in KB) and CPU time (user + system, every thread, µs):
      // what the benchmark suite reports for each worker.
      const usage = process.resourceUsage();
      const cpuSeconds = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e3) / 1e3;
      console.log(JSON.stringify({ time: new Date().toISOString(), level: "INFO", msg: "worker stopped", taskQueue, peakRssMb: Math.round(usage.maxRSS / 1024), cpuSeconds }));
      return EXIT.ok;
    } finally {
      await connection.close();
    }
  } finally {
    await endpoints?.close();
  }
}
