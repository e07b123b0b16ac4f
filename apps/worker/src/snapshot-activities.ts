import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { heartbeat, activityInfo, Context } from "@temporalio/activity";
import { ApplicationFailure } from "@temporalio/common";
import {
  exportLayoutFiles,
  existingShard,
  planShards,
  ShardPool,
  parquetSlotsFor,
  shardFiles,
  keyRulesOf,
  shardFingerprint,
  shardFolderName,
  SHARD_SUMMARY,
  validateShards,
  validationSummary,
  writeBundleDocuments,
  BUNDLE_FILES,
  DEFAULT_PART_BYTES,
  ensureDigest,
  fileDigest,
  StagedArtifactError,
  type ShardSummary,
  type ShardTask,
} from "@sdh/exporters";
import { inLanes } from "@sdh/local-files";
import { ConfigError, parseSnapshotConfig, QualityReport, ValidationReport, type Manifest, type SnapshotConfig } from "@sdh/schemas";
import { InvalidStoredDocument, LocalStore, PermanentStoreError, moveLatest, openStore, parseTarget, publishedFolder, publishSnapshot, publishToFolder, PublishConflictError, snapshotStaging, StagingMirror } from "@sdh/storage";
import { packOf, UnknownPackError, withPackSettings } from "@sdh/packs";
import { ExportRecord } from "./export-record.js";
import { buildOf, createPartActivities } from "./part-activities.js";
import { createKeyCheckActivities } from "./key-check-activities.js";
import type { ShardNeeds } from "./shard-needs.js";
import { NON_RETRYABLE } from "./failure-types.js";
import { readStagedJson } from "./staged-json.js";
import type { WorkerMetrics } from "./worker-metrics.js";
import type { ExportSummary, PublishInput, ShardRef, ShardResult, SnapshotResult, StepInput, ValidateInput, ValidationSummary } from "./snapshot-types.js";


export interface SnapshotActivityDeps {
  /** Root of every snapshot's staging folder (see snapshotStaging). */
  stagingRoot: string;
  /**
   * Builds one shard. Default: on a thread of a ShardPool of `shardThreads` (one per core), so this
   * process keeps heartbeating while the CPU works. Tests pass their own, to plant a fault.
   */
  buildShard?: (task: ShardTask, onProgress: (records: number) => void) => Promise<ShardSummary>;
  shardThreads?: number;
  /** Where S3 settings and credentials come from (SDH_S3_ENDPOINT, AWS_*): default this process's environment. */
  env?: NodeJS.ProcessEnv;
  /**
   * Staging shared by workers on several machines (`s3://bucket/prefix`): steps mirror their output
   * there and pull what they lack into `stagingRoot`, which is then each worker's local cache.
   */
  sharedStaging?: string;
  /** Merges the shards' gates (default validateShards); tests pass their own, to plant a faulty rule. */
  validate?: typeof validateShards;
  /** Called as each step begins; tests use it to fail the first attempts of a step. */
  beforeStep?: (step: "generateShard" | "planKeyRanges" | "checkKeyRanges" | "validateSnapshot" | "exportSnapshot" | "exportPart" | "collectParts" | "publishManifest", attempt: number) => void;
  /** Counts records, shards and bytes for the worker's /metrics (none: nothing is counted). */
  metrics?: WorkerMetrics;
}

/** Shards whose files a step brings from shared staging at once: their round trips overlap. */
const PARALLEL_PULLS = 16;

