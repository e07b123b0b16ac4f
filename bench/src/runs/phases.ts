// One `sdh generate` (all formats, this machine) timed step by step, for the scale model
// (src/scale/): the shard step on `workers` threads, the merge of the shards' gates, the export of
// the data files and the documents. Each step's wall time and the CPU time of the whole process during
// it (every thread, DuckDB's included), the rows and bytes written, the bytes of the shards' key files
// (what the merged gate holds in memory), and the peak RSS: the whole run's, and after each step (the
// step after which it first reaches its final value is the one that set it). Prints one JSON line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, exportDataFiles, keyRulesOf, planShards, runShards, shardFolderName, validateShards, writeBundleDocuments, DEFAULT_PART_BYTES } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import { peakRssMb } from "../child.js";

const [householdsArg, workersArg] = process.argv.slice(2);
const config = parseSnapshotConfig({ records: Number(householdsArg) });
const workers = Number(workersArg ?? 2);
const dir = mkdtempSync(join(tmpdir(), "sdh-bench-phases-"));
const shardsDir = join(dir, ".shards");
const steps: Record<string, { seconds: number; cpuSeconds: number; peakRssMbAfter: number }> = {};
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const out = await work();
  const used = process.cpuUsage(cpu);
  steps[name] = { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakRssMbAfter: Math.round(peakRssMb()) };
  return out;
}
try {
  const snapshotId = defaultSnapshotId(config);
  const ranges = planShards(config.records, config.shardSize);
  const shards = await step("shards", () => runShards(ranges.map((r) => ({ ...r, config, dir: join(shardsDir, shardFolderName(r.shard)) })), { workers }));
  // The packed keys only (16 bytes each, as the summaries count them), not their seals or indexes.
  const keyRules = keyRulesOf(config);
  let keyBytes = 0;
  for (const s of shards) for (const rule of keyRules) keyBytes += (s.keyBuckets?.[rule] ?? []).reduce((n, c) => n + c * 16, 0);
  const set = { config, shardsDir, shards };
  const { validation, quality } = await step("validate", () => validateShards(set));
  const files = await step("export", () => exportDataFiles({ ...set, snapshotId, dir, partBytes: DEFAULT_PART_BYTES }));
  await step("documents", () => writeBundleDocuments({ config, snapshotId, dir, files, validation, quality, now: () => new Date(0) }));
  const rows = Object.values(validation.counts).reduce((n, c) => n + c, 0);
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  console.log(JSON.stringify({ households: config.records, workers, shards: shards.length, rows, bytes, files: files.length, fileBytes: files.map((f) => f.bytes), keyBytes, keyRules: keyRules.length, steps, peakRssMb: peakRssMb() }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
