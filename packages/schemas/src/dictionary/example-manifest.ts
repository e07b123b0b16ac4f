import type { Manifest } from "../snapshot-files.js";

/**
 * An example manifest for the data dictionary (a 200-household snapshot from the defaults). Shortened
 * to one file; the test that renders the dictionary checks it against the Manifest schema.
 */
export const EXAMPLE_MANIFEST: Manifest = {
  snapshotId: "2026-01-06-s42-348d52b1",
  schemaVersion: "0.9.1",
  seed: 42,
  asOf: "2026-01-06",
  generatedAt: "2026-11-20T01:00:00.000Z",
  generator: { name: "sdh-rules", version: "0.11.0" },
  pack: { name: "pc", version: "0.11.0" },
  config: {
    pack: "pc",
    records: 200,
    seed: 42,
    asOf: "2026-01-06",
    settings: { lobMix: { personal: 0.85, commercial: 0.15 }, vehiclesPerPerson: { personal: [0.072, 0.308, 0.377, 0.162, 0.081] }, identifiers: "realistic" },
    formats: ["csv", "json", "parquet"],
    schemaVersion: "0.9.1",
  },
  counts: { households: 200, persons: 302, vehicles: 429, profiles: 302, policies: 188, drivers: 282, policy_vehicles: 429 },
  files: [{ path: "households_v0_9.parquet", entity: "households", format: "parquet", records: 200, bytes: 13612, sha256: "d5afe80692546a45a0fe2e39e97103f24f060319c383a5c54bd5ee422d3318e1" }],
  validation: { passed: true, errors: 0, warnings: 0 },
};
