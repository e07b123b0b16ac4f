import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { packOf } from "@sdh/packs";
import { perEntity, SCHEMA_VERSION, type EntityCounts, type Entity, type EntitySpec } from "@sdh/schemas";
import type { Pack } from "@sdh/validation";
import { convertFilesToParquet } from "../parquet/convert-files.js";
import type { WrittenFile } from "../records/entity-writer.js";
import { fileDigest } from "@sdh/local-files";
import type { ShardSummary } from "../shards/build-shard.js";
import { PartedFileAssembler } from "../shards/parted-file-assembler.js";
import type { SegmentFile } from "../shards/segment-writer.js";
import { segmentFormats, segmentName, shardFolderName } from "../shards/shard-layout.js";
import { dataFileName } from "./bundle-layout.js";
import type { ShardSet } from "./validate-shards.js";

export interface ExportOptions extends ShardSet {
  /** Stamped into every Parquet file's key-value metadata, with the schema and generator versions. */
  snapshotId: string;
  /** The (staging) bundle folder to write the data files into. */
  dir: string;
  partBytes: number;
}

/** A data file holds a different number of records than the shards generated: a bug, never bad input. */
export class ExportCountError extends Error {
  override name = "ExportCountError";
}

/**
 * Writes the bundle's data files from the shards: concatenates their CSV and JSON segments (hashing
 * as it writes, splitting into parts at partBytes) and converts the CSV to Parquet. Checks that every
 * format holds exactly the records the shards generated. Returns the files, paths relative to `dir`.
 */
export async function exportDataFiles(options: ExportOptions): Promise<WrittenFile[]> {
  const { config, shardsDir, shards, dir } = options;
  const shardPath = (summary: ShardSummary, name: string) => join(shardsDir, shardFolderName(summary.shard), name);
  const pack = packOf(config);
  const ENTITIES = pack.spec.entities.map((e) => e.name);
  const generated: EntityCounts = perEntity(pack.spec, () => 0);
  for (const s of shards) for (const e of ENTITIES) generated[e]! += s.counts[e] ?? 0;
  const files: WrittenFile[] = [];
  // Parquet is converted from CSV; without CSV in the bundle the CSV is a scratch file.
  const shipsCsv = config.formats.includes("csv");
  const scratch = join(dir, ".scratch");
  const csvDir = shipsCsv ? dir : scratch;

  const assembleFormat = async (format: "csv" | "json" | "jsonl", target: string): Promise<Record<Entity, WrittenFile[]>> => {
    await mkdir(target, { recursive: true });
    const byEntity: Record<Entity, WrittenFile[]> = perEntity(pack.spec, () => []);
    // JSON Lines are assembled from the JSON segments (see PartedFileAssembler).
    const from = format === "jsonl" ? "json" : format;
    for (const spec of pack.spec.entities) {
      const entity = spec.name;
      const segments = shards.map((s) => {
        const segment = s.segments.find((g) => g.entity === entity && g.format === from);
        if (!segment) throw new ExportCountError(`shard ${s.shard} has no ${from} segment of ${entity}`);
        return { segment, path: shardPath(s, segmentName(entity, from)) };
      });
      byEntity[entity] = await assembleDataFile(target, spec, format, segments, options.partBytes);
    }
    checkCounts(`${format} files`, ENTITIES, byEntity, generated);
    return byEntity;
  };

  const formats = segmentFormats(config);
  const csv = formats.includes("csv") ? await assembleFormat("csv", csvDir) : null;
  if (csv && shipsCsv) files.push(...ENTITIES.flatMap((e) => csv[e]!));
  // Parquet converts on DuckDB's threads while JSON is assembled on this one.
  const parquet = csv && config.formats.includes("parquet") ? convertToParquet(pack, dir, csvDir, csv, options.snapshotId) : null;
  try {
    for (const format of (["json", "jsonl"] as const).filter((f) => config.formats.includes(f))) {
      const assembled = await assembleFormat(format, dir);
      files.push(...ENTITIES.flatMap((e) => assembled[e]!));
    }
  } catch (error) {
    await parquet?.catch(() => undefined); // let the conversion end before its folder is removed
    throw error;
  }
  if (parquet) {
    const converted = await parquet;
    checkCounts("parquet files", ENTITIES, converted, generated);
    files.push(...ENTITIES.flatMap((e) => converted[e]!));
  }
  await rm(scratch, { recursive: true, force: true });
  return files;
}

function checkCounts(source: string, entities: readonly Entity[], byEntity: Record<Entity, WrittenFile[]>, generated: EntityCounts): void {
  for (const entity of entities) {
    const records = byEntity[entity]!.reduce((n, f) => n + f.records, 0);
    if (records !== generated[entity]) throw new ExportCountError(`${source} hold ${records} ${entity}; the shards generated ${generated[entity]}`);
  }
}

/** One entity's file in one text format, from every shard's segment in order. */
async function assembleDataFile(dir: string, entity: EntitySpec, format: "csv" | "json" | "jsonl", segments: Array<{ segment: SegmentFile; path: string }>, partBytes: number): Promise<WrittenFile[]> {
  const assembler = new PartedFileAssembler(dir, entity, format, partBytes);
  try {
    for (const { segment, path } of segments) await assembler.append(segment, path);
  } catch (error) {
    await assembler.abort();
    throw error;
  }
  return assembler.close();
}

/** Parquet files from the CSV files, part for part, several converted at once. */
async function convertToParquet(pack: Pack, dir: string, csvDir: string, csvParts: Record<Entity, WrittenFile[]>, snapshotId: string): Promise<Record<Entity, WrittenFile[]>> {
  const planned = pack.spec.entities.flatMap((spec) =>
    csvParts[spec.name]!.map((csv, k, parts) => ({ entity: spec.name, spec, csvPath: join(csvDir, csv.path), path: dataFileName(spec.name, "parquet", parts.length > 1 ? k + 1 : undefined) })),
  );
  const metadata = (entity: Entity) => ({
    "sdh.snapshot_id": snapshotId,
    "sdh.entity": entity,
    "sdh.schema_version": SCHEMA_VERSION,
    "sdh.generator": `${pack.generator.name} ${pack.generator.version}`,
  });
  const rows = await convertFilesToParquet(planned.map(({ spec, csvPath, path }) => ({ entity: spec, csvPath, parquetPath: join(dir, path), metadata: metadata(spec.name) })));
  const written: Record<Entity, WrittenFile[]> = perEntity(pack.spec, () => []);
  for (const [k, { entity, path }] of planned.entries()) {
    written[entity]!.push({ path, entity, format: "parquet", records: rows[k]!, ...(await fileDigest(join(dir, path))) });
  }
  return written;
}
