// All workflow code. Runs in Temporal's deterministic sandbox: it imports only @temporalio/workflow,
// and activities and shared types only as types (enforced by lint; CI bundles it).
import { ApplicationFailure, defineQuery, executeChild, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from "@temporalio/workflow";
import type { SearchAttributeKey } from "@temporalio/common/lib/search-attributes.js";
import type { Activities } from "./activities.js";
import type { KeyRange, RuleFailures } from "@sdh/validation";
import type { KeyCheckRef, PartRef, RerunStep, ScheduledSnapshot, ShardRef, ShardResult, SnapshotInput, SnapshotProgress, SnapshotResult, SnapshotStep } from "./snapshot-types.js";

const { healthcheck } = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: { maximumAttempts: 3 },
});

export interface HealthcheckResult {
  workflowId: string;
  echoed: string;
  activityHost: string;
}

/** A round trip through the server, a worker and an activity: what `sdh doctor` runs. */
export async function healthcheckWorkflow(message: string): Promise<HealthcheckResult> {
  const { echoed, host } = await healthcheck(message);
  return { workflowId: workflowInfo().workflowId, echoed, activityHost: host };
}

/** Transient faults (a full disk, a lost worker) retry with backoff; these never do. */
const NON_RETRYABLE_TYPES = ["InvalidConfig", "ValidationFailed", "PublishConflict"];
const RETRY = { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "1 minute", maximumAttempts: 10, nonRetryableErrorTypes: NON_RETRYABLE_TYPES };

/** Shards above this count run in child workflows of this many each, so no history grows past a few thousand events. */
export const SHARDS_PER_CHILD = 500;

export const progressQuery = defineQuery<SnapshotProgress>("progress");

/**
 * Builds a snapshot: every shard (generate its households with their persons, vehicles and profiles,
 * validate and encode them: one activity, see ADR 0008), then validateSnapshot → exportSnapshot →
 * publishManifest. In the parts layout the export is one exportPart per part, on any worker, each
 * uploading its own files to an S3 target, then collectParts (ADR 0028). Activities pass references and counts, never records. A failed validation fails
 * the workflow with the report's summary, and nothing is published.
 */
export async function snapshotWorkflow(input: SnapshotInput): Promise<SnapshotResult> {
  const { config, snapshotId } = input;
  checkRunOptions(input);
  const shards = planShards(snapshotId, input);
  // A rerun skips the steps before `from` (their output is staged) and redoes the rest.
  const from = STEP_ORDER[input.from ?? "generateShard"];
  const rerun = (step: RerunStep) => (input.from !== undefined && STEP_ORDER[step] >= from ? { rerun: true } : {});
  const progress: SnapshotProgress = { step: "generate", shardsDone: 0, shardsTotal: shards.length, recordsDone: 0, recordsTotal: config.records, counts: null };
  setHandler(progressQuery, () => progress);
  const step = (next: SnapshotStep) => {
    progress.step = next;
  };
  const done = (shard: ShardRef) => {
    progress.shardsDone++;
    progress.recordsDone += shard.end - shard.start;
  };

  if (from > STEP_ORDER.generateShard) {
    progress.shardsDone = shards.length;
    progress.recordsDone = config.records;
  } else if (shards.length <= SHARDS_PER_CHILD) {
    await runShardActivities(shards, input, done);
  } else {
    // Children run one after another (each fans out itself), so the fan-out stays bounded.
    for (let first = 0; first < shards.length; first += SHARDS_PER_CHILD) {
      // The child gets the range, not the shard list: its input stays a few hundred bytes.
      const results = await executeChild(shardBatchWorkflow, {
        workflowId: `${workflowInfo().workflowId}-shards-${first}`,
        args: [{ input, from: first, to: Math.min(shards.length, first + SHARDS_PER_CHILD) }],
      });
      progress.shardsDone += results.shards;
      progress.recordsDone += results.records;
    }
  }

  if (from <= STEP_ORDER.validateSnapshot) {
    step("validate");
    // Uniqueness across shards is checked by key range on any worker (ADR 0028). Runs started before
    // this code (whose history holds one validateSnapshot) replay as they ran: it checked every key.
    const acrossShards = patched(DISTRIBUTED_GATE) ? await checkKeysAcrossShards(shards.length, input, progress, rerun("validateSnapshot")) : undefined;
    const validation = await stepActivities(`validate ${shards.length} shard(s): every rule, foreign keys across shards`).validateSnapshot({ snapshotId, config, ...(acrossShards ? { acrossShards } : {}), ...rerun("validateSnapshot") });
    progress.counts = validation.counts;
  }
  if (from <= STEP_ORDER.exportSnapshot) {
    step("export");
    // The parts layout exports part by part on any worker (ADR 0028). Runs started before this code
    // (whose history holds one exportSnapshot) replay as they ran: there, exportSnapshot makes every part.
    if (config.layout?.kind === "parts" && patched(DISTRIBUTED_EXPORT)) {
      const parts = planParts(input);
      progress.partsDone = 0;
      progress.partsTotal = parts.length;
      const partDone = () => {
        progress.partsDone!++;
      };
      if (parts.length <= SHARDS_PER_CHILD) await runPartActivities(parts, input, partDone);
      else {
        for (let first = 0; first < parts.length; first += SHARDS_PER_CHILD) {
          progress.partsDone += await executeChild(partBatchWorkflow, {
            workflowId: `${workflowInfo().workflowId}-parts-${first}`,
            args: [{ input, from: first, to: Math.min(parts.length, first + SHARDS_PER_CHILD) }],
          });
        }
      }
      await stepActivities(`collect ${parts.length} part(s)`).collectParts({ snapshotId, config, target: input.target, ...rerun("exportSnapshot") });
    } else {
      await stepActivities(`export ${config.formats.join(", ")}`).exportSnapshot({ snapshotId, config, ...rerun("exportSnapshot") });
    }
  }
  step("publish");
  // publishManifest refuses a staged validation report that failed, so skipping validation never publishes a failed snapshot.
  const result = await stepActivities(`publish to ${input.target}`).publishManifest({ snapshotId, config, target: input.target, generatedAt: workflowInfo().startTime.toISOString(), ...rerun("publishManifest") });
  progress.counts = result.counts;
  step("done");
  return result;
}

