import { PC_PACK_SPEC, recordedConfig, SCHEMA_VERSION, type EntityCounts, type DatasetDescriptor, type Generator, type PackRef, type SnapshotConfig, type SnapshotMetadata } from "@sdh/schemas";
import { DATASET_CONTACTS } from "./contacts.js";

/** JSON as every bundle document is written: two-space indent, trailing newline, no clock, no randomness. */
export const documentText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The pack the records come from and its version: the P&C pack's version is the generator's. */
export function packRef(generator: Generator): PackRef {
  return { name: PC_PACK_SPEC.name, version: generator.version };
}

/** dataset_*.json from the pack's declaration (ADR 0016) and the counts. */
export function datasetDescriptor(counts: EntityCounts): DatasetDescriptor {
  return {
    dataset: PC_PACK_SPEC.dataset,
    title: PC_PACK_SPEC.title,
    description: PC_PACK_SPEC.description,
    schemaVersion: SCHEMA_VERSION,
    entities: PC_PACK_SPEC.entities.map(({ name, description, primaryKey, foreignKeys }) => ({
      name,
      description,
      primaryKey,
      foreignKeys: foreignKeys.map(({ field, entity, key }) => ({ field, entity, key })),
      records: counts[name],
    })),
    contacts: [...DATASET_CONTACTS],
  };
}

export function snapshotMetadata(snapshotId: string, generator: Generator, config: SnapshotConfig, counts: EntityCounts): SnapshotMetadata {
  return { snapshotId, schemaVersion: SCHEMA_VERSION, generator: { ...generator }, pack: packRef(generator), seed: config.seed, asOf: config.asOf, config: recordedConfig(config), counts };
}
