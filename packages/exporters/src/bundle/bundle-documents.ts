import { withPackSettings } from "@sdh/packs";
import { recordedConfig, SCHEMA_VERSION, type EntityCounts, type DatasetDescriptor, type PackRef, type SnapshotConfig, type SnapshotMetadata } from "@sdh/schemas";
import type { Pack } from "@sdh/validation";
import { DATASET_CONTACTS } from "./contacts.js";

/** JSON as every bundle document is written: two-space indent, trailing newline, no clock, no randomness. */
export const documentText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The pack the records come from and its version: the pack's generator's. */
export function packRef(pack: Pack): PackRef {
  return { name: pack.spec.name, version: pack.generator.version };
}

/** dataset_*.json from the pack's declaration (ADR 0016) and the counts. */
export function datasetDescriptor(pack: Pack, counts: EntityCounts): DatasetDescriptor {
  return {
    dataset: pack.spec.dataset,
    title: pack.spec.title,
    description: pack.spec.description,
    schemaVersion: SCHEMA_VERSION,
    entities: pack.spec.entities.map(({ name, description, primaryKey, foreignKeys }) => ({
      name,
      description,
      primaryKey,
      foreignKeys: foreignKeys.map(({ field, entity, key }) => ({ field, entity, key })),
      records: counts[name] ?? 0,
    })),
    contacts: [...DATASET_CONTACTS],
  };
}

export function snapshotMetadata(snapshotId: string, pack: Pack, config: SnapshotConfig, counts: EntityCounts): SnapshotMetadata {
  return { snapshotId, schemaVersion: SCHEMA_VERSION, generator: { ...pack.generator }, pack: packRef(pack), seed: config.seed, asOf: config.asOf, config: recordedConfig(withPackSettings(config)), counts };
}
