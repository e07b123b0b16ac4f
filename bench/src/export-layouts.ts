// `pnpm --filter @sdh/bench export-layouts [households] [workers] [runs] [layouts]`: the same snapshot
// through Temporal to S3 in the single-file layout (one export activity, publish uploads every file)
// and in the parts layout (one export activity per part, each uploading its part; ADR 0028),
// interleaved, on the suite's own services. `workers` may list several counts (`1,2,4`); `layouts`
// is `files,parts` (default) or one of them. Prints each run's wall time, critical path, longest
// activity after the shards, CPU per row of every worker together and peak RSS per worker, then one
// JSON line (with each run's critical path by step, which `pnpm scale-model --temporal <file>` checks
// the scale model against). Issue 37's figures, cheaper than the full suite.
import { startBenchServices } from "./bench-services.js";
import { LAYOUT_PART_ROOTS } from "./layout-runs.js";
import { throughTemporal } from "./temporal-run.js";


const [householdsArg, workersArg, runsArg, layoutsArg] = process.argv.slice(2);
const households = Number(householdsArg ?? 200_000);
const workerCounts = (workersArg ?? "4").split(",").map(Number);
const runs = Number(runsArg ?? 1);
const layouts = (layoutsArg ?? "files,parts").split(",");
for (const [name, value] of [["households", households], ["runs", runs], ...workerCounts.map((w) => ["workers", w] as const)] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${String(value)})`);
}
if (households % LAYOUT_PART_ROOTS !== 0) throw new Error(`households must be a multiple of ${LAYOUT_PART_ROOTS}, the shard size and part size of these runs (got ${households})`);
const unknown = layouts.filter((l) => l !== "files" && l !== "parts");
if (unknown.length || !layouts.length) throw new Error(`layouts must be files, parts or files,parts (got ${layoutsArg})`);
process.env.MALLOC_ARENA_MAX ??= "2";

const services = await startBenchServices();
const results: Array<Record<string, unknown>> = [];
try {
  for (const workers of workerCounts) {
    for (let run = 0; run < runs; run++) {
      for (const layout of layouts) {
        // Both to S3, so the single-file layout's publish uploads what the parts' workers upload.
        const prefix = `layouts-${Date.now()}`;
        const target = `s3://${services.bucket}/${prefix}`;
        process.stderr.write(`${layout} layout to S3, ${households} households, ${workers} worker(s), run ${run + 1}/${runs}\n`);
        const out = await throughTemporal(services.env, households, workers, layout === "parts" ? { roots: LAYOUT_PART_ROOTS, target } : { target });
        results.push({ layout, workers, run, seconds: out.seconds, rows: out.count, cpuSeconds: out.cpuSeconds, cpuMicrosPerRow: out.cpuMicrosPerRow, criticalPathSeconds: out.criticalPathSeconds, criticalPath: out.criticalPath, longestActivity: out.longestActivity, longestAfterShards: out.longestAfterShards, workerRssMb: out.workerRssMb, workerPeakSteps: out.workerPeakSteps });
        process.stderr.write(`  wall ${out.seconds.toFixed(1)} s, CPU ${out.cpuSeconds.toFixed(1)} s (${out.cpuMicrosPerRow.toFixed(2)} µs a row), worker peak RSS ${out.workerRssMb.map((mb, i) => `${mb} MB (${out.workerPeakSteps[i] ?? "after its last step"})`).join(", ")}\n`);
        services.dropObjects(prefix);
      }
    }
  }
} finally {
  await services.stop();
}
console.log(JSON.stringify({ households, results }));
