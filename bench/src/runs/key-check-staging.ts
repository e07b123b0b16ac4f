// `pnpm --filter @sdh/bench key-check-staging [shards] [households a shard]`: what the check of
// uniqueness across shards costs a worker that built none of the shards (ADR 0028), with S3 staging
// on the suite's own S3 gateway. One set of activities builds the shards and pushes them to staging,
// as the workers that build them do; a second, with an empty cache (another machine), then plans the
// key ranges and checks every batch, each activity run by Temporal's own activity environment. Prints
// the plan's and the batches' seconds (the first batch apart: it is the one that used to bring every
// shard's indexes) and what the checking worker's cache holds afterwards, then one JSON line.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, planShards } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import { createSnapshotActivities } from "@sdh/worker";
import { MockActivityEnvironment } from "@temporalio/testing";
import { startBenchServices } from "../bench-services.js";

const [shardsArg, perShardArg] = process.argv.slice(2);
const shards = Number(shardsArg ?? 200);
const perShard = Number(perShardArg ?? 50);
for (const [name, value] of [["shards", shards], ["households a shard", perShard]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${String(value)})`);
}

/** Files and bytes under a folder. */
function held(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

const services = await startBenchServices();
// The S3 client finds its credentials where a worker's does: in the process environment.
Object.assign(process.env, services.env);
const root = mkdtempSync(join(tmpdir(), "sdh-bench-keys-"));
const prefix = `key-check-${Date.now()}`;
try {
  const config = parseSnapshotConfig({ records: shards * perShard, seed: 11, shardSize: perShard });
  const snapshotId = defaultSnapshotId(config);
  const sharedStaging = `s3://${services.bucket}/${prefix}`;
  const activity = new MockActivityEnvironment();
  const builder = createSnapshotActivities({ stagingRoot: join(root, "builder"), sharedStaging, env: services.env });
  process.stderr.write(`building ${shards} shards of ${perShard} households and staging them on S3\n`);
  for (const range of planShards(config.records, config.shardSize)) await activity.run(builder.generateShard, { snapshotId, config, ...range });

  const checkerRoot = join(root, "checker");
  const checker = createSnapshotActivities({ stagingRoot: checkerRoot, sharedStaging, env: services.env });
  const seconds = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const out = await work();
    return [out, (performance.now() - started) / 1000];
  };
  // (run's result type is not inferred from the activity: named here.)
  type Planned = Awaited<ReturnType<typeof checker.planKeyRanges>>;
  type Checked = Awaited<ReturnType<typeof checker.checkKeyRanges>>;
  const [batches, planSeconds] = await seconds(() => activity.run(checker.planKeyRanges, { snapshotId, config }) as Promise<Planned>);
  const batchSeconds: number[] = [];
  let found = 0;
  for (const [batch, ranges] of batches.entries()) {
    const [result, s] = await seconds(() => activity.run(checker.checkKeyRanges, { snapshotId, config, batch, ranges }) as Promise<Checked>);
    batchSeconds.push(s);
    found += result.found.length;
  }
  const cache = held(checkerRoot);
  const total = batchSeconds.reduce((n, s) => n + s, 0);
  process.stderr.write(
    `plan ${planSeconds.toFixed(2)} s; ${batches.length} batch(es): the first ${batchSeconds[0]!.toFixed(2)} s, all ${total.toFixed(2)} s; ` +
      `the checking worker's cache holds ${cache.files} files, ${(cache.bytes / 1e6).toFixed(1)} MB\n`,
  );
  console.log(JSON.stringify({ shards, householdsPerShard: perShard, batches: batches.length, planSeconds, firstBatchSeconds: batchSeconds[0], batchSeconds: total, rulesFailing: found, cacheFiles: cache.files, cacheBytes: cache.bytes }));
} finally {
  rmSync(root, { recursive: true, force: true });
  services.dropObjects(prefix);
  await services.stop();
}
