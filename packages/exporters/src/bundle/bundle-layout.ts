import { VERSION_TAG, versionedFileName, type Entity } from "@sdh/schemas";
import type { DataFormat } from "../records/record-formats.js";

// File names inside a snapshot folder (seed 001's governed naming). Public: consumers and the S3
// layout depend on them.

export const DATA_FORMATS: readonly DataFormat[] = ["csv", "json", "jsonl", "parquet"];

export const BUNDLE_FILES = {
  manifest: versionedFileName("snapshot_manifest", "json"),
  dataset: versionedFileName("dataset", "json"),
  metadata: versionedFileName("metadata", "json"),
  validationReport: versionedFileName("validation_report", "json"),
  qualityReport: versionedFileName("quality_report", "json"),
  qualitySummary: versionedFileName("quality_summary", "md"),
  /** Frictionless Data Package: the CSV files' columns and types, for readers that honour it. */
  dataPackage: "datapackage.json",
  /** The recipe a snapshot was built from, as given (a recipe's snapshot only): the dataset declared as data. */
  recipe: versionedFileName("recipe", "yaml"),
  /** `sha256sum -c SHA256SUMS` checks a download made with any tool. */
  checksums: "SHA256SUMS",
} as const;

export const documentSchemaFileName = (name: "manifest" | "latest") => `schemas/${name}.schema.json`;

export const schemaFileName = (entity: Entity) => `schemas/${entity}.schema.json`;

const TAG = VERSION_TAG.replace(".", "_");

/** `persons_v0_9.csv`, or `persons_v0_9.part-0002.csv` for the second part of a file split by size. */
export function dataFileName(entity: Entity, format: DataFormat, part?: number): string {
  return part === undefined ? versionedFileName(entity, format) : `${entity}_${TAG}.part-${String(part).padStart(4, "0")}.${format}`;
}

/**
 * `persons/part-00000.csv`: part k of an entity in the parts layout (ADR 0028), the records of root
 * records [k·R, (k+1)·R). A folder per entity holding only its parts is what Spark, DuckDB, Athena,
 * BigQuery, pyarrow and polars read as one table.
 */
export function partFileName(entity: Entity, format: DataFormat, part: number): string {
  return `${entity}/part-${String(part).padStart(5, "0")}.${format}`;
}

// Any entity name: which ones a bundle must have is its pack's business (readBundle).
const DATA_FILE = new RegExp(`^([a-z][a-z0-9_]*)_${TAG}(?:\\.part-(\\d{4,}))?\\.(${DATA_FORMATS.join("|")})$`);
/** A part of the parts layout: `persons/part-00000.csv` (ADR 0028). */
const PART_FILE = new RegExp(`^([a-z][a-z0-9_]*)/part-(\\d{5,})\\.(${DATA_FORMATS.join("|")})$`);

export interface DataFileName {
  entity: Entity;
  format: DataFormat;
  /** Undefined for a file that is not split. */
  part?: number;
}

/** The bundle's documents whose names look like an entity's data file (`metadata_v0_9.json`). */
const DOCUMENT_NAMES: ReadonlySet<string> = new Set(Object.values(BUNDLE_FILES));

export function parseDataFileName(name: string): DataFileName | null {
  if (DOCUMENT_NAMES.has(name)) return null;
  const match = DATA_FILE.exec(name) ?? PART_FILE.exec(name);
  if (!match) return null;
  const [, entity, part, format] = match;
  return { entity: entity!, format: format as DataFormat, ...(part ? { part: Number(part) } : {}) };
}