/** The snapshot workflow's activities, built from their dependencies. */
export function createSnapshotActivities({ stagingRoot, buildShard, shardThreads, beforeStep, env = process.env, sharedStaging, validate = validateShards, metrics }: SnapshotActivityDeps) {
  const mirror = new StagingMirror(resolve(stagingRoot), sharedStaging ? openStore(sharedStaging, env) : null);
  const rel = (path: string) => relative(mirror.localRoot, path);
  // Threads start on the first shard and stay for the next ones.
  const pool = buildShard ? null : new ShardPool(shardThreads ?? availableParallelism());
  // The parts this worker exports at once share its Parquet conversions: one per two shard threads.
  const parquetSlots = parquetSlotsFor(shardThreads ?? availableParallelism());
  const build = buildShard ?? ((task: ShardTask, onProgress: (records: number) => void) => pool!.build(task, onProgress));
  type Step = Parameters<NonNullable<SnapshotActivityDeps["beforeStep"]>>[0];
  // Every step but a shard first stops this worker's idle shard threads (ShardPool.retireIdle): their
  // heaps (~300 MB each) would otherwise stay for a few seconds and stack on the step's own memory.
  const begin = async (step: Step, attempt: number) => {
    if (step !== "generateShard") await pool?.retireIdle();
    beforeStep?.(step, attempt);
  };
  const checked = (config: SnapshotConfig): SnapshotConfig => {
    try {
      const parsed = withPackSettings(parseSnapshotConfig(config));
      const asOf = packOf(parsed).asOfProblem(parsed.asOf);
      if (asOf) throw ApplicationFailure.nonRetryable(`asOf ${asOf}`, NON_RETRYABLE.config);
      return parsed;
    } catch (error) {
      if (error instanceof ConfigError || error instanceof UnknownPackError) throw ApplicationFailure.nonRetryable(error.message, NON_RETRYABLE.config);
      throw error;
    }
  };
  /**
   * Every shard's summary (or those `need.only` keeps), the files `need` asks for brought here from
   * shared staging when they are elsewhere: the quality figures unless `quality` is false; the
   * segments with `segments`; with `keys`, "all" of each key file and index, or what a "ranged" check
   * needs here (nothing for sealed key files, which it reads by range; see shardFiles), or only the
   * "unbucketed" key files of shards staged before keys were bucketed (the plan counts their keys from
   * them). Shards are brought PARALLEL_PULLS at a time; each shard's files in order, its summary last.
   */
  const shardsOf = async (snapshotId: string, config: SnapshotConfig, need: ShardNeeds = {}): Promise<ShardSummary[]> => {
    const { shardsDir } = snapshotStaging(stagingRoot, snapshotId);
    const only = need.only ?? (() => true);
    const rules = keyRulesOf(config);
    const ranges = planShards(config.records, config.shardSize).filter(only);
    const one = async (range: (typeof ranges)[number]): Promise<ShardSummary> => {
      const task = { ...range, config, dir: join(shardsDir, shardFolderName(range.shard)) };
      const fingerprint = shardFingerprint(task);
      let summary = await existingShard(task.dir, fingerprint);
      let remoteText: string | null = null;
      if (!summary && mirror.shared) {
        const text = await mirror.readText(rel(join(task.dir, SHARD_SUMMARY)));
        const remote = text ? (JSON.parse(text) as ShardSummary) : null;
        if (remote?.fingerprint === fingerprint) {
          // Whatever this cache holds for the shard is from another build: the shared one replaces it.
          await rm(task.dir, { recursive: true, force: true });
          summary = remote;
          remoteText = text;
        }
      }
      // A missing shard means the generate step did not finish: retrying later may find it. A rerun
      // skipped that step, so waiting would not help.
      if (!summary && need.rerun) throw stagedMissing(`shard ${range.shard} of snapshot ${snapshotId} is not staged (${task.dir})`, "generateShard");
      if (!summary) throw ApplicationFailure.retryable(`shard ${range.shard} of snapshot ${snapshotId} is not built (staging ${task.dir})`, "ShardMissing");
      const files = shardFiles(summary, rules);
      const keys = need.keys === "all" ? files.keys : need.keys === "ranged" ? files.keysForRanges : need.keys === "unbucketed" ? files.keysForRanges.filter((f) => f.endsWith(".keys")) : [];
      const wanted = [...(need.quality === false ? [] : files.merge), ...keys, ...(need.segments ? files.segments : [])];
      await mirror.pull(wanted.map((f) => rel(join(task.dir, f))));
      // The summary last, as pull would (its presence says the rest is here): the text already read, or pulled.
      if (remoteText !== null) await mirror.keep(rel(join(task.dir, SHARD_SUMMARY)), remoteText);
      else await mirror.pull([rel(join(task.dir, files.commit))]);
      return summary;
    };
    const summaries: ShardSummary[] = new Array(ranges.length);
    // A failure is the first shard's in shard order, whichever lane met it first: the same error every attempt.
    await inLanes(ranges, PARALLEL_PULLS, async (range, i) => {
      summaries[i] = await one(range);
    });
    return summaries;
  };

  return {
    ...createPartActivities({ stagingRoot, mirror, env, metrics, beforeStep: begin, checked, shardsOf, nonRetryableIfCorrupt, stagedMissing, writeJson, parquetSlots }),
    ...createKeyCheckActivities({ stagingRoot, mirror, beforeStep: begin, checked, shardsOf, nonRetryableIfCorrupt }),

    /** Generates, validates and encodes one shard of households (with their persons, vehicles and profiles) into staging. */
    async generateShard(ref: ShardRef): Promise<ShardResult> {
      beforeStep?.("generateShard", activityInfo().attempt);
      const config = checked(ref.config);
      const { shardsDir } = snapshotStaging(stagingRoot, ref.snapshotId);
      const task: ShardTask = { config, shard: ref.shard, start: ref.start, end: ref.end, dir: join(shardsDir, shardFolderName(ref.shard)) };
      const fingerprint = shardFingerprint(task);
      // A rerun from generateShard builds the shard again, whatever staging holds.
      if (ref.rebuild) await rm(task.dir, { recursive: true, force: true });
      if (mirror.shared && !ref.rebuild) {
        const text = await mirror.readText(rel(join(task.dir, SHARD_SUMMARY)));
        const shared = text ? (JSON.parse(text) as ShardSummary) : null;
        if (shared?.fingerprint === fingerprint) {
          metrics?.shardReused(config.pack);
          return { shard: ref.shard, counts: shared.counts, reused: true };
        }
      }
      const before = await existingShard(task.dir, fingerprint);
      if (before && !mirror.shared) {
        metrics?.shardReused(config.pack);
        return { shard: ref.shard, counts: before.counts, reused: true };
      }
      heartbeat({ records: 0 });
      const root = packOf(config).spec.entities[0]!.name;
      const counted = metrics?.rootProgress(config.pack, root);
      const summary =
        before ??
        (await build(task, (records) => {
          heartbeat({ records });
          counted?.(records);
        }));
      if (before) metrics?.shardReused(config.pack);
      else {
        counted?.(summary.counts[root] ?? 0);
        metrics?.shardBuilt(config.pack, root, summary.counts, stagedBytes(summary));
      }
      const files = shardFiles(summary, keyRulesOf(config));
      // Shared staging: the shard's files go up with shard.json last, so a shard that is there is whole.
      await mirror.push([...files.segments, ...files.keys, ...files.merge, files.commit].map((f) => rel(join(task.dir, f))));
      return { shard: ref.shard, counts: summary.counts, reused: before !== null };
    },

    /**
     * Merges the shards' validation and quality, with what the key checks found across shards (or,
     * for a history from before they were activities of their own, checking every key here); a
     * failed gate fails the workflow, non-retryably.
     */
    async validateSnapshot({ snapshotId, config: raw, rerun, acrossShards }: ValidateInput): Promise<ValidationSummary> {
      await begin("validateSnapshot", activityInfo().attempt);
      const config = checked(raw);
      const staging = snapshotStaging(stagingRoot, snapshotId);
      const shards = await shardsOf(snapshotId, config, { rerun, ...(acrossShards ? {} : { keys: "all" }) });
      heartbeat();
      const { validation, quality } = await nonRetryableIfCorrupt(() => validate({ config, shardsDir: staging.shardsDir, shards, ...(acrossShards ? { acrossShards } : {}) }));
      await writeJson(staging.validationReport, validation);
      await writeJson(staging.qualityReport, quality);
      await mirror.push([rel(staging.qualityReport), rel(staging.validationReport)]);
      const summary = { passed: validation.passed, errors: validation.errors, warnings: validation.warnings, counts: validation.counts };
      if (!validation.passed) {
        const failing = validation.rules.filter((r) => r.failures > 0).map(({ code, severity, failures, examples }) => ({ code, severity, failures, examples: examples.slice(0, 2) }));
        throw ApplicationFailure.nonRetryable(`${validationSummary(validation)}; report: ${staging.validationReport}`, NON_RETRYABLE.validation, { ...summary, failing });
      }
      return summary;
    },

    /** Writes the data files (CSV, JSON, Parquet) from the shards into the staged bundle. */
    async exportSnapshot({ snapshotId, config: raw, rerun }: StepInput): Promise<ExportSummary> {
      await begin("exportSnapshot", activityInfo().attempt);
      const config = checked(raw);
      const staging = snapshotStaging(stagingRoot, snapshotId);
      const planned = await shardsOf(snapshotId, config, { rerun });
      const fingerprint = planned.map((s) => s.fingerprint).join(",");
      // A rerun exports again: the export code may have been fixed since.
      const recorded = rerun ? null : await mirror.readText(rel(staging.exportRecord));
      if (recorded) {
        const parsed = ExportRecord.safeParse((() => {
          try {
            return JSON.parse(recorded);
          } catch {
            return null; // a damaged record is not reused: the export runs again
          }
        })());
        const record = parsed.success ? parsed.data : { fingerprint: "", summary: { files: 0, bytes: 0 }, files: [] };
        // Reused only while its files are still staged: publishing to a folder moves them out.
        const staged = mirror.shared || record.files.every((f) => existsSync(join(staging.bundleDir, f.path)));
        if (record.fingerprint === fingerprint && staged) return record.summary;
      }
      const shards = mirror.shared ? await shardsOf(snapshotId, config, { segments: true }) : planned;
      // Whatever an interrupted attempt left is replaced: the same shards give the same bytes.
      await rm(staging.bundleDir, { recursive: true, force: true });
      await rm(staging.exportRecord, { force: true });
      await mkdir(staging.bundleDir, { recursive: true });
      const beat = setInterval(() => heartbeat(), 5_000);
      try {
        const files = await nonRetryableIfCorrupt(() => exportLayoutFiles({ config, snapshotId, shardsDir: staging.shardsDir, shards, dir: staging.bundleDir, partBytes: DEFAULT_PART_BYTES }));
        const summary = { files: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0) };
        metrics?.exported(summary.bytes);
        await writeJson(staging.exportRecord, { fingerprint, summary, files });
        // export.json last: it says the bundle's data files are all there.
        await mirror.push([...files.map((f) => rel(join(staging.bundleDir, f.path))), rel(staging.exportRecord)]);
        return summary;
      } finally {
        clearInterval(beat);
      }
    },

    /** Completes the bundle (documents, reports, manifest last) and publishes it to the target. */
    async publishManifest({ snapshotId, config: raw, target, generatedAt, rerun }: PublishInput): Promise<SnapshotResult> {
      await begin("publishManifest", activityInfo().attempt);
      const config = checked(raw);
      const staging = snapshotStaging(stagingRoot, snapshotId);
      const destination = parseTarget(target);
      const location = destination.kind === "local" ? publishedFolder(destination.path, snapshotId) : target;
      // An earlier attempt moved the bundle into place and then lost its worker: it is published.
      if (destination.kind === "local" && !existsSync(staging.bundleDir) && existsSync(join(location, BUNDLE_FILES.manifest))) {
        return resultOf(snapshotId, location, JSON.parse(await readFile(join(location, BUNDLE_FILES.manifest), "utf8")) as Manifest, true);
      }
      // Shared staging: the export may have run on another machine. Unless this cache holds that very
      // export, its copy is replaced by the shared one.
      if (mirror.shared) {
        const shared = await mirror.readText(rel(staging.exportRecord));
        const local = existsSync(staging.exportRecord) ? await readFile(staging.exportRecord, "utf8") : null;
        if (shared !== local) {
          for (const path of [staging.bundleDir, staging.exportRecord, staging.validationReport, staging.qualityReport]) await rm(path, { recursive: true, force: true });
        }
      }
      await mirror.pull([rel(staging.exportRecord), rel(staging.validationReport), rel(staging.qualityReport)]);
      if (rerun) {
        for (const [path, step] of [[staging.validationReport, "validateSnapshot"], [staging.exportRecord, "exportSnapshot"]] as const) {
          if (!existsSync(path)) throw stagedMissing(`${path} is not staged`, step);
        }
      }
      const { files, uploadedTo } = await readStagedJson(staging.exportRecord, "exportSnapshot", ExportRecord);
      // Parts layout on S3: each part's worker stored its files at the target already (exportPart).
      if (uploadedTo !== undefined && (uploadedTo !== target || destination.kind !== "s3")) throw stagedMissing(`the staged export's files were uploaded to ${uploadedTo}, not to ${target}`, "exportSnapshot");
      const alreadyStored = uploadedTo === undefined ? undefined : new Set(files.map((f) => f.path));
      if (!alreadyStored) {
        await mirror.pull(files.map((f) => rel(join(staging.bundleDir, f.path))));
        // Publishing to a folder moves the staged files out: a rerun from here must export again.
        const gone = files.filter((f) => !existsSync(join(staging.bundleDir, f.path)));
        if (rerun && gone.length) throw stagedMissing(`${gone.length} exported file(s) are no longer staged (e.g. ${gone[0]!.path}; publishing to a folder moves them)`, "exportSnapshot");
        heartbeat({ step: "check staged files" });
        // Every exported file is what the export recorded, whichever worker or cache it came from.
        await nonRetryableIfCorrupt(async () => {
          for (const f of files) {
            heartbeat({ step: "check staged files", file: f.path });
            ensureDigest(join(staging.bundleDir, f.path), await fileDigest(join(staging.bundleDir, f.path)), f, "exportSnapshot");
          }
        });
      }
      const validation = await readStagedJson(staging.validationReport, "validateSnapshot", ValidationReport);
      // Never published, however the run got here (a rerun that skipped validation included).
      if (!validation.passed) throw ApplicationFailure.nonRetryable(`the staged validation report failed: ${validationSummary(validation)}; report: ${staging.validationReport}`, NON_RETRYABLE.validation);
      const quality = await readStagedJson(staging.qualityReport, "validateSnapshot", QualityReport);
      // Documents from an interrupted attempt are written again, with the same bytes.
      await mkdir(staging.bundleDir, { recursive: true });
      await removeDocuments(staging.bundleDir, new Set(files.map((f) => f.path)));
      const manifest = await writeBundleDocuments({ config, snapshotId, dir: staging.bundleDir, files, validation, quality, now: () => new Date(generatedAt) });
      try {
        if (destination.kind === "local") {
          // Same file system: the bundle is moved into place; then latest.json moves forward.
          const { reused } = await publishToFolder(staging.bundleDir, destination.path, snapshotId);
          if (!reused) metrics?.published("folder", manifest.files.reduce((n, f) => n + f.bytes, 0));
          await moveLatest(new LocalStore(destination.path), manifest);
          return resultOf(snapshotId, location, manifest, reused);
        }
        // Heartbeats carry the bytes uploaded; a cancelled or superseded attempt (its heartbeat refused)
        // aborts its uploads through the signal instead of racing the attempt that replaced it.
        let uploaded = 0;
        const published = await publishSnapshot(staging.bundleDir, openStore(target, env), {
          ...(alreadyStored ? { alreadyStored } : {}),
          build: buildOf(snapshotId),
          signal: Context.current().cancellationSignal,
          onBytes: (bytes) => {
            uploaded += bytes;
            metrics?.published("s3", bytes);
            heartbeat({ step: "publish", bytesUploaded: uploaded });
          },
          onFile: () => heartbeat({ step: "publish", bytesUploaded: uploaded }),
        });
        return resultOf(snapshotId, published.location, manifest, published.reused);
      } catch (error) {
        if (error instanceof PublishConflictError) throw ApplicationFailure.nonRetryable(error.message, NON_RETRYABLE.conflict);
        // A target whose manifest is not a manifest will not become one by retrying.
        if (error instanceof InvalidStoredDocument) throw ApplicationFailure.nonRetryable(error.message, NON_RETRYABLE.invalidTarget);
        // S3 refused the request itself (a checksum mismatch, a malformed key): the same upload fails the same way.
        if (error instanceof PermanentStoreError) throw ApplicationFailure.nonRetryable(error.message, NON_RETRYABLE.refused);
        throw error;
      }
    },
  };
}

