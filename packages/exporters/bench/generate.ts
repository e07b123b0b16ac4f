// `pnpm bench` for @sdh/exporters: a whole bundle (CSV, JSON, Parquet, reports, manifest) as
// `sdh generate` builds it, at two sizes, each in a fresh process: wall time, records/s and the
// process's peak RSS (worker threads included), median of several runs with the spread, and the
// ratio of peak RSS between the sizes (flat memory means ≤ 1.5).
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

const quick = process.argv.includes("--quick") || process.env.SDH_BENCH_MODE === "quick";
const SIZES = quick ? [10_000, 100_000] : [100_000, 1_000_000];
const RUNS = quick ? 3 : 3;
const run = fileURLToPath(new URL("./generate-run.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

interface Run {
  seconds: number;
  peakRssMb: number;
  records: number;
}

function once(persons: number): Run {
  const child = spawnSync(tsx, ["--conditions=sdh-source", run, String(persons)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`generate-run ${persons} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Run;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const rows: Array<{ persons: number; seconds: number[]; rss: number[]; records: number }> = [];
for (const persons of SIZES) {
  const runs = Array.from({ length: RUNS }, () => once(persons));
  rows.push({ persons, seconds: runs.map((r) => r.seconds), rss: runs.map((r) => r.peakRssMb), records: runs[0]!.records });
}

console.log(`sdh generate, all three formats — ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, Node ${process.versions.node}; median of ${RUNS} runs [min–max]\n`);
console.log("| persons | records | wall s | records/s | peak RSS MiB |");
console.log("| ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const s = median(r.seconds);
  console.log(`| ${fmt(r.persons)} | ${fmt(r.records)} | ${fmt(s, 1)} [${fmt(Math.min(...r.seconds), 1)}–${fmt(Math.max(...r.seconds), 1)}] | ${fmt(r.records / s)} | ${fmt(median(r.rss))} [${fmt(Math.min(...r.rss))}–${fmt(Math.max(...r.rss))}] |`);
}
const [small, large] = rows;
console.log(`\npeak RSS ${fmt(large!.persons)} / ${fmt(small!.persons)} persons: ${(median(large!.rss) / median(small!.rss)).toFixed(2)}×`);
