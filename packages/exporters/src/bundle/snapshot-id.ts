import { createHash } from "node:crypto";
import type { SnapshotConfig } from "@sdh/schemas";

/**
 * The default snapshot id: asOf, seed and a digest of every config field that shapes the data, e.g.
 * `2026-01-06-s42-3f9a1c2e`. Formats and shard size change files or work, never records, so they
 * are left out: the same data has the same id however it was packaged.
 */
export function defaultSnapshotId(config: SnapshotConfig): string {
  const { records, seed, asOf, lobMix, vehiclesPerPerson, schemaVersion } = config;
  const digest = createHash("sha256").update(JSON.stringify({ records, seed, asOf, lobMix, vehiclesPerPerson, schemaVersion })).digest("hex");
  return `${asOf}-s${seed}-${digest.slice(0, 8)}`;
}
