import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { createWorker, DEFAULT_STAGING_ROOT, SNAPSHOT_TASK_QUEUE, temporalSettings } from "@sdh/worker";
import { NativeConnection } from "@temporalio/worker";
import { wholeNumberOption } from "../config-flags.js";
import { EXIT, UsageError } from "../usage-error.js";



export async function worker(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { concurrency: { type: "string" }, staging: { type: "string" }, "task-queue": { type: "string" } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; see \`sdh worker --help\``);
  }
  const concurrency = values.concurrency === undefined ? availableParallelism() : wholeNumberOption("--concurrency", values.concurrency);
  const stagingRoot = values.staging ?? env.SDH_STAGING_DIR ?? DEFAULT_STAGING_ROOT;
  const taskQueue = values["task-queue"] ?? SNAPSHOT_TASK_QUEUE;
  const { address, namespace } = temporalSettings(env);
  const connection = await NativeConnection.connect({ address }).catch((e: Error) => {
    throw new Error(`cannot reach Temporal at ${address}: ${e.message}`, { cause: e });
  });
  try {
    const w = await createWorker({ connection, namespace, taskQueue, maxConcurrentActivities: concurrency, activityDeps: { stagingRoot, shardThreads: concurrency } });
    console.log(JSON.stringify({ msg: "worker started", taskQueue, namespace, address, concurrency, stagingRoot, pid: process.pid }));
    // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown; run() resolves once it is done.
    await w.run();
    console.log(JSON.stringify({ msg: "worker stopped", taskQueue }));
    return EXIT.ok;
  } finally {
    await connection.close();
  }
}
