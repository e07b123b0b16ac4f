import { parseArgs } from "node:util";
import { defaultSnapshotId, OutputExistsError, ValidationFailedError, writeBundle } from "@sdh/exporters";
import { ConfigError, OutputFormat, parseSnapshotConfig, type SnapshotConfigInput } from "@sdh/schemas";
import { EXIT, UsageError } from "../usage-error.js";
import { progressLine } from "../progress.js";

export const generateHelp = `sdh generate — build a whole snapshot bundle in this process (no Temporal)

Splits the persons into shards, which worker threads generate, validate and encode in parallel;
then assembles CSV, JSON and Parquet files, merges the shards' validation and quality reports, and
writes the manifest last. Progress (persons/s, time left) goes to stderr when it is a terminal. The bundle is built in a temporary folder and renamed to --out at the end, so an interrupted
run leaves nothing that looks complete. Same options, same bytes.

Options:
  --records N        persons to generate (default 200); vehicles and profiles follow
  --seed S           seed of every random choice (default 42)
  --as-of DATE       reference date YYYY-MM-DD for ages and years (default 2026-01-06)
  --formats LIST     csv,json,parquet (default all three)
  --shards K         split the persons into K shards (changes how work is split, never the bytes;
                     default: shards of 50,000 persons)
  --workers N        worker threads building shards (default: one per core)
  --snapshot-id ID   the snapshot's id (default: asOf, seed and a digest of the config)
  --out DIR          the bundle folder; must be empty or absent
  --force            replace a non-empty --out
  --json             print the manifest summary as JSON (for scripts)

Exit codes: 0 bundle written; 1 validation failed or the build failed (nothing is left behind);
2 bad options.

Examples:
  pnpm sdh generate --records 1000 --seed 7 --out ./out/demo
  pnpm sdh generate --records 1000000 --formats parquet --out ./out/big --json`;

const STAGE_NOTES = {
  generate: "starting the shard workers…",
  validate: "merging the shards' validation and quality reports…",
  export: "writing CSV, JSON and Parquet files…",
} as const;

export async function generate(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  if (positionals.length) throw new UsageError(`unexpected argument(s) ${positionals.join(" ")}; see \`sdh generate --help\``);
  if (!values.out) throw new UsageError("--out DIR is required: the folder the bundle is written to");
  const input: SnapshotConfigInput = {};
  if (values.records !== undefined) input.records = numberOption("--records", values.records);
  if (values.seed !== undefined) input.seed = numberOption("--seed", values.seed);
  if (values["as-of"] !== undefined) input.asOf = values["as-of"];
  if (values.formats !== undefined) {
    const formats = values.formats.split(",").map((f) => f.trim());
    const unknown = formats.filter((f) => !(OutputFormat.options as readonly string[]).includes(f));
    if (unknown.length) throw new UsageError(`--formats: unknown format(s) ${unknown.join(", ")}; allowed: ${OutputFormat.options.join(", ")}`);
    input.formats = formats as SnapshotConfigInput["formats"];
  }
  let config;
  try {
    config = parseSnapshotConfig(input);
    if (values.shards !== undefined) {
      const shards = numberOption("--shards", values.shards);
      if (!Number.isInteger(shards) || shards < 1) throw new UsageError(`--shards must be a whole number ≥ 1 (got ${values.shards})`);
      config = parseSnapshotConfig({ ...config, shardSize: Math.max(1, Math.ceil(config.records / shards)) });
    }
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.problems.map((p) => `--${flagOf(p)}`).join("\n"));
    throw error;
  }
  const snapshotId = values["snapshot-id"] ?? defaultSnapshotId(config);
  const started = performance.now();
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = numberOption("--workers", values.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number ≥ 1 (got ${values.workers})`);
  }
  const show = process.stderr.isTTY ? progressLine("generate") : null;
  try {
    const result = await writeBundle({
      config,
      snapshotId,
      out: values.out,
      force: values.force,
      workers,
      onProgress: show ? (done, total) => show.update(done, total) : undefined,
      onStage: show ? (stage) => show.note(STAGE_NOTES[stage]) : undefined,
    });
    show?.done();
    const seconds = (performance.now() - started) / 1000;
    const { counts, files } = result.manifest;
    if (values.json) {
      console.log(JSON.stringify({ dir: result.dir, snapshotId, seconds: Number(seconds.toFixed(2)), counts, files: files.map(({ path, records, bytes, sha256 }) => ({ path, records, bytes, sha256 })) }, null, 2));
    } else {
      console.log(`Snapshot ${snapshotId} written to ${result.dir} in ${seconds.toFixed(1)} s`);
      console.log(`  ${counts.persons} persons · ${counts.vehicles} vehicles · ${counts.profiles} profiles · ${files.length} files`);
      console.log(`  validation passed (${result.validation.rules.length} rules, ${result.validation.warnings} warning rule(s)); distributions ${result.quality.passed ? "within tolerance" : "OUTSIDE tolerance: see quality_summary_v0_1.md"}`);
    }
    return EXIT.ok;
  } catch (error) {
    show?.done();
    if (error instanceof OutputExistsError) throw new UsageError(error.message);
    if (error instanceof ValidationFailedError) {
      console.error(`sdh: ${error.message}; nothing was written`);
      for (const rule of error.report.rules.filter((r) => r.failures > 0)) {
        console.error(`  ${rule.severity.toUpperCase()} ${rule.code}: ${rule.failures} — ${rule.message}`);
      }
      return EXIT.failed;
    }
    throw error;
  }
}

/** "records: must be ..." → "records: must be ..." with the flag's spelling (asOf → as-of). */
function flagOf(problem: string): string {
  return problem.replace(/^asOf/, "as-of");
}

function numberOption(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number (got '${text}')`);
  return n;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        records: { type: "string" },
        seed: { type: "string" },
        "as-of": { type: "string" },
        formats: { type: "string" },
        shards: { type: "string" },
        workers: { type: "string" },
        "snapshot-id": { type: "string" },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; see \`sdh generate --help\``);
  }
}
