import { parseSnapshotConfig, type SnapshotConfig } from "@sdh/schemas";
import { createGenerator, type HouseholdBundle } from "../../src/generator/index.js";

export function config(overrides: Record<string, unknown> = {}): SnapshotConfig {
  return parseSnapshotConfig({ records: 2_000, seed: 42, ...overrides });
}

export function bundles(c: SnapshotConfig, start = 0, end = c.records): HouseholdBundle[] {
  return [...createGenerator(c).range(start, end)];
}

/** Builds [0, records) in `shards` contiguous shards, each with a fresh generator, and concatenates. */
export function sharded(c: SnapshotConfig, shards: number): HouseholdBundle[] {
  const size = Math.ceil(c.records / shards);
  const out: HouseholdBundle[] = [];
  // Shards run in reverse order to show no shard depends on an earlier one having run.
  const parts: HouseholdBundle[][] = [];
  for (let s = shards - 1; s >= 0; s--) {
    const start = Math.min(c.records, s * size);
    parts[s] = bundles(c, start, Math.min(c.records, start + size));
  }
  for (const part of parts) out.push(...part);
  return out;
}
