import { OutputExistsError, ValidationFailedError, writeBundle } from "@sdh/exporters";
import { FolderNotWritableError, localFileProblem } from "@sdh/local-files";
import { CONFIG_FLAGS, configFromFlags, wholeNumberOption } from "../config-flags.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { progressLine } from "../progress.js";
import { commandArgs } from "../command-args.js";
import { packOf } from "@sdh/packs";
import { countsLine } from "../counts-line.js";


const STAGE_NOTES = {
  generate: "starting the shard workers…",
  validate: "merging the shards' validation and quality reports…",
  export: "writing CSV, JSON and Parquet files…",
} as const;

export async function generate(args: string[], settings: Settings): Promise<number> {
  const { values: given, positionals } = parse(args);
  const values = settings.fill(given);
  if (positionals.length) throw new UsageError(`unexpected argument(s) ${positionals.join(" ")}; see \`sdh generate --help\``);
  if (!values.out) throw new UsageError("--out DIR is required: the folder the bundle is written to");
  const { config, snapshotId } = configFromFlags(values);
  const started = performance.now();
  const workers = values.workers === undefined ? undefined : wholeNumberOption("--workers", values.workers);
  const show = process.stderr.isTTY ? progressLine("generate") : null;
  try {
    const result = await writeBundle({
      config,
      snapshotId,
      out: values.out,
      force: values.force,
      workers,
      onProgress: show ? (done, total) => show.update(done, total, packOf(config).spec.entities[0]!.name) : undefined,
      onStage: show ? (stage) => show.note(STAGE_NOTES[stage]) : undefined,
    });
    show?.done();
    const seconds = (performance.now() - started) / 1000;
    const { counts, files } = result.manifest;
    if (values.json) {
      console.log(JSON.stringify({ dir: result.dir, snapshotId, seconds: Number(seconds.toFixed(2)), counts, files: files.map(({ path, records, bytes, sha256 }) => ({ path, records, bytes, sha256 })) }, null, 2));
    } else {
      console.log(`Snapshot ${snapshotId} written to ${result.dir} in ${seconds.toFixed(1)} s`);
      console.log(`  ${countsLine(counts)} · ${files.length} files`);
      console.log(`  validation passed (${result.validation.rules.length} rules, ${result.validation.warnings} warning rule(s)); distributions ${result.quality.passed ? "within tolerance" : "OUTSIDE tolerance: see quality_summary_v0_9.md"}`);
    }
    return EXIT.ok;
  } catch (error) {
    show?.done();
    if (error instanceof OutputExistsError || error instanceof FolderNotWritableError) throw new UsageError(error.message);
    const local = localFileProblem(error);
    if (local) {
      console.error(`sdh: writing the bundle: ${local}; nothing was written`);
      return EXIT.failed;
    }
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

function parse(args: string[]) {
  return commandArgs("generate", {
    args,
    allowPositionals: true,
    options: {
      ...CONFIG_FLAGS,
      workers: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
}
