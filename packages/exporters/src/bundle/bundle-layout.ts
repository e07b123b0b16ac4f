import { Entity, VERSION_TAG, versionedFileName } from "@sdh/schemas";
import type { DataFormat } from "../records/record-formats.js";

// File names inside a snapshot folder (seed 001's governed naming). Public: consumers and the S3
// layout depend on them.

export const ENTITIES = Entity.options;
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
  /** `sha256sum -c SHA256SUMS` checks a download made with any tool. */
  checksums: "SHA256SUMS",
} as const;

export const documentSchemaFileName = (name: "manifest" | "latest") => `schemas/${name}.schema.json`;

export const schemaFileName = (entity: Entity) => `schemas/${entity}.schema.json`;

const TAG = VERSION_TAG.replace(".", "_");

/** `persons_v0_6.csv`, or `persons_v0_6.part-0002.csv` for the second part of a file split by size. */
export function dataFileName(entity: Entity, format: DataFormat, part?: number): string {
  return part === undefined ? versionedFileName(entity, format) : `${entity}_${TAG}.part-${String(part).padStart(4, "0")}.${format}`;
}

const DATA_FILE = new RegExp(`^(${ENTITIES.join("|")})_${TAG}(?:\\.part-(\\d{4,}))?\\.(${DATA_FORMATS.join("|")})$`);

export interface DataFileName {
  entity: Entity;
  format: DataFormat;
  /** Undefined for a file that is not split. */
  part?: number;
}

export function parseDataFileName(name: string): DataFileName | null {
  const match = DATA_FILE.exec(name);
  if (!match) return null;
  const [, entity, part, format] = match;
  return { entity: entity as Entity, format: format as DataFormat, ...(part ? { part: Number(part) } : {}) };
}
