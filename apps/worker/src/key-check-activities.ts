import { relative } from "node:path";
import { activityInfo, heartbeat } from "@temporalio/activity";
import { ApplicationFailure } from "@temporalio/common";
import { checkStagedKeyRange, keyRulesOf, planSnapshotKeyRanges, type ShardSummary } from "@sdh/exporters";
import type { SnapshotConfig } from "@sdh/schemas";
import { snapshotStaging, type StagingMirror } from "@sdh/storage";
import { batchKeyRanges, KEY_BUCKETS, type KeyRange, type RuleFailures } from "@sdh/validation";
import { NON_RETRYABLE } from "./failure-types.js";
import type { ShardNeeds } from "./shard-needs.js";
import type { KeyCheckRef, KeyCheckResult, KeyPlanInput } from "./snapshot-types.js";

/** What the key-check activities share with the other snapshot activities (see createSnapshotActivities). */
export interface KeyCheckContext {
  stagingRoot: string;
  mirror: StagingMirror;
  /** Called as each step begins (it may first free memory: see createSnapshotActivities). */
  beforeStep: (step: "planKeyRanges" | "checkKeyRanges", attempt: number) => Promise<void>;
  checked: (config: SnapshotConfig) => SnapshotConfig;
  shardsOf: (snapshotId: string, config: SnapshotConfig, need?: ShardNeeds) => Promise<ShardSummary[]>;
  nonRetryableIfCorrupt: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * The check of uniqueness across shards as activities of their own (ADR 0028): `planKeyRanges` splits
 * every uniqueness rule's keys into ranges of whole buckets from the shards' summaries (no key read)
 * and groups them into batches of about a million keys; `checkKeyRanges` checks one batch on any
 * worker, reading only its buckets of each shard's key files (ranged reads of shared staging). No
 * machine holds or reads every key of the snapshot; validateSnapshot merges what the batches found.
 */
export function createKeyCheckActivities({ stagingRoot, mirror, beforeStep, checked, shardsOf, nonRetryableIfCorrupt }: KeyCheckContext) {
  const rel = (path: string) => relative(mirror.localRoot, path);
  return {
    /** The batches of key ranges to check, in order: a function of the config alone (the shards' bucket counts). */
    async planKeyRanges({ snapshotId, config: raw, keysPerCheck, rerun }: KeyPlanInput): Promise<KeyRange[][]> {
      await beforeStep("planKeyRanges", activityInfo().attempt);
      const config = checked(raw);
      if (keysPerCheck !== undefined && !(Number.isInteger(keysPerCheck) && keysPerCheck > 0)) {
        throw ApplicationFailure.nonRetryable(`keysPerCheck must be a whole number above 0 (got ${keysPerCheck})`, NON_RETRYABLE.config);
      }
      // The counts are in the summaries; a shard staged before keys were bucketed is counted from its key files.
      const shards = await shardsOf(snapshotId, config, { keys: "unbucketed", quality: false, rerun });
      heartbeat();
      const ranges = await nonRetryableIfCorrupt(() => planSnapshotKeyRanges(snapshotStaging(stagingRoot, snapshotId).shardsDir, shards, keyRulesOf(config), keysPerCheck));
      return batchKeyRanges(ranges, keysPerCheck);
    },

    /** Checks one batch of key ranges across every shard: the keys more than one shard holds, per range. */
    async checkKeyRanges({ snapshotId, config: raw, batch, ranges, rerun }: KeyCheckRef): Promise<KeyCheckResult> {
      await beforeStep("checkKeyRanges", activityInfo().attempt);
      const config = checked(raw);
      const rules = new Set(keyRulesOf(config));
      for (const r of ranges) {
        if (!rules.has(r.rule) || !(Number.isInteger(r.from) && Number.isInteger(r.to) && r.from >= 0 && r.from < r.to && r.to <= KEY_BUCKETS)) {
          throw ApplicationFailure.nonRetryable(`key range ${JSON.stringify(r)} is not a range of this snapshot's uniqueness rules (buckets 0-${KEY_BUCKETS})`, NON_RETRYABLE.config);
        }
      }
      const shards = await shardsOf(snapshotId, config, { keys: "ranged", quality: false, rerun });
      const { shardsDir } = snapshotStaging(stagingRoot, snapshotId);
      // Each shard's buckets (and, for the range from bucket 0, its index) come from this machine's
      // copy when it has one, else by a ranged read of shared staging.
      const readOf = (path: string) => (offset: number, length: number) => {
        heartbeat();
        return mirror.readRange(rel(path), offset, length);
      };
      const found: RuleFailures[] = [];
      for (const range of ranges) {
        const failures = await nonRetryableIfCorrupt(() => checkStagedKeyRange(shardsDir, shards, range, readOf));
        if (failures) found.push(failures);
      }
      return { batch, found };
    },
  };
}
