// Types shared by the snapshot workflow and its activities. Type-only: the workflow sandbox imports
// nothing else from outside @temporalio/workflow.
import type { Counts, SnapshotConfig } from "@sdh/schemas";

/** What `sdh snapshot run` starts: a parsed config, the snapshot's id and where to publish it. */
export interface SnapshotInput {
  config: SnapshotConfig;
  snapshotId: string;
  /** `s3://bucket/prefix` or a folder: `<target>/v0.1/<snapshotId>/` receives the bundle. */
  target: string;
  /** Shard activities running at once across the fleet (default 16). */
  maxParallelShards?: number;
  /** A shard activity that stops heartbeating this long is retried elsewhere (default 60 s). */
  shardHeartbeatTimeout?: string;
}

/** One shard, by reference: the activity reads the config and writes into the snapshot's staging. */
export interface ShardRef {
  snapshotId: string;
  config: SnapshotConfig;
  shard: number;
  start: number;
  end: number;
}

export interface ShardResult {
  shard: number;
  counts: Counts;
  /** True when an earlier attempt or run had built the same shard. */
  reused: boolean;
}

export interface StepInput {
  snapshotId: string;
  config: SnapshotConfig;
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
  personsDone: number;
  personsTotal: number;
  counts: Counts | null;
}