/** Where a rerun may start, in the order the steps run. */
const STEP_ORDER: Record<RerunStep, number> = { generateShard: 0, validateSnapshot: 1, exportSnapshot: 2, publishManifest: 3 };

/** Set by the server on every run a schedule starts (a backfill's too): the time the run was scheduled for. */
const SCHEDULED_START_TIME: SearchAttributeKey<"DATETIME"> = { name: "TemporalScheduledStartTime", type: "DATETIME" };

/**
 * What a schedule starts: decides the night's snapshot from the time the run was scheduled for (not
 * when it started, so a backfilled night gets that night's seed), then builds it as the child
 * `snapshot-v0_9-<snapshotId>`, the same workflow `sdh snapshot run` starts, so status, cancel and
 * rerun find it by its snapshot id.
 */
export async function scheduledSnapshotWorkflow(spec: ScheduledSnapshot): Promise<SnapshotResult> {
  const scheduledAt = workflowInfo().typedSearchAttributes.get(SCHEDULED_START_TIME) ?? workflowInfo().startTime;
  const { planScheduledSnapshot } = proxyLocalActivities<Activities>({ startToCloseTimeout: "1 minute" });
  const plan = await planScheduledSnapshot(spec, scheduledAt.toISOString());
  const seen = plan.visibility ? { memo: plan.visibility.memo, staticSummary: plan.visibility.summary, ...(plan.visibility.searchAttributes.length ? { typedSearchAttributes: plan.visibility.searchAttributes } : {}) } : {};
  return executeChild(snapshotWorkflow, { workflowId: plan.workflowId, args: [plan.input], ...seen });
}

/** Shards `from` to `to` (exclusive) of a large snapshot; returns only totals, so the parent's history stays small. */
export async function shardBatchWorkflow({ input, from, to }: { input: SnapshotInput; from: number; to: number }): Promise<{ shards: number; records: number }> {
  const shards = planShards(input.snapshotId, input).slice(from, to);
  let records = 0;
  await runShardActivities(shards, input, (shard) => {
    records += shard.end - shard.start;
  });
  return { shards: shards.length, records };
}

/** Parts `from` to `to` (exclusive) of a snapshot with more parts than one history should hold; returns how many ran. */
export async function partBatchWorkflow({ input, from, to }: { input: SnapshotInput; from: number; to: number }): Promise<number> {
  const parts = planParts(input).slice(from, to);
  await runPartActivities(parts, input, () => undefined);
  return parts.length;
}

/** The patch that moved the parts layout's export into one activity per part. */
const DISTRIBUTED_EXPORT = "distributed-export";
/** The patch that moved the check of uniqueness across shards into activities per batch of key ranges. */
const DISTRIBUTED_GATE = "distributed-gate";

/**
 * Plans the key ranges (one activity, from the shards' summaries), then checks them in batches of
 * about a million keys, at most `maxParallelShards` at once, each on whichever worker takes it.
 * Returns what they found, in batch order: the same whatever the worker count or timing.
 */
