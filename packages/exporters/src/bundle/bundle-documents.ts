import { recordedConfig, SCHEMA_VERSION, type Counts, type DatasetDescriptor, type Generator, type SnapshotConfig, type SnapshotMetadata } from "@sdh/schemas";
import { DATASET_CONTACTS } from "./contacts.js";

/** JSON as every bundle document is written: two-space indent, trailing newline, no clock, no randomness. */
export const documentText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const ENTITY_DESCRIPTIONS = {
  persons: "Named insureds and drivers, personal and commercial lines",
  vehicles: "Vehicles owned by the persons, linked by person_id",
  profiles: "One profile per person, derived from the person and their vehicles",
} as const;

export function datasetDescriptor(counts: Counts): DatasetDescriptor {
  return {
    dataset: "synthetic-insurance-persons-vehicles",
    title: "Synthetic Data Hub: persons, vehicles and profiles",
    description:
      "Governed synthetic test data for insurance QA. Entirely generated: no record describes a real person, vehicle or address.",
    schemaVersion: SCHEMA_VERSION,
    entities: (["persons", "vehicles", "profiles"] as const).map((name) => ({
      name,
      description: ENTITY_DESCRIPTIONS[name],
      primaryKey: { persons: "person_id", vehicles: "vehicle_id", profiles: "profile_id" }[name],
      records: counts[name],
    })),
    contacts: [...DATASET_CONTACTS],
  };
}

export function snapshotMetadata(snapshotId: string, generator: Generator, config: SnapshotConfig, counts: Counts): SnapshotMetadata {
  return { snapshotId, schemaVersion: SCHEMA_VERSION, generator: { ...generator }, seed: config.seed, asOf: config.asOf, config: recordedConfig(config), counts };
}
