// Types shared by the snapshot workflow and its activities. Type-only: the workflow sandbox imports
// nothing else from outside @temporalio/workflow.
import type { Counts, SnapshotConfig } from "@sdh/schemas";
import type { KeyRange, RuleFailures } from "@sdh/validation";
import type { SnapshotVisibility } from "./snapshot-visibility.js";

/** What `sdh snapshot run` starts: a parsed config, the snapshot's id and where to publish it. */
export interface SnapshotInput {
  config: SnapshotConfig;
  snapshotId: string;
  /** `s3://bucket/prefix` or a folder: `<target>/v0.9/<snapshotId>/` receives the bundle. */
  target: string;
  /** Shard activities running at once across the fleet (default 16). */
  maxParallelShards?: number;
  /**
   * A shard activity that stops heartbeating this long is retried elsewhere (default 60 s); so is a
   * part's export (parts layout; default 2 minutes).
   */
  shardHeartbeatTimeout?: string;
  /**
   * Keys one checkKeyRanges activity checks at most (default 1,000,000, KEYS_PER_RANGE): the check of
   * uniqueness across shards runs one activity per batch of key ranges (ADR 0028). Tests make it small.
   */
  keysPerCheck?: number;
  /**
   * A rerun (`sdh snapshot rerun --from <step>`): the steps before this one are skipped and their
   * staged output is used as it is; this step and the ones after it run again, reusing nothing.
   */
  from?: RerunStep;
}

/** The steps a rerun may start from, in the order they run (the activities' names). */
export type RerunStep = "generateShard" | "validateSnapshot" | "exportSnapshot" | "publishManifest";

/**
 * What a schedule starts every night: the config, and how each run's seed and asOf follow from the
 * date it was scheduled for (in the schedule's time zone).
 */
export interface ScheduledSnapshot {
  /** The parsed config; seed and asOf are replaced per run as the two flags below say. */
  config: SnapshotConfig;
  /** Seed = the scheduled date as the number YYYYMMDD, so every night is a new, rebuildable snapshot. */
  seedFromDate: boolean;
  /** asOf = the scheduled date (unless the schedule was given a fixed --as-of). */
  asOfFromDate: boolean;
  /** IANA time zone the cron and the scheduled date are read in (default UTC). */
  timezone: string;
  target: string;
  maxParallelShards?: number;
  /** Our search attributes the namespace had registered when the schedule was made: each night's build carries these. */
  searchAttributes?: string[];
}

/** A scheduled run's plan: the snapshot it builds, decided from its scheduled time. */
export interface ScheduledPlan {
  date: string;
  workflowId: string;
  input: SnapshotInput;
  /** Search attributes, memo and summary of the night's build (absent from plans made before 2026-12-01). */
  visibility?: SnapshotVisibility;
}

/** One shard, by reference: the activity reads the config and writes into the snapshot's staging. */
export interface ShardRef {
  snapshotId: string;
  config: SnapshotConfig;
  shard: number;
  start: number;
  end: number;
  /** Build it again even when staging holds it (a rerun from generateShard). */
  rebuild?: boolean;
}

export interface ShardResult {
  shard: number;
  counts: Counts;
  /** True when an earlier attempt or run had built the same shard. */
  reused: boolean;
}

/**
 * One part of the parts layout (ADR 0028), by reference: the activity exports root records
 * `start`–`end - 1` (whole shards) as `<entity>/part-<part>.<format>` and, for an S3 target, uploads
 * them there itself.
 */
export interface PartRef {
  snapshotId: string;
  config: SnapshotConfig;
  part: number;
  start: number;
  end: number;
  target: string;
  /** Export it again even when staging records it (a rerun from exportSnapshot). */
  rerun?: boolean;
}

export interface PartResult {
  part: number;
  files: number;
  bytes: number;
  /** True when an earlier attempt or run had exported (and uploaded) the same part. */
  reused: boolean;
}

export interface StepInput {
  snapshotId: string;
  config: SnapshotConfig;
  /**
   * Set on every step a rerun runs: the step reuses nothing of its own earlier output, and the
   * skipped steps' output must already be staged, so a missing file fails at once (non-retryable)
   * instead of being waited for.
   */
  rerun?: boolean;
}

/** What planKeyRanges is asked: the snapshot, and how many keys a batch (one checkKeyRanges) may hold. */
export interface KeyPlanInput extends StepInput {
  keysPerCheck?: number;
}

/**
 * A batch of key ranges (ADR 0028), checked by one checkKeyRanges activity on any worker: ranges of
 * whole buckets of one or more uniqueness rules, in plan order, about a million keys in all.
 */
export interface KeyCheckRef extends StepInput {
  batch: number;
  ranges: KeyRange[];
}

/** The keys more than one shard holds, per range of the batch that found any, in range order. */
export interface KeyCheckResult {
  batch: number;
  found: RuleFailures[];
}

/** validateSnapshot's input: what the key checks found, when they ran as their own activities. */
export interface ValidateInput extends StepInput {
  /** Every batch's findings, in batch order. Absent (histories before the distributed gate): it checks the keys itself. */
  acrossShards?: RuleFailures[];
}

export interface ValidationSummary {
  passed: boolean;
  errors: number;
  warnings: number;
  counts: Counts;
}

export interface ExportSummary {
  files: number;
  bytes: number;
}

export interface CollectInput extends StepInput {
  target: string;
}

export interface PublishInput extends StepInput {
  target: string;
  /** The manifest's generatedAt: the workflow's start, so a retried publish writes the same manifest. */
  generatedAt: string;
}

/** What the workflow returns: the manifest's summary and where the snapshot is. */
export interface SnapshotResult {
  snapshotId: string;
  location: string;
  counts: Counts;
  files: number;
  bytes: number;
  validation: { passed: boolean; errors: number; warnings: number };
  /** True when the target already held this very snapshot (an idempotent re-run). */
  alreadyPublished: boolean;
}

export type SnapshotStep = "generate" | "validate" | "export" | "publish" | "done";

/** The `progress` query's answer. */
export interface SnapshotProgress {
  step: SnapshotStep;
  shardsDone: number;
  shardsTotal: number;
  /** Root records (config.records counts them: households in the P&C pack) of the shards built so far. */
  recordsDone: number;
  recordsTotal: number;
  counts: Counts | null;
  /** Batches of key ranges checked so far, of how many (the validate step, from 2026-12-04; absent before). */
  keyChecksDone?: number;
  keyChecksTotal?: number;
  /** Parts exported so far, of how many (parts layout, from 0.9.1; absent otherwise). */
  partsDone?: number;
  partsTotal?: number;
}
