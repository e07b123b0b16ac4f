// Builds a snapshot's shards into a folder (on every core) and writes their summaries next to them,
// for the export runs to read. Not a measurement the table shows; prints { seconds, count, peakRssMb }.
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { planShards, runShards, shardFolderName } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import { peakRssMb } from "../child.js";

const [personsArg, dir] = process.argv.slice(2);
const config = parseSnapshotConfig({ records: Number(personsArg) });
const tasks = planShards(config.records, config.shardSize).map((range) => ({ ...range, config, dir: join(dir!, "shards", shardFolderName(range.shard)) }));
const started = performance.now();
const shards = await runShards(tasks, { workers: availableParallelism() });
writeFileSync(join(dir!, "shards.json"), JSON.stringify(shards));
const count = shards.reduce((n, s) => n + Object.values(s.counts).reduce((m, n) => m + n, 0), 0);
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, count, peakRssMb: peakRssMb() }));