async function checkKeysAcrossShards(shardCount: number, input: SnapshotInput, progress: SnapshotProgress, rerun: { rerun?: boolean }): Promise<RuleFailures[]> {
  const { snapshotId, config, keysPerCheck } = input;
  if (shardCount < 2) return [];
  const batches = await stepActivities(`plan the key checks across ${shardCount} shards`).planKeyRanges({ snapshotId, config, ...(keysPerCheck === undefined ? {} : { keysPerCheck }), ...rerun });
  const refs: KeyCheckRef[] = batches.map((ranges, batch) => ({ snapshotId, config, batch, ranges, ...rerun }));
  progress.keyChecksDone = 0;
  progress.keyChecksTotal = refs.length;
  if (refs.length <= SHARDS_PER_CHILD) {
    return runKeyCheckActivities(refs, refs.length, input, () => {
      progress.keyChecksDone!++;
    });
  }
  const found: RuleFailures[][] = [];
  for (let first = 0; first < refs.length; first += SHARDS_PER_CHILD) {
    // The child gets the config once, with its batches' ranges: not one config per batch, which with a
    // recipe's config would put the input past Temporal's payload limit.
    const child = await executeChild(keyCheckBatchWorkflow, {
      workflowId: `${workflowInfo().workflowId}-keys-${first}`,
      args: [{ input, first, batches: batches.slice(first, first + SHARDS_PER_CHILD), ...rerun, total: refs.length }],
    });
    progress.keyChecksDone += child.batches;
    found.push(child.found);
  }
  return mergeFindings(found);
}

/** A child's share of the key checks: its batches' ranges, numbered from `first`. */
export interface KeyCheckChildInput {
  input: SnapshotInput;
  first: number;
  batches: KeyRange[][];
  rerun?: boolean;
  total: number;
}

/** Batches of key ranges of a snapshot with more than one history should hold; returns how many ran and what they found, merged. */
export async function keyCheckBatchWorkflow(child: KeyCheckChildInput | { input: SnapshotInput; refs: KeyCheckRef[]; total: number }): Promise<{ batches: number; found: RuleFailures[] }> {
  const { input, total } = child;
  // A child started before its input carried ranges alone (2026-12-04) got whole refs: still run.
  const refs =
    "refs" in child
      ? child.refs
      : child.batches.map((ranges, i) => ({ snapshotId: input.snapshotId, config: input.config, batch: child.first + i, ranges, ...(child.rerun ? { rerun: true } : {}) }));
  return { batches: refs.length, found: await runKeyCheckActivities(refs, total, input, () => undefined) };
}

/**
 * Examples kept per rule when findings are merged: the report keeps its first five (MAX_EXAMPLES in
 * @sdh/validation, which this sandboxed code cannot import), so keeping five changes nothing in it.
 */
const EXAMPLES_KEPT = 5;

/**
 * The batches' findings in batch order, merged per rule: counts added, the first examples kept. So a
 * snapshot failing in every batch still hands validateSnapshot a small input, and its report is
 * the one the findings one by one would give.
 */
function mergeFindings(batches: ReadonlyArray<readonly RuleFailures[]>): RuleFailures[] {
  const merged = new Map<string, RuleFailures>();
  for (const found of batches) {
    for (const f of found) {
      const into = merged.get(f.code) ?? merged.set(f.code, { code: f.code, count: 0, examples: [] }).get(f.code)!;
      into.count += f.count;
      into.examples.push(...f.examples.slice(0, EXAMPLES_KEPT - into.examples.length));
    }
  }
  return [...merged.values()];
}

/**
 * Runs one checkKeyRanges activity per batch, at most `maxParallelShards` in flight (a lost worker's
 * batch is retried elsewhere after its heartbeat timeout); returns their findings merged, in batch order.
 */
async function runKeyCheckActivities(refs: readonly KeyCheckRef[], total: number, input: SnapshotInput, done: () => void): Promise<RuleFailures[]> {
  const found: RuleFailures[][] = [];
  await inLanes(refs, input.maxParallelShards, async (ref, i) => {
    const { checkKeyRanges } = proxyActivities<Activities>({
      startToCloseTimeout: "30 minutes",
      heartbeatTimeout: input.shardHeartbeatTimeout ?? "2 minutes",
      retry: RETRY,
      summary: `key check ${ref.batch + 1} of ${total}: ${describeRanges(ref)}`,
    });
    found[i] = (await checkKeyRanges(ref)).found;
    done();
  });
  return mergeFindings(found);
}

/** "UNIQUE_PERSON_ID buckets 0-127, …" for the Web UI. */
function describeRanges(ref: KeyCheckRef): string {
  const shown = ref.ranges.slice(0, 3).map((r) => `${r.rule} buckets ${r.from}-${r.to - 1}`);
  return ref.ranges.length > 3 ? `${shown.join(", ")} and ${ref.ranges.length - 3} more` : shown.join(", ");
}

