import { join } from "node:path";
import { packOf } from "@sdh/packs";
import { rootOf, type QualityReport, type SnapshotConfig, type ValidationReport } from "@sdh/schemas";
import { mergeShardGates, QualityCollector, type CountClaim, type QualityState, type RuleFailures } from "@sdh/validation";
import type { ShardSummary } from "../shards/build-shard.js";
import { checkStagedKeys } from "../shards/shard-keys.js";
import { readStaged } from "../shards/staged-artifacts.js";
import { keyRulesOf, SHARD_QUALITY, shardFolderName } from "../shards/shard-layout.js";

export interface ShardSet {
  config: SnapshotConfig;
  /** Where the shards were built, one folder each (shardFolderName). */
  shardsDir: string;
  /** Every shard's summary, in shard order. */
  shards: readonly ShardSummary[];
  /**
   * What the check across shards found, when its ranges ran elsewhere (a Temporal build's
   * checkKeyRanges activities), in range order. Absent: every range is checked here, from the shards' key files.
   */
  acrossShards?: readonly RuleFailures[];
}

/** The validation gate failed: nothing was published; `report` says why. */
export class ValidationFailedError extends Error {
  override name = "ValidationFailedError";
  constructor(readonly report: ValidationReport) {
    super(validationSummary(report));
  }
}

/** One line naming every failing error rule and its failure count. */
export function validationSummary(report: ValidationReport): string {
  const failing = report.rules.filter((r) => r.severity === "error" && r.failures > 0);
  return `validation failed: ${failing.map((r) => `${r.code} (${r.failures})`).join(", ")}`;
}

/**
 * The snapshot's validation and quality reports from its shards: merges the shards' gates (with
 * uniqueness across shards, the config's person count and what each shard says it generated) and
 * their quality figures. Writes nothing; the caller decides what a failed report stops.
 */
export async function validateShards({ config, shardsDir, shards, acrossShards }: ShardSet): Promise<{ validation: ValidationReport; quality: QualityReport }> {
  const folder = (summary: ShardSummary) => join(shardsDir, shardFolderName(summary.shard));
  const pack = packOf(config);
  const claims: CountClaim[] = [{ kind: "config", source: "config.records", entity: rootOf(pack.spec).name, records: config.records }];
  for (const { name: entity } of pack.spec.entities) {
    claims.push({ kind: "generated", source: "shard summaries", entity, records: shards.reduce((n, s) => n + (s.counts[entity] ?? 0), 0) });
  }
  const found = acrossShards ?? (await checkStagedKeys(shardsDir, shards, keyRulesOf(config)));
  const validation = mergeShardGates(
    shards.map((s) => s.gate),
    { acrossShards: found, claims, pack: pack.checks },
  );
  const collector = new QualityCollector(pack);
  for (const summary of shards) {
    const bytes = await readStaged(join(folder(summary), SHARD_QUALITY), summary.artifacts[SHARD_QUALITY], "generateShard");
    collector.merge(JSON.parse(bytes.toString("utf8")) as QualityState);
  }
  return { validation, quality: collector.report(config) };
}
