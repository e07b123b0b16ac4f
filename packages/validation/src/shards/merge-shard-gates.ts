import { perEntity, type EntityCounts, type ValidationReport } from "@sdh/schemas";
import type { PackChecks } from "../pack-checks.js";
import { ReportBuilder, type RuleFailures } from "../report-builder.js";
import { checkLookupRows, CLAIM_RULE, type ShardGateResult } from "../validation-gate.js";
import type { CountClaim } from "../validate-snapshot.js";

export interface MergeShardGatesOptions {
  /**
   * What the cross-shard uniqueness check found (checkKeyRange's results for every range of every
   * uniqueness rule, in plan order): keys that more than one shard holds, which no shard can see.
   */
  acrossShards: readonly RuleFailures[];
  claims?: readonly CountClaim[];
  /** The pack the shards were checked for. */
  pack: PackChecks;
}

/**
 * One validation report from the gates of a snapshot's shards, in shard order: failures add up and
 * record positions become positions in the whole snapshot, so the report reads as if one gate had
 * seen every record; then what the check across shards found (key-ranges.ts). Positions of examples
 * found across shards are shard numbers (0-based), the only place they are known.
 *
 * Meant for generated shards, where a person's vehicles and profile sit in the person's shard. One
 * difference from one pass remains: when a person_id repeats across shards, one pass also reports
 * the knock-on failures (the later person's vehicles and profile attach to the earlier person),
 * which no shard can see; the duplicate itself is reported either way and fails the gate.
 */
export function mergeShardGates(shards: readonly ShardGateResult[], options: MergeShardGatesOptions): ValidationReport {
  const report = new ReportBuilder(options.pack.rules);
  const bases: EntityCounts = perEntity(options.pack.pack, () => 0);
  for (const shard of shards) {
    for (const failures of shard.failures) report.addFailures(shifted(failures, bases));
    for (const { name } of options.pack.pack.entities) bases[name]! += shard.counts[name]!;
  }
  checkLookupRows(options.pack.pack, bases, report);
  for (const failures of options.acrossShards) report.addFailures(failures);
  for (const claim of options.claims ?? []) {
    if (claim.records !== bases[claim.entity]) {
      report.fail(CLAIM_RULE[claim.kind], { source: claim.source, entity: claim.entity, claimed: claim.records, found: bases[claim.entity] });
    }
  }
  return report.build(bases);
}

function shifted(failures: RuleFailures, bases: EntityCounts): RuleFailures {
  return {
    ...failures,
    examples: failures.examples.map(({ scope, example }) => {
      const positioned = scope !== "snapshot" && typeof example === "object" && example !== null && typeof (example as { record?: unknown }).record === "number";
      if (!positioned) return { scope, example };
      const record = (example as { record: number }).record + (bases[scope] ?? 0);
      return { scope, example: { ...(example as object), record } };
    }),
  };
}
