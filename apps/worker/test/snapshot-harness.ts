import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildShard, defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { PC_PACK } from "@sdh/pack-pc";
import { parseSnapshotConfig, type SnapshotConfigInput } from "@sdh/schemas";
import { testServices } from "@sdh/infra/testing";
import { Client, Connection, WorkflowFailedError } from "@temporalio/client";
import { afterAll, beforeAll, expect } from "vitest";
import { bundleWorkflowCode, NativeConnection } from "@temporalio/worker";
import { createWorker, snapshotWorkflowId, workflowsPath, type ActivityDeps, type SnapshotInput, type SnapshotResult } from "../src/index.js";

/** A real run's history (300 persons of schema 0.2, 8 shards), recorded with SDH_RECORD_HISTORY=1 by snapshot-workflow.test.ts. */
export const REPLAY_HISTORY = fileURLToPath(new URL("./histories/snapshot-workflow.json", import.meta.url));

export const tmp = (label = "sdh-snapshot-") => mkdtempSync(join(tmpdir(), label));

/** Digests of every file but the manifest, whose generatedAt is the run's start. */
export const withoutManifest = (digests: Record<string, string>) => Object.fromEntries(Object.entries(digests).filter(([path]) => path !== "snapshot_manifest_v0_9.json"));

/** sha256 of every file under `dir`, by relative path. */
export function digestsOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

/** The same snapshot built in one process by `sdh generate`'s code path, for comparing bytes. */
export async function generatedLocally(config: SnapshotInput["config"], snapshotId: string): Promise<string> {
  const out = join(tmp(), "bundle");
  await writeBundle({ config, snapshotId, out });
  return out;
}

/**
 * Shard 0's first VIN, and a worker's buildShard that gives it again to the first vehicle of shard
 * `into`: a repeat only the check of uniqueness across shards can find.
 */
export function vinPlantedIn(config: SnapshotInput["config"], into: number): { vin: string; buildShard: NonNullable<ActivityDeps["buildShard"]> } {
  const vin = [...PC_PACK.generate(config).range(0, config.shardSize)].flatMap((root) => (root.records.vehicles ?? []) as Array<{ vin: string }>)[0]!.vin;
  return {
    vin,
    buildShard: (task, onProgress) =>
      buildShard(task, {
        onProgress,
        generate: (c) => ({
          *range(start: number, end: number) {
            let done = false;
            for (const root of PC_PACK.generate(c).range(start, end)) {
              if (task.shard === into && !done && (root.records.vehicles?.length ?? 0) > 0) {
                (root.records.vehicles![0] as { vin: string }).vin = vin;
                done = true;
              }
              yield root;
            }
          },
        }),
      }),
  };
}

export function snapshotInput(input: SnapshotConfigInput, target: string, extra: Partial<SnapshotInput> = {}): SnapshotInput {
  const config = parseSnapshotConfig(input);
  // A unique id per test run: the dev server keeps workflow ids across tests.
  return { config, snapshotId: `${defaultSnapshotId(config)}-${randomUUID().slice(0, 8)}`, target, ...extra };
}

/** Connections to the test's dev server, and a worker on a private task queue with the given deps. */
export async function connect() {
  const { temporalAddress, namespace } = testServices();
  const native = await NativeConnection.connect({ address: temporalAddress });
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection, namespace });
  // Bundled once per test file, not per worker: webpack takes 10-30 s on a busy 2-core machine,
  // which a test's own time limit should not have to absorb for every worker it starts.
  let bundle: Promise<{ code: string }> | null = null;
  const workflowBundle = () => (bundle ??= bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietBundleLogger }));
  return {
    client,
    namespace,
    native,
    async worker(taskQueue: string, activityDeps: ActivityDeps, maxConcurrentActivities?: number, identity?: string) {
      return createWorker({ connection: native, namespace, taskQueue, activityDeps, maxConcurrentActivities, identity, workflowBundle: await workflowBundle() });
    },
    async start(taskQueue: string, input: SnapshotInput) {
      return client.workflow.start<(i: SnapshotInput) => Promise<SnapshotResult>>("snapshotWorkflow", {
        taskQueue,
        workflowId: snapshotWorkflowId(input.snapshotId),
        args: [input],
      });
    },
    async close() {
      await connection.close();
      await native.close();
    },
  };
}

/** The bundler's progress lines are noise in test output; its warnings and errors still show. */
const quietBundleLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

/** The root failure's type and message, from a workflow that must have failed. */
export async function failureOf(result: Promise<unknown>): Promise<{ type?: string; message?: string }> {
  const error = await result.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowFailedError);
  return ((error as WorkflowFailedError).cause as { cause?: { type?: string; message?: string } }).cause ?? {};
}

/**
 * The test file's connection to the dev server, made before its first test and closed after its
 * last: call at the top of a describe, and use the returned getter inside tests.
 */
export function servicesOfThisFile(): () => Awaited<ReturnType<typeof connect>> {
  let services: Awaited<ReturnType<typeof connect>> | undefined;
  beforeAll(async () => {
    services = await connect();
  });
  afterAll(async () => {
    await services?.close();
  });
  return () => services!;
}
