import { PC_PACK_SPEC, recordedConfig, SCHEMA_VERSION, type Counts, type DatasetDescriptor, type Generator, type SnapshotConfig, type SnapshotMetadata } from "@sdh/schemas";
import { DATASET_CONTACTS } from "./contacts.js";

/** JSON as every bundle document is written: two-space indent, trailing newline, no clock, no randomness. */
export const documentText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** dataset_*.json from the pack's declaration (ADR 0016) and the counts. */
export function datasetDescriptor(counts: Counts): DatasetDescriptor {
  return {
    dataset: PC_PACK_SPEC.dataset,
    title: PC_PACK_SPEC.title,
    description: PC_PACK_SPEC.description,
    schemaVersion: SCHEMA_VERSION,
    entities: PC_PACK_SPEC.entities.map(({ name, description, primaryKey }) => ({ name, description, primaryKey, records: counts[name] })),
    contacts: [...DATASET_CONTACTS],
  };
}

export function snapshotMetadata(snapshotId: string, generator: Generator, config: SnapshotConfig, counts: Counts): SnapshotMetadata {
  return { snapshotId, schemaVersion: SCHEMA_VERSION, generator: { ...generator }, seed: config.seed, asOf: config.asOf, config: recordedConfig(config), counts };
}
