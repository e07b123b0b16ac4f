import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { SnapshotConfig } from "@sdh/schemas";
import { runShards } from "../shards/run-shards.js";
import { planShards, shardFolderName } from "../shards/shard-layout.js";
import { assembleBundle, type AssembledBundle } from "./assemble-bundle.js";

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
  onStage?: (stage: "generate" | "assemble") => void;
}

export interface BundleResult extends AssembledBundle {
  dir: string;
}

/** Refused before any work: `out` holds something and --force was not given. */
export class OutputExistsError extends Error {
  override name = "OutputExistsError";
}

/**
 * Builds a whole snapshot bundle on this machine: the persons are split into shards of
 * `config.shardSize`, built in parallel on worker threads (generated, validated, encoded), then
 * assembled into the bundle (see assembleBundle). The folder appears under its name only when
 * complete; a failure leaves nothing that looks like a bundle. The shard count never changes the
 * data files' bytes.
 */
export async function writeBundle(options: WriteBundleOptions): Promise<BundleResult> {
  const { config, snapshotId } = options;
  const out = resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0 && !options.force) {
    throw new OutputExistsError(`${out} is not empty; choose an empty folder or pass --force to replace it`);
  }
  const staging = join(dirname(out), `.${basename(out)}.partial-${randomBytes(4).toString("hex")}`);
  const shardsDir = join(staging, ".shards");
  await mkdir(shardsDir, { recursive: true });
  try {
    const ranges = planShards(config.records, config.shardSize);
    options.onStage?.("generate");
    const shards = await runShards(
      ranges.map((range) => ({ ...range, config, dir: join(shardsDir, shardFolderName(range.shard)) })),
      { workers: options.workers ?? availableParallelism(), onProgress: options.onProgress && ((persons) => options.onProgress!(persons, config.records)) },
    );
    options.onStage?.("assemble");
    const assembled = await assembleBundle({ config, snapshotId, shardsDir, shards, dir: staging, partBytes: options.partBytes ?? DEFAULT_PART_BYTES, now: options.now });
    await rm(shardsDir, { recursive: true, force: true });
    if (existsSync(out)) await rm(out, { recursive: true, force: true });
    await rename(staging, out);
    return { ...assembled, dir: out };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