export type SnapshotActivities = ReturnType<typeof createSnapshotActivities>;

/** A corrupt staged file fails the same way on every attempt: non-retryable, naming the file and the step to rerun from. */
export async function nonRetryableIfCorrupt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StagedArtifactError) throw ApplicationFailure.nonRetryable(error.message, NON_RETRYABLE.corrupt, { path: error.path, rerunFrom: error.rerunFrom });
    throw error;
  }
}

/** Staged output a rerun relies on is not there: say which step to rerun from instead. */
function stagedMissing(what: string, rerunFrom: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`${what}: the steps before this rerun's first step must have run; rerun --from ${rerunFrom}`, NON_RETRYABLE.staged);
}

/** What a shard wrote to staging: its segments with their indexes, and its key and quality files. */
function stagedBytes(summary: ShardSummary): number {
  let bytes = 0;
  for (const s of summary.segments) bytes += s.bytes + s.index.bytes;
  for (const a of Object.values(summary.artifacts)) bytes += a.bytes;
  return bytes;
}

function resultOf(snapshotId: string, location: string, manifest: Manifest, alreadyPublished: boolean): SnapshotResult {
  return {
    snapshotId,
    location,
    counts: manifest.counts,
    files: manifest.files.length,
    bytes: manifest.files.reduce((n, f) => n + f.bytes, 0),
    validation: manifest.validation,
    alreadyPublished,
  };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Removes everything in the bundle folder but the data files (and the entity folders the parts layout keeps them in). */
async function removeDocuments(dir: string, dataFiles: ReadonlySet<string>): Promise<void> {
  const kept = new Set([...dataFiles].map((path) => path.split("/")[0]!));
  for (const entry of await readdir(dir)) if (!kept.has(entry)) await rm(join(dir, entry), { recursive: true, force: true });
}
