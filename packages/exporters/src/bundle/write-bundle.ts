import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { abandonedPartials, makePartialFolder } from "@sdh/local-files";
import type { SnapshotConfig } from "@sdh/schemas";
import { runShards } from "../shards/run-shards.js";
import { planShards, shardFolderName } from "../shards/shard-layout.js";
import type { Manifest, QualityReport, ValidationReport } from "@sdh/schemas";
import { writeBundleDocuments } from "./bundle-documents-writer.js";
import { exportLayoutFiles } from "./export-part-files.js";
import { validateShards, ValidationFailedError } from "./validate-shards.js";

/** Files above this size are split into numbered parts (1 GiB: what S3 and most tools take in one piece with ease). */
export const DEFAULT_PART_BYTES = 1 << 30;

export interface WriteBundleOptions {
  config: SnapshotConfig;
  snapshotId: string;
  /** The bundle folder. Written under a temporary sibling name and renamed at the end. */
  out: string;
  /** Replace a non-empty `out`. */
  force?: boolean;
  partBytes?: number;
  /** Worker threads building shards; default: one per core, at most one per shard. 1 builds in this thread. */
  workers?: number;
  /** The manifest's generatedAt, the bundle's only wall-clock field; tests pin it. */
  now?: () => Date;
  /** Persons generated so far; then the stage after generation, once it starts. */
  onProgress?: (persons: number, total: number) => void;
  onStage?: (stage: "generate" | "validate" | "export") => void;
}

export interface BundleResult {
  dir: string;
  manifest: Manifest;
  validation: ValidationReport;
  quality: QualityReport;
}

/** Refused before any work: `out` holds something and --force was not given. */
export class OutputExistsError extends Error {
  override name = "OutputExistsError";
}

/**
 * Builds a whole snapshot bundle on this machine, in the steps the snapshot workflow runs as
 * activities: the persons are split into shards of `config.shardSize`, built in parallel on worker
 * threads (generated, validated, encoded); the shards' reports are merged (a failed validation stops
 * here with ValidationFailedError); the data files are exported; the documents and manifest written. The folder appears under its name only when
 * complete; a failure leaves nothing that looks like a bundle. The shard count never changes the
 * data files' bytes.
 */
export async function writeBundle(options: WriteBundleOptions): Promise<BundleResult> {
  const { config, snapshotId } = options;
  const out = resolve(options.out);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new OutputExistsError(`--out ${out} is a file, not a folder; choose a folder`);
  if (existsSync(out) && readdirSync(out).length > 0 && !options.force) {
    throw new OutputExistsError(`${out} is not empty; choose an empty folder or pass --force to replace it`);
  }
  // Builds killed before they finished left hidden folders beside `out`: removed before this one starts.
  for (const left of abandonedPartials(out)) await rm(left, { recursive: true, force: true });
  const staging = await makePartialFolder(out);
  const shardsDir = join(staging, ".shards");
  await mkdir(shardsDir);
  try {
    const ranges = planShards(config.records, config.shardSize);
    options.onStage?.("generate");
    const shards = await runShards(
      ranges.map((range) => ({ ...range, config, dir: join(shardsDir, shardFolderName(range.shard)) })),
      { workers: options.workers ?? availableParallelism(), onProgress: options.onProgress && ((persons) => options.onProgress!(persons, config.records)) },
    );
    options.onStage?.("validate");
    const set = { config, shardsDir, shards };
    const { validation, quality } = await validateShards(set);
    if (!validation.passed) throw new ValidationFailedError(validation);
    options.onStage?.("export");
    const files = await exportLayoutFiles({ ...set, snapshotId, dir: staging, partBytes: options.partBytes ?? DEFAULT_PART_BYTES });
    await rm(shardsDir, { recursive: true, force: true });
    const manifest = await writeBundleDocuments({ config, snapshotId, dir: staging, files, validation, quality, now: options.now });
    if (existsSync(out)) await rm(out, { recursive: true, force: true });
    await rename(staging, out);
    return { dir: out, manifest, validation, quality };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