/**
 * Runs one exportPart activity per part with at most `maxParallelShards` in flight: each exports its
 * part on whichever worker takes it and uploads it to an S3 target itself. A part may be many shards'
 * export, so it has the whole-snapshot steps' two hours; it heartbeats every 5 s, so a lost worker's
 * part is retried elsewhere after the heartbeat timeout, and the other parts are kept.
 */
async function runPartActivities(parts: PartRef[], input: SnapshotInput, done: () => void): Promise<void> {
  const roots = input.config.layout?.kind === "parts" ? input.config.layout.roots : input.config.records;
  const total = Math.ceil(input.config.records / roots);
  await inLanes(parts, input.maxParallelShards, async (part) => {
    const { exportPart } = proxyActivities<Activities>({
      startToCloseTimeout: "2 hours",
      heartbeatTimeout: input.shardHeartbeatTimeout ?? "2 minutes",
      retry: RETRY,
      summary: `part ${part.part + 1} of ${total}: root records ${part.start}–${part.end - 1}`,
    });
    await exportPart(part);
    done();
  });
}

/** The parts of a parts-layout snapshot (pure arithmetic, as the activities plan them). */
function planParts({ config, snapshotId, target, from }: SnapshotInput): PartRef[] {
  if (config.layout?.kind !== "parts") return [];
  const refs: PartRef[] = [];
  for (let start = 0, part = 0; start < config.records; start += config.layout.roots, part++) {
    refs.push({ snapshotId, config, part, start, end: Math.min(config.records, start + config.layout.roots), target, ...(from !== undefined && STEP_ORDER[from] <= STEP_ORDER.exportSnapshot ? { rerun: true } : {}) });
  }
  return refs;
}

/** Runs `work` over `items` in order, with at most `width` (default 16) at once. */
async function inLanes<T>(items: readonly T[], width: number | undefined, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width ?? 16, items.length)) }, lane));
}

/** Runs the shard activities with at most `maxParallelShards` in flight. */
async function runShardActivities(shards: ShardRef[], input: SnapshotInput, done: (shard: ShardRef, result: ShardResult) => void): Promise<void> {
  const options = {
    // Sized to a shard: 50,000 households take ~10 s of one core; a slow disk or busy machine gets room.
    startToCloseTimeout: "30 minutes",
    heartbeatTimeout: input.shardHeartbeatTimeout ?? "60 seconds",
    retry: RETRY,
  } as const;
  const total = Math.ceil(input.config.records / input.config.shardSize);
  await inLanes(shards, input.maxParallelShards, async (shard) => {
    // The Web UI's summary of the activity: which shard, which root records.
    const { generateShard } = proxyActivities<Activities>({ ...options, summary: `shard ${shard.shard + 1} of ${total}: root records ${shard.start}–${shard.end - 1}` });
    done(shard, await generateShard(shard));
  });
}

/** The whole-snapshot steps: long (an export of 1M households writes ~4 GB), heartbeating, retried. */
function stepActivities(summary: string) {
  return proxyActivities<Activities>({
    startToCloseTimeout: "2 hours",
    heartbeatTimeout: "2 minutes",
    retry: RETRY,
    summary,
  });
}

/**
 * The run's own numbers, checked before any step: the input is JSON from any client, and a lane count
 * that is not a number would start no lane at all (every shard skipped), a keysPerCheck of 0 would
 * fail only after every shard was built.
 */
function checkRunOptions({ maxParallelShards, keysPerCheck }: SnapshotInput): void {
  for (const [name, value] of [["maxParallelShards", maxParallelShards], ["keysPerCheck", keysPerCheck]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw ApplicationFailure.nonRetryable(`${name} must be a whole number of at least 1 when given (got ${JSON.stringify(value)})`, "InvalidConfig");
    }
  }
}

/** The shards of a snapshot: `config.shardSize` households each (pure arithmetic, as the exporters plan them). */
function planShards(snapshotId: string, { config, from }: SnapshotInput): ShardRef[] {
  if (!Number.isInteger(config.records) || !Number.isInteger(config.shardSize) || config.shardSize < 1) {
    throw ApplicationFailure.nonRetryable(`config.records and config.shardSize must be whole numbers (got ${config.records}, ${config.shardSize})`, "InvalidConfig");
  }
  const refs: ShardRef[] = [];
  for (let start = 0, shard = 0; start < config.records; start += config.shardSize, shard++) {
    refs.push({ snapshotId, config, shard, start, end: Math.min(config.records, start + config.shardSize), ...(from === "generateShard" ? { rebuild: true } : {}) });
  }
  return refs;
}
