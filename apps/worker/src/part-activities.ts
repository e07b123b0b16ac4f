import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { activityInfo, Context, heartbeat } from "@temporalio/activity";
import { ApplicationFailure } from "@temporalio/common";
import { exportPartFiles, partFileName, partsOf, type ParquetSlots, type ShardSummary, type WrittenFile } from "@sdh/exporters";
import { packOf } from "@sdh/packs";
import type { SnapshotConfig } from "@sdh/schemas";
import { InvalidStoredDocument, openStore, parseTarget, PermanentStoreError, publishPart, PublishConflictError, snapshotKey, snapshotStaging, type SnapshotStore, type StagingMirror } from "@sdh/storage";
import { PartRecord, type ExportRecord } from "./export-record.js";
import { NON_RETRYABLE } from "./failure-types.js";
import { readStagedJson } from "./staged-json.js";
import type { ShardNeeds } from "./shard-needs.js";
import type { WorkerMetrics } from "./worker-metrics.js";
import type { CollectInput, ExportSummary, PartRef, PartResult } from "./snapshot-types.js";

/** What the part activities share with the other snapshot activities (see createSnapshotActivities). */
export interface PartActivityContext {
  stagingRoot: string;
  mirror: StagingMirror;
  env: NodeJS.ProcessEnv;
  metrics?: WorkerMetrics;
  /** Called as each step begins (it may first free memory: see createSnapshotActivities). */
  beforeStep: (step: "exportPart" | "collectParts", attempt: number) => Promise<void>;
  /** The config, parsed with its pack's settings; a bad one fails non-retryably. */
  checked: (config: SnapshotConfig) => SnapshotConfig;
  /** The summaries of the shards `need.only` keeps (default all), the files `need` names brought here. */
  shardsOf: (snapshotId: string, config: SnapshotConfig, need?: ShardNeeds) => Promise<ShardSummary[]>;
  nonRetryableIfCorrupt: <T>(work: () => Promise<T>) => Promise<T>;
  stagedMissing: (what: string, rerunFrom: string) => ApplicationFailure;
  writeJson: (path: string, value: unknown) => Promise<void>;
  /** This worker's Parquet conversions, shared by the parts it exports at once (ParquetSlots). */
  parquetSlots?: ParquetSlots;
}

/** `parts/part-00042.json`: a part's record in staging. */
function partRecordName(part: number): string {
  return `part-${String(part).padStart(5, "0")}.json`;
}

/** What a part's record was made from: its shards (their fingerprints) and where its files went. */
function partFingerprint(shards: readonly ShardSummary[], s3Target: string | null): string {
  return [...shards.map((s) => s.fingerprint), s3Target ?? "staging"].join(",");
}

/**
 * The parts layout's export (ADR 0028): `exportPart` runs once per part, on any worker, and uploads
 * the part's files to an S3 target itself, so no step after the shards handles the whole snapshot;
 * `collectParts` gathers the parts' records into the export record publishManifest reads.
 */
