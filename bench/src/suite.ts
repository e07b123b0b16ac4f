// `pnpm bench`: the benchmark suite, in one run on this machine. Every stage alone, then the whole
// snapshot end to end with `sdh generate`'s code path and through Temporal (one, two and four workers, each with its critical path),
// and a plain-faker baseline; each figure the median of several fresh-process runs with its spread.
// Writes bench/results/<date>-<sha>[-quick].json and prints a Markdown table. --quick (or
// SDH_BENCH_MODE=quick): 100k households; otherwise 1M.
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startBenchServices } from "./bench-services.js";
import { processPeakRssMb, runScript, type RunOutput } from "./child.js";
import { renderMarkdown, type BenchResults, type Row } from "./report.js";
import { spread } from "./stats.js";
import { throughTemporal } from "./temporal-run.js";

const quick = process.argv.includes("--quick") || process.env.SDH_BENCH_MODE === "quick";
const PERSONS = quick ? 100_000 : 1_000_000;
/** The smaller size, for peak RSS against record count. */
const SMALL = quick ? 10_000 : 100_000;
const RUNS = 3;
/** Stages whose rate does not depend on size run on fewer persons: their inputs are held in memory. */
const STAGE_PERSONS = Math.min(PERSONS, 200_000);
const BASELINE_PERSONS = quick ? 20_000 : 50_000;
const repo = fileURLToPath(new URL("../..", import.meta.url));

// Every run and worker this suite starts inherits it: the allocator setting the installed `sdh` sets
// (apps/cli/packaging, ADR 0016 "Memory"), so peak RSS is measured as shipped.
process.env.MALLOC_ARENA_MAX ??= "2";

const rows: Row[] = [];
async function measure(row: Omit<Row, "runs">, run: () => Promise<RunOutput>): Promise<RunOutput[]> {
  const runs: RunOutput[] = [];
  for (let k = 0; k < RUNS; k++) {
    runs.push(await run());
    process.stderr.write(`  ${row.stage}: run ${k + 1}/${RUNS} ${runs.at(-1)!.seconds.toFixed(1)} s\n`);
  }
  rows.push({ ...row, runs });
  return runs;
}

