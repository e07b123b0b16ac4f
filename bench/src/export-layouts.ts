// `pnpm --filter @sdh/bench export-layouts [households] [workers] [runs]`: the same snapshot through
// Temporal to S3 in the single-file layout (one export activity, publish uploads every file) and in the
// parts layout (one export activity per part, each uploading its part; ADR 0028), interleaved,
// on the suite's own services. Prints each run's wall time, critical path, longest activity after the
// shards and workers' peak RSS, then one JSON line. Issue 37's "longest activity is no longer the
// export of the whole snapshot" figure, cheaper than the full suite.
import { startBenchServices } from "./bench-services.js";
import { throughTemporal } from "./temporal-run.js";

const [householdsArg, workersArg, runsArg] = process.argv.slice(2);
const households = Number(householdsArg ?? 200_000);
const workers = Number(workersArg ?? 4);
const runs = Number(runsArg ?? 1);
for (const [name, value] of [["households", households], ["workers", workers], ["runs", runs]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${String(value)})`);
}
if (households % 50_000 !== 0) {
  throw new Error(`households must be a multiple of 50,000, the shard size and part size of these runs (got ${households})`);
}
process.env.MALLOC_ARENA_MAX ??= "2";

const services = await startBenchServices();
const results: Array<Record<string, unknown>> = [];
try {
  for (let run = 0; run < runs; run++) {
    for (const layout of ["files", "parts"] as const) {
      // Both to S3, so the single-file layout's publish uploads what the parts' workers upload.
      const target = `s3://${services.bucket}/layouts-${Date.now()}`;
      process.stderr.write(`${layout} layout to S3, ${households} households, ${workers} worker(s), run ${run + 1}/${runs}\n`);
      const out = await throughTemporal(services.env, households, workers, layout === "parts" ? { roots: 50_000, target } : { target });
      results.push({ layout, run, seconds: out.seconds, criticalPathSeconds: out.criticalPathSeconds, longestActivity: out.longestActivity, longestAfterShards: out.longestAfterShards, workerRssMb: out.workerRssMb });
      process.stderr.write(`  wall ${out.seconds.toFixed(1)} s, worker peak RSS ${(out.workerRssMb as number[]).join(", ")} MB\n`);
    }
  }
} finally {
  await services.stop();
}
console.log(JSON.stringify({ households, workers, results }));
