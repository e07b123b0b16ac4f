import type { Manifest } from "../snapshot-files.js";

/**
 * An example manifest for the data dictionary (a 200-person snapshot from the defaults). Shortened
 * to one file; the test that renders the dictionary checks it against the Manifest schema.
 */
export const EXAMPLE_MANIFEST: Manifest = {
  snapshotId: "2026-01-06-s42-10af5acb",
  schemaVersion: "0.2.0",
  seed: 42,
  asOf: "2026-01-06",
  generatedAt: "2026-11-20T01:00:00.000Z",
  generator: { name: "sdh-rules", version: "0.2.0" },
  config: {
    records: 200,
    seed: 42,
    asOf: "2026-01-06",
    lobMix: { personal: 0.85, commercial: 0.15 },
    vehiclesPerPerson: { personal: [0.08, 0.45, 0.33, 0.1, 0.04] },
    identifiers: "realistic",
    formats: ["csv", "json", "parquet"],
    schemaVersion: "0.2.0",
  },
  counts: { persons: 200, vehicles: 331, profiles: 200 },
  files: [{ path: "persons_v0_2.parquet", entity: "persons", format: "parquet", records: 200, bytes: 31842, sha256: "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8" }],
  validation: { passed: true, errors: 0, warnings: 0 },
};
