import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATOR } from "@sdh/rules";
import { SCHEMA_VERSION, jsonSchemaOf, type Entity, type Manifest, type ManifestFile, type QualityReport, type SnapshotConfig, type ValidationReport } from "@sdh/schemas";
import { mergeShardGates, QualityCollector, qualitySummaryMarkdown, type CountClaim, type QualityState } from "@sdh/validation";
import { createParquetConverter } from "../parquet/duckdb-parquet.js";
import type { WrittenFile } from "../records/entity-writer.js";
import { fileDigest } from "../sink/file-digest.js";
import type { ShardSummary } from "../shards/build-shard.js";
import { readKeyFile } from "../shards/key-file.js";
import { PartedFileAssembler } from "../shards/parted-file-assembler.js";
import { keyFileName, segmentFormats, segmentName, SHARD_QUALITY, shardFolderName } from "../shards/shard-layout.js";
import { BUNDLE_FILES, dataFileName, ENTITIES, schemaFileName } from "./bundle-layout.js";
import { datasetDescriptor, documentText, snapshotMetadata } from "./bundle-documents.js";

export interface AssembleOptions {
  config: SnapshotConfig;
  snapshotId: string;
  /** Where the shards were built, one folder each (shardFolderName). */
  shardsDir: string;
  /** Every shard's summary, in shard order. */
  shards: readonly ShardSummary[];
  /** The (staging) bundle folder to write into. */
  dir: string;
  partBytes: number;
  now?: () => Date;
}

export interface AssembledBundle {
  manifest: Manifest;
  validation: ValidationReport;
  quality: QualityReport;
}

/** The validation gate failed: nothing was left behind; `report` says why. */
export class ValidationFailedError extends Error {
  override name = "ValidationFailedError";
  constructor(readonly report: ValidationReport) {
    const failing = report.rules.filter((r) => r.severity === "error" && r.failures > 0);
    super(`validation failed: ${failing.map((r) => `${r.code} (${r.failures})`).join(", ")}`);
  }
}

/**
 * Turns built shards into a bundle: concatenates their segments into the data files (hashing as it
 * writes), converts CSV to Parquet, merges the shards' gates (checking uniqueness across shards and
 * every count claim) and quality figures, then writes the documents and, last, the manifest.
 * Throws ValidationFailedError before writing any document when an error rule failed.
 */
export async function assembleBundle(options: AssembleOptions): Promise<AssembledBundle> {
  const { config, shardsDir, shards, dir } = options;
  const shardPath = (summary: ShardSummary, name: string) => join(shardsDir, shardFolderName(summary.shard), name);
  const claims: CountClaim[] = [{ kind: "config", source: "config.records", entity: "persons", records: config.records }];
  const files: WrittenFile[] = [];
  // Parquet is converted from CSV; without CSV in the bundle the CSV is a scratch file.
  const shipsCsv = config.formats.includes("csv");
  const scratch = join(dir, ".scratch");
  const csvDir = shipsCsv ? dir : scratch;

  const assembleFormat = async (format: "csv" | "json", target: string): Promise<Record<Entity, WrittenFile[]>> => {
    await mkdir(target, { recursive: true });
    const byEntity: Record<Entity, WrittenFile[]> = { persons: [], vehicles: [], profiles: [] };
    for (const entity of ENTITIES) {
      byEntity[entity] = await assembleDataFile(target, entity, format, shards.map((s) => shardPath(s, segmentName(entity, format))), options.partBytes);
    }
    addExportClaims(claims, `${format} files`, byEntity);
    return byEntity;
  };

  const formats = segmentFormats(config);
  const csv = formats.includes("csv") ? await assembleFormat("csv", csvDir) : null;
  if (csv && shipsCsv) files.push(...ENTITIES.flatMap((e) => csv[e]));
  // Parquet converts on DuckDB's threads while JSON is assembled on this one.
  const parquet = csv && config.formats.includes("parquet") ? convertToParquet(dir, csvDir, csv) : null;
  try {
    if (formats.includes("json")) {
      const json = await assembleFormat("json", dir);
      files.push(...ENTITIES.flatMap((e) => json[e]));
    }
  } catch (error) {
    await parquet?.catch(() => undefined); // let the conversion end before its folder is removed
    throw error;
  }
  if (parquet) {
    const converted = await parquet;
    addExportClaims(claims, "parquet files", converted);
    files.push(...ENTITIES.flatMap((e) => converted[e]));
  }
  await rm(scratch, { recursive: true, force: true });

  const validation = await mergeShardGates(
    shards.map((s) => s.gate),
    { keysOf: (i, rule) => readKeyFile(shardPath(shards[i]!, keyFileName(rule))), claims },
  );
  if (!validation.passed) throw new ValidationFailedError(validation);
  const collector = new QualityCollector();
  for (const summary of shards) collector.merge(JSON.parse(await readFile(shardPath(summary, SHARD_QUALITY), "utf8")) as QualityState);
  const quality = collector.report(config);

  const manifest = await writeDocuments(options, files, validation, quality);
  return { manifest, validation, quality };
}

