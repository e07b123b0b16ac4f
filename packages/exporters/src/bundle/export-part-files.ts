import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileDigest } from "@sdh/local-files";
import { packOf } from "@sdh/packs";
import { SCHEMA_VERSION, type EntitySpec } from "@sdh/schemas";
import { convertFilesToParquet } from "../parquet/convert-files.js";
import type { ParquetSlots } from "../parquet/parquet-slots.js";
import type { WrittenFile } from "../records/entity-writer.js";
import type { ShardSummary } from "../shards/build-shard.js";
import { PartedFileAssembler } from "../shards/parted-file-assembler.js";
import { segmentFormats, segmentName, shardFolderName } from "../shards/shard-layout.js";
import { partFileName } from "./bundle-layout.js";
import { ExportCountError, exportDataFiles, type ExportOptions } from "./export-data-files.js";
import type { ShardSet } from "./validate-shards.js";

export interface ExportPartOptions extends ShardSet {
  /** The part's number: its files are `<entity>/part-<part>.<format>`. */
  part: number;
  /** Stamped into every Parquet file's key-value metadata, as in the single-file layout. */
  snapshotId: string;
  /** The folder the part's files go into (each under its entity's folder). */
  dir: string;
  /** The process's Parquet conversions, shared by the parts it exports at once (default: no limit but this part's one lane). */
  parquetSlots?: ParquetSlots;
}

/**
 * Writes one part of the parts layout (ADR 0028; config `layout: { kind: parts, roots }`): the
 * records of `shards` — consecutive shards, in order — as one file per entity and format, with the
 * single-file layout's encoding, header and order, so the parts of a snapshot read in order are the
 * single file's rows. CSV and JSON are concatenated from the shards' segments (never split by size);
 * Parquet is converted from the part's CSV by the same DuckDB converter. Returns the files, paths
 * relative to `dir`, with their digests and record counts.
 */
export async function exportPartFiles(options: ExportPartOptions): Promise<WrittenFile[]> {
  const { config, shardsDir, shards, dir, part } = options;
  const pack = packOf(config);
  const files: WrittenFile[] = [];
  const shipsCsv = config.formats.includes("csv");
  // Parquet is converted from CSV; without CSV in the bundle the part's CSV is a scratch file.
  const scratch = join(dir, `.scratch-part-${part}`);
  // CSV whenever a segment of it is made (shipped, or for Parquet); JSON and JSON Lines when asked for.
  const formats = [...(segmentFormats(config).includes("csv") ? (["csv"] as const) : []), ...(["json", "jsonl"] as const).filter((f) => config.formats.includes(f))];
  const csvByEntity = new Map<string, WrittenFile>();
  try {
    for (const format of formats) {
      for (const spec of pack.spec.entities) {
        const into = format === "csv" && !shipsCsv ? scratch : dir;
        await mkdir(join(into, spec.name), { recursive: true });
        const written = await assemblePart(into, spec, format, part, shards, shardsDir);
        const expected = shards.reduce((n, s) => n + (s.counts[spec.name] ?? 0), 0);
        if (written.records !== expected) throw new ExportCountError(`part ${part}'s ${format} file of ${spec.name} holds ${written.records} records; its shards generated ${expected}`);
        if (format === "csv") csvByEntity.set(spec.name, written);
        if (format !== "csv" || shipsCsv) files.push(written);
      }
    }
    if (config.formats.includes("parquet")) {
      const csvDir = shipsCsv ? dir : scratch;
      const jobs = pack.spec.entities.map((spec) => ({
        entity: spec,
        csvPath: join(csvDir, csvByEntity.get(spec.name)!.path),
        parquetPath: join(dir, partFileName(spec.name, "parquet", part)),
        metadata: { "sdh.snapshot_id": options.snapshotId, "sdh.entity": spec.name, "sdh.schema_version": SCHEMA_VERSION, "sdh.generator": `${pack.generator.name} ${pack.generator.version}` },
      }));
      // Without CSV or JSON in the bundle, the entity's folder holds only Parquet: made here.
      for (const spec of pack.spec.entities) await mkdir(join(dir, spec.name), { recursive: true });
      const rows = await convertFilesToParquet(jobs, undefined, options.parquetSlots);
      for (const [k, job] of jobs.entries()) {
        const path = partFileName(job.entity.name, "parquet", part);
        if (rows[k] !== csvByEntity.get(job.entity.name)!.records) throw new ExportCountError(`part ${part}'s Parquet file of ${job.entity.name} holds ${rows[k]} rows; its CSV ${csvByEntity.get(job.entity.name)!.records}`);
        files.push({ path, entity: job.entity.name, format: "parquet", records: rows[k]!, ...(await fileDigest(join(dir, path))) });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return files;
}

/**
 * The bundle's data files in the config's layout: the single files (exportDataFiles, split at
 * `partBytes`) or every part (never split by size), one after another on this machine: `sdh generate`
 * and the workflow's single export step (runs started before one activity per part, ADR 0028).
 */
export async function exportLayoutFiles(options: ExportOptions): Promise<WrittenFile[]> {
  const layout = options.config.layout;
  if (layout?.kind !== "parts") return exportDataFiles(options);
  const files: WrittenFile[] = [];
  for (const [part, shards] of partsOf(options.shards, layout.roots).entries()) files.push(...(await exportPartFiles({ ...options, shards, part })));
  return files;
}

/** The shards of each part, in order: part k holds the shards whose root records start in [k·roots, (k+1)·roots). */
export function partsOf(shards: readonly ShardSummary[], roots: number): ShardSummary[][] {
  const parts: ShardSummary[][] = [];
  for (const shard of [...shards].sort((a, b) => a.start - b.start)) (parts[Math.floor(shard.start / roots)] ??= []).push(shard);
  return parts;
}

/** One entity's part in one text format: the shards' segments in order, one file whatever its size. */
async function assemblePart(dir: string, spec: EntitySpec, format: "csv" | "json" | "jsonl", part: number, shards: readonly ShardSummary[], shardsDir: string): Promise<WrittenFile> {
  const assembler = new PartedFileAssembler(dir, spec, format, Number.POSITIVE_INFINITY, () => partFileName(spec.name, format, part));
  // JSON Lines are assembled from the JSON segments, as in the single-file layout.
  const from = format === "jsonl" ? "json" : format;
  try {
    for (const shard of shards) {
      const segment = shard.segments.find((g) => g.entity === spec.name && g.format === from);
      if (!segment) throw new ExportCountError(`shard ${shard.shard} has no ${from} segment of ${spec.name}`);
      await assembler.append(segment, join(shardsDir, shardFolderName(shard.shard), segmentName(spec.name, from)));
    }
  } catch (error) {
    await assembler.abort();
    throw error;
  }
  const [file] = await assembler.close();
  return file!;
}
