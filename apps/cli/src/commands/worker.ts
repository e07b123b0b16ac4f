import { availableParallelism } from "node:os";
import { explainConnectionFailure, createWorker, DEFAULT_STAGING_ROOT, SNAPSHOT_TASK_QUEUE, temporalSettings } from "@sdh/worker";
import { parseTarget } from "@sdh/storage";
import { NativeConnection } from "@temporalio/worker";
import { wholeNumberOption } from "../config-flags.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { securityOf } from "../temporal-security.js";

/** Each worker's working copy when staging is shared on S3. */
const DEFAULT_CACHE_ROOT = ".sdh/staging-cache";

export async function worker(args: string[], env: NodeJS.ProcessEnv, settings: Settings): Promise<number> {
  const values = settings.fill(commandArgs("worker", { args, options: { concurrency: { type: "string" }, staging: { type: "string" }, cache: { type: "string" }, "task-queue": { type: "string" } } }).values);
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
  const { address, namespace } = temporalSettings(env);
  const security = securityOf(env);
  const connection = await NativeConnection.connect({ address, tls: security.tls, apiKey: security.apiKey }).catch(async (e: Error) => {
    throw new Error(await explainConnectionFailure(address, security, e), { cause: e });
  });
  try {
    const w = await createWorker({ connection, namespace, taskQueue, maxConcurrentActivities: concurrency, activityDeps: { stagingRoot, sharedStaging, shardThreads: concurrency } });
    console.log(JSON.stringify({ time: new Date().toISOString(), level: "INFO", msg: "worker started", taskQueue, namespace, address, connection: security.summary, concurrency, staging: sharedStaging ?? stagingRoot, cache: sharedStaging ? stagingRoot : undefined, pid: process.pid }));
    // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown; run() resolves once it is done.
    await w.run();
    // Peak RSS (threads included; maxRSS is in KB): what the benchmark suite reports for each worker.
    console.log(JSON.stringify({ time: new Date().toISOString(), level: "INFO", msg: "worker stopped", taskQueue, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    return EXIT.ok;
  } finally {
    await connection.close();
  }
}