export function createPartActivities(ctx: PartActivityContext) {
  const { mirror, env, metrics } = ctx;
  const rel = (path: string) => relative(mirror.localRoot, path);

  /** A part's record, from this machine's staging or the shared one; null when absent or unreadable (the part is exported again). */
  const recordOf = async (path: string): Promise<PartRecord | null> => {
    const text = await mirror.readText(rel(path));
    if (!text) return null;
    try {
      const parsed = PartRecord.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  /** Are the recorded files still where the record says: at the target at their size, or staged? */
  const stillThere = async (record: PartRecord, store: SnapshotStore | null, snapshotId: string, bundleDir: string): Promise<boolean> => {
    if (!store) return mirror.shared || record.files.every((f) => existsSync(join(bundleDir, f.path)));
    for (const f of record.files) {
      // One listing per file, by its own key as prefix: cheap whatever the snapshot's size.
      const key = snapshotKey(snapshotId, f.path);
      if (!(await store.listObjects(key)).some((o) => o.key === key && o.bytes === f.bytes)) return false;
    }
    return true;
  };

  return {
    /**
     * Exports one part of the parts layout from its shards' staged segments and, for an S3 target,
     * uploads its files there (each with its SHA-256) and drops the local copies: a worker killed
     * here loses this part only, which its retry exports again with the same bytes.
     */
    async exportPart(ref: PartRef): Promise<PartResult> {
      await ctx.beforeStep("exportPart", activityInfo().attempt);
      const config = ctx.checked(ref.config);
      if (config.layout?.kind !== "parts") throw ApplicationFailure.nonRetryable(`exportPart needs a config with layout { kind: parts }; this one has ${config.layout?.kind ?? "files"}`, NON_RETRYABLE.config);
      const staging = snapshotStaging(ctx.stagingRoot, ref.snapshotId);
      const recordPath = join(staging.partsDir, partRecordName(ref.part));
      const store = parseTarget(ref.target).kind === "s3" ? openStore(ref.target, env) : null;
      const inPart = (shard: { start: number }) => shard.start >= ref.start && shard.start < ref.end;
      const planned = await ctx.shardsOf(ref.snapshotId, config, { rerun: ref.rerun, only: inPart });
      const fingerprint = partFingerprint(planned, store ? ref.target : null);
      const result = (files: readonly WrittenFile[], reused: boolean): PartResult => ({ part: ref.part, files: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0), reused });

      // A retried or repeated part reuses what its record says is done, if it is still there; a rerun exports again.
      const recorded = ref.rerun ? null : await recordOf(recordPath);
      if (recorded?.fingerprint === fingerprint && (await stillThere(recorded, store, ref.snapshotId, staging.bundleDir))) return result(recorded.files, true);

      let uploaded = 0;
      // Beats well inside the heartbeat timeout, however short a run sets it (a test's few seconds).
      const every = Math.min(5_000, (activityInfo().heartbeatTimeoutMs ?? 120_000) / 3);
      heartbeat({ part: ref.part, bytesUploaded: 0 });
      const beat = setInterval(() => heartbeat({ part: ref.part, bytesUploaded: uploaded }), every);
      try {
        const shards = mirror.shared ? await ctx.shardsOf(ref.snapshotId, config, { segments: true, rerun: ref.rerun, only: inPart }) : planned;
        // Whatever an interrupted attempt left of this part is replaced: the same shards give the same bytes.
        await rm(recordPath, { force: true });
        await removePartFiles(staging.bundleDir, config, ref.part);
        await mkdir(staging.bundleDir, { recursive: true });
        const files = await ctx.nonRetryableIfCorrupt(() => exportPartFiles({ config, snapshotId: ref.snapshotId, shardsDir: staging.shardsDir, shards, dir: staging.bundleDir, part: ref.part, ...(ctx.parquetSlots ? { parquetSlots: ctx.parquetSlots } : {}) }));
        metrics?.exported(files.reduce((n, f) => n + f.bytes, 0));
        if (store) {
          await nonRetryableIfRefused(() =>
            publishPart(staging.bundleDir, store, ref.snapshotId, files, {
              build: buildOf(ref.snapshotId),
              signal: Context.current().cancellationSignal,
              onBytes: (bytes) => {
                uploaded += bytes;
                metrics?.published("s3", bytes);
              },
            }),
          );
          // Stored (and checked by the store against their SHA-256): the local copies would only fill this disk.
          for (const f of files) await rm(join(staging.bundleDir, f.path), { force: true });
        } else {
          await mirror.push(files.map((f) => rel(join(staging.bundleDir, f.path))));
        }
        const record: PartRecord = { fingerprint, part: ref.part, ...(store ? { uploadedTo: ref.target } : {}), files };
        await ctx.writeJson(recordPath, record);
        // The record last: a part with a record is whole.
        await mirror.push([rel(recordPath)]);
        return result(files, false);
      } finally {
        clearInterval(beat);
      }
    },

    /** Gathers every part's record into the export record publishManifest reads; a part not exported yet is retried, not guessed. */
    async collectParts({ snapshotId, config: raw, target, rerun }: CollectInput): Promise<ExportSummary> {
      await ctx.beforeStep("collectParts", activityInfo().attempt);
      const config = ctx.checked(raw);
      if (config.layout?.kind !== "parts") throw ApplicationFailure.nonRetryable(`collectParts needs a config with layout { kind: parts }; this one has ${config.layout?.kind ?? "files"}`, NON_RETRYABLE.config);
      const staging = snapshotStaging(ctx.stagingRoot, snapshotId);
      const shards = await ctx.shardsOf(snapshotId, config, { rerun });
      const s3 = parseTarget(target).kind === "s3";
      const files: WrittenFile[] = [];
      // The same grouping the part writer uses: part k holds the shards whose root records start in [k·roots, (k+1)·roots).
      for (const [part, inPart] of partsOf(shards, config.layout.roots).entries()) {
        heartbeat({ part });
        const path = join(staging.partsDir, partRecordName(part));
        await mirror.pull([rel(path)]);
        if (!existsSync(path)) {
          if (rerun) throw ctx.stagedMissing(`part ${part} of snapshot ${snapshotId} is not exported (${path})`, "exportSnapshot");
          throw ApplicationFailure.retryable(`part ${part} of snapshot ${snapshotId} is not exported yet (staging ${path})`, "PartMissing");
        }
        const record = await readStagedJson(path, "exportSnapshot", PartRecord);
        if (record.fingerprint !== partFingerprint(inPart, s3 ? target : null)) throw ctx.stagedMissing(`part ${part}'s staged export is of other shards or another target than this build's (${path})`, "exportSnapshot");
        files.push(...record.files);
      }
      const summary = { files: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0) };
      const record: ExportRecord = { fingerprint: shards.map((s) => s.fingerprint).join(","), summary, files, ...(s3 ? { uploadedTo: target } : {}) };
      await ctx.writeJson(staging.exportRecord, record);
      await mirror.push([rel(staging.exportRecord)]);
      return summary;
    },
  };
}

/**
 * The build an activity belongs to, as publish tickets name it: its workflow's id, which reruns of
 * the snapshot share (one run at a time), so a killed attempt's ticket never holds a later one back.
 */
export function buildOf(snapshotId: string): string {
  return activityInfo().workflowExecution?.workflowId ?? `snapshot ${snapshotId}`;
}

/** Removes this part's files (every entity and format) from the staged bundle: an interrupted attempt's leftovers. */
async function removePartFiles(bundleDir: string, config: SnapshotConfig, part: number): Promise<void> {
  for (const spec of packOf(config).spec.entities) {
    for (const format of ["csv", "json", "jsonl", "parquet"] as const) await rm(join(bundleDir, partFileName(spec.name, format, part)), { force: true });
  }
}

/** A refusal the same upload would meet again (a conflict, a target that is not ours, a rejected request) is not retried. */
async function nonRetryableIfRefused<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PublishConflictError) throw ApplicationFailure.nonRetryable(error.message, NON_RETRYABLE.conflict);
    if (error instanceof InvalidStoredDocument) throw ApplicationFailure.nonRetryable(error.message, NON_RETRYABLE.invalidTarget);
    if (error instanceof PermanentStoreError) throw ApplicationFailure.nonRetryable(error.message, NON_RETRYABLE.refused);
    throw error;
  }
}
