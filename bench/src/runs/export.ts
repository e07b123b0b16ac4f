// One export format alone, from shards built beforehand by runs/shards.ts: the data files of that
// format assembled from the shards' segments (Parquet: converted by DuckDB from CSV).
// Prints { seconds, count (records), bytes, peakRssMb }.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_PART_BYTES, exportDataFiles, type ShardSummary } from "@sdh/exporters";
import { parseSnapshotConfig, type OutputFormat } from "@sdh/schemas";
import { peakRssMb } from "../child.js";

const [format, personsArg, dir] = process.argv.slice(2);
const config = parseSnapshotConfig({ records: Number(personsArg), formats: [format as OutputFormat] });
const shards = JSON.parse(readFileSync(join(dir!, "shards.json"), "utf8")) as ShardSummary[];
const out = join(dir!, `bundle-${format}`);
try {
  const started = performance.now();
  const files = await exportDataFiles({ config, snapshotId: `bench-${format}`, shardsDir: join(dir!, "shards"), shards, dir: out, partBytes: DEFAULT_PART_BYTES });
  const seconds = (performance.now() - started) / 1000;
  const count = shards.reduce((n, s) => n + Object.values(s.counts).reduce((m, n) => m + n, 0), 0);
  console.log(JSON.stringify({ seconds, count, bytes: files.reduce((n, f) => n + f.bytes, 0), peakRssMb: peakRssMb() }));
} finally {
  rmSync(out, { recursive: true, force: true });
}