const services = await startBenchServices();
const work = mkdtempSync(join(tmpdir(), "sdh-bench-"));
try {
  process.stderr.write(`sdh bench (${quick ? "quick" : "full"}): ${PERSONS.toLocaleString("en-US")} households, ${RUNS} runs each\n`);
  const STAGES = {
    persons: { label: "household heads", unit: "persons" },
    vehicles: { label: "vehicles of households", unit: "vehicles" },
    profiles: { label: "profiles", unit: "persons" },
    policies: { label: "policies with their drivers, policy vehicles, coverages and claims", unit: "records" },
  } as const;
  for (const [stage, { label, unit }] of Object.entries(STAGES)) {
    await measure({ stage: `generate ${label} (one core)`, group: "stage", persons: STAGE_PERSONS, unit }, () => runScript("generation", [stage, String(STAGE_PERSONS)]));
  }
  // Everything a household holds, on one core: the generator against faker's persons and vehicles.
  await measure({ stage: "generate households + persons + vehicles + profiles + policies, drivers, policy vehicles, coverages, claims (one core)", group: "generator", persons: STAGE_PERSONS, unit: "households" }, () => runScript("generation", ["bundle", String(STAGE_PERSONS)]));
  await measure({ stage: "generate fintech customers + accounts + transactions (one core)", group: "generator", persons: STAGE_PERSONS, unit: "customers" }, () => runScript("generation", ["fintech", String(STAGE_PERSONS)]));
  // The gate's inputs are held in memory (every entity of every household, read in declared order:
  // ~2M records at 200k households, 1.1 GB), which a real run streams past the gate instead. It runs
  // on 100k households: its rate does not depend on size, and the held records stay under 1 GiB.
  const GATE_HOUSEHOLDS = Math.min(PERSONS, 100_000);
  await measure({ stage: "validation gate, all rules (one core)", group: "stage", persons: GATE_HOUSEHOLDS, unit: "records" }, () => runScript("validation", [String(GATE_HOUSEHOLDS)]));
  // The quality report's statistics alone: issue 37's profiles put them at 10-20% of a shard's CPU.
  await measure({ stage: "quality statistics, every column (one core)", group: "stage", persons: GATE_HOUSEHOLDS, unit: "records" }, () => runScript("quality", [String(GATE_HOUSEHOLDS)]));
  const shards = join(work, "shards");
  mkdirSync(shards);
  await runScript("shards", [String(PERSONS), shards]);
  for (const format of ["csv", "json", "parquet"] as const) {
    await measure({ stage: `export ${format} (from built shards)`, group: "stage", persons: PERSONS, unit: "records" }, () => runScript("export", [format, String(PERSONS), shards]));
  }
  rmSync(shards, { recursive: true, force: true });

  await measure({ stage: "sdh generate, all formats", group: "end to end", persons: SMALL, unit: "records" }, () => runScript("generate", [String(SMALL)]));
  // A recipe's snapshot (issue 34): the retail-orders example, three entities and its product list, all formats.
  const recipe = join(repo, "packages/recipes/examples/retail-orders.yaml");
  await measure({ stage: "sdh generate --recipe retail-orders, all formats", group: "end to end", persons: SMALL, unit: "records" }, () => runScript("generate", [String(SMALL), "", recipe]));
  // A recipe sdh learn wrote (from 2,000 retail-orders customers: bench/fixtures/README.md): quantiles, copulas, learned children.
  const learned = join(repo, "bench/fixtures/learned-retail.yaml");
  await measure({ stage: "sdh generate --recipe learned-retail (written by sdh learn), all formats", group: "end to end", persons: SMALL, unit: "records" }, () => runScript("generate", [String(SMALL), "", learned]));
  const bundle = join(work, "bundle");
  let kept = false;
  await measure({ stage: "sdh generate, all formats", group: "end to end", persons: PERSONS, unit: "records" }, () => {
    // The last run keeps its bundle for the publish and pull runs.
    if (kept) return runScript("generate", [String(PERSONS)]);
    kept = true;
    return runScript("generate", [String(PERSONS), bundle]);
  });
  const target = `s3://${services.bucket}/bench-${Date.now()}`;
  let n = 0;
  await measure({ stage: "publish to the local S3 server", group: "stage", persons: PERSONS, unit: "files" }, () => runScript("publish", [bundle, `${target}-${n++}`], services.env));
  await measure({ stage: "pull from S3, every file verified", group: "stage", persons: PERSONS, unit: "files" }, () => runScript("pull", [`${target}-0`, "latest"], services.env));
  // `sdh serve` (issue 20): the catalog of 1,000 snapshots (made once, kept for the three runs), and
  // 100-row previews of persons from the bundle above, under a bounded load from this machine.
  const catalogTarget = join(work, "catalog-1000");
  await measure({ stage: "sdh serve: list 1,000 snapshots (API, page)", group: "stage", persons: 1000, unit: "requests" }, () => runScript("catalog-latency", ["listing", "1000", catalogTarget]));
  await measure({ stage: "sdh serve: 100-row previews of persons, snapshot page", group: "stage", persons: PERSONS, unit: "requests" }, () => runScript("catalog-latency", ["preview", bundle]));
  rmSync(catalogTarget, { recursive: true, force: true });
  // One, two and four workers (issue 37); each run also records its critical path from the workflow history.
  for (const workers of [1, 2, 4]) {
    await measure({ stage: `through Temporal, ${workers} worker${workers > 1 ? "s" : ""}`, group: "end to end", persons: PERSONS, unit: "records" }, () => throughTemporal(services.env, PERSONS, workers));
  }
  // The same through the parts layout to S3 (ADR 0028): one export activity per part on any worker,
  // each uploading its part, so no activity after the shards handles the whole snapshot.
  for (const workers of [1, 2, 4]) {
    const prefix = `bench-parts-${Date.now()}`;
    const parts = { roots: Math.min(PERSONS, 50_000), target: `s3://${services.bucket}/${prefix}` };
    // Each run's snapshot is dropped once measured: at 1M households each is about 10 GB.
    await measure({ stage: `through Temporal, ${workers} worker${workers > 1 ? "s" : ""}, parts layout to S3`, group: "end to end", persons: PERSONS, unit: "records" }, async () => {
      const out = await throughTemporal(services.env, PERSONS, workers, parts);
      services.dropObjects(prefix);
      return out;
    });
  }
  // The worker's /metrics: an idle worker scraped once a second beside one without endpoints (CPU and
  // RSS of both in the result file's runs).
  await measure({ stage: "worker /metrics, scraped every second (idle worker, 30 s)", group: "stage", persons: 0, unit: "scrapes" }, () => runScript("worker-endpoints", [], services.env));
  // Help and version load nothing heavy (issue 33.18): the built CLI, fresh processes, median of 15 each.
  for (const command of ["help", "version"] as const) {
    await measure({ stage: `sdh --${command} (built CLI, fresh process)`, group: "stage", persons: 0, unit: "commands" }, () => runScript("cli-startup", [command]));
  }
  await measure({ stage: "baseline: plain faker Person + Vehicle, JSON lines", group: "baseline", persons: BASELINE_PERSONS, unit: "persons" }, () => runScript("baseline", [String(BASELINE_PERSONS)]));

  const servers = { temporal: await processPeakRssMb(services.temporalPid), s3: await processPeakRssMb(services.s3Pid) };
  const sha = execSync("git rev-parse --short HEAD", { cwd: repo, encoding: "utf8" }).trim();
  const date = new Date().toISOString().slice(0, 10);
  const results: BenchResults = {
    date,
    sha,
    mode: quick ? "quick" : "full",
    persons: PERSONS,
    machine: { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.versions.node },
    rows: rows.map((r) => ({ ...r, seconds: spread(r.runs.map((x) => x.seconds)), rate: spread(r.runs.map((x) => x.count / x.seconds)), peakRssMb: spread(r.runs.map((x) => x.peakRssMb)) })),
    serverPeakRssMb: servers,
  };
  const dir = join(repo, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${date}-${sha}${quick ? "-quick" : ""}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(renderMarkdown(results));
  console.log(`\nResults: ${file}`);
} finally {
  rmSync(work, { recursive: true, force: true });
  await services.stop();
}