async function writeDocuments(options: AssembleOptions, files: WrittenFile[], validation: ValidationReport, quality: QualityReport): Promise<Manifest> {
  const { config, snapshotId, dir } = options;
  const counts = validation.counts;
  const documents: Array<[string, ManifestFile["entity"], ManifestFile["format"], string]> = [
    [BUNDLE_FILES.dataset, "dataset", "json", documentText(datasetDescriptor(counts))],
    [BUNDLE_FILES.metadata, "metadata", "json", documentText(snapshotMetadata(snapshotId, GENERATOR, config, counts))],
    [BUNDLE_FILES.validationReport, "report", "json", documentText(validation)],
    [BUNDLE_FILES.qualityReport, "report", "json", documentText(quality)],
    [BUNDLE_FILES.qualitySummary, "report", "markdown", `${qualitySummaryMarkdown(`Snapshot ${snapshotId}: quality summary`, validation, quality)}\n`],
    ...ENTITIES.map((e) => [schemaFileName(e), "schema", "json", documentText(jsonSchemaOf(e))] as [string, "schema", "json", string]),
  ];
  await mkdir(join(dir, "schemas"));
  const listed: ManifestFile[] = files.map((f) => ({ path: f.path, entity: f.entity, format: f.format, records: f.records, bytes: f.bytes, sha256: f.sha256 }));
  for (const [path, entity, format, text] of documents) {
    await writeFile(join(dir, path), text, { flag: "wx" });
    listed.push({ path, entity, format, records: null, ...(await fileDigest(join(dir, path))) });
  }
  listed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const manifest: Manifest = {
    snapshotId,
    schemaVersion: SCHEMA_VERSION,
    seed: config.seed,
    asOf: config.asOf,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    generator: { ...GENERATOR },
    config,
    counts,
    files: listed,
    validation: { passed: validation.passed, errors: validation.errors, warnings: validation.warnings },
  };
  // Written last: a folder with a manifest is a complete snapshot.
  await writeFile(join(dir, BUNDLE_FILES.manifest), documentText(manifest), { flag: "wx" });
  return manifest;
}

/** One entity's file in one text format, from every shard's segment in order. */
async function assembleDataFile(dir: string, entity: Entity, format: "csv" | "json", segments: string[], partBytes: number): Promise<WrittenFile[]> {
  const assembler = new PartedFileAssembler(dir, entity, format, partBytes);
  try {
    for (const segment of segments) await assembler.append(segment);
  } catch (error) {
    assembler.abort();
    throw error;
  }
  return assembler.close();
}

function addExportClaims(claims: CountClaim[], source: string, byEntity: Record<Entity, WrittenFile[]>): void {
  for (const entity of ENTITIES) claims.push({ kind: "export", source, entity, records: byEntity[entity].reduce((n, f) => n + f.records, 0) });
}

/** Parquet files from the CSV files, part for part. */
async function convertToParquet(dir: string, csvDir: string, csvParts: Record<Entity, WrittenFile[]>): Promise<Record<Entity, WrittenFile[]>> {
  const converter = await createParquetConverter();
  const written: Record<Entity, WrittenFile[]> = { persons: [], vehicles: [], profiles: [] };
  try {
    for (const entity of ENTITIES) {
      const parts = csvParts[entity];
      for (let k = 0; k < parts.length; k++) {
        const path = dataFileName(entity, "parquet", parts.length > 1 ? k + 1 : undefined);
        const records = await converter.convert(entity, join(csvDir, parts[k]!.path), join(dir, path));
        written[entity].push({ path, entity, format: "parquet", records, ...(await fileDigest(join(dir, path))) });
      }
    }
  } finally {
    converter.close();
  }
  return written;
}
