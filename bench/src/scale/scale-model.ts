/**
 * The scale model of a snapshot build (issue 37): what a build of H households costs on N workers of
 * K cores, from per-row costs measured on this machine (`calibrate`, from one `runs/phases.ts` run).
 * It models the build as it is today: shards spread over every core of every worker; then the check of
 * uniqueness across shards, in batches of about a million keys over every core (ADR 0028); then, in
 * the single-file layout, one machine assembles and converts every data file, writes the documents
 * and uploads the bundle (in the parts layout, one activity per part on any core). Pure arithmetic and
 * a list-scheduling simulation of the shards, key checks and parts; no I/O.
 */

/** One measured build, as runs/phases.ts prints it. */
export interface PhaseRun {
  households: number;
  workers: number;
  shards: number;
  rows: number;
  bytes: number;
  files: number;
  fileBytes: number[];
  keyBytes: number;
  /** Uniqueness rules: one key file a rule a shard (runs recorded before 2026-12-04 lack it: the P&C pack's 16). */
  keyRules?: number;
  steps: Record<"shards" | "validate" | "export" | "documents", { seconds: number; cpuSeconds: number }>;
  peakRssMb: number;
}

/** Per-row and fixed costs, from one run. */
export interface Calibration {
  households: number;
  rowsPerHousehold: number;
  bytesPerHousehold: number;
  /** Each data file's bytes per household (the files of one entity and format scale together). */
  fileBytesPerHousehold: number[];
  /** Bytes of the shards' key files per household: 16 per key (packed), what the key checks read. */
  keyBytesPerHousehold: number;
  /** Uniqueness rules, each with a key file in every shard. */
  keyRules: number;
  /** One core's seconds per row of the shard step (generate, check, profile, encode). */
  shardSecondsPerRow: number;
  /** A shard's fixed cost: thread start, reference tables, opening files. */
  shardOverheadSeconds: number;
  /** Wall seconds per row of the validate step (the key checks, then the merge), and of the one-machine export. */
  validateSecondsPerRow: number;
  exportSecondsPerRow: number;
  documentsSeconds: number;
}

export interface Plan {
  households: number;
  workers: number;
  coresPerWorker: number;
  shardSize: number;
  /** Upload throughput of the machine that publishes, bytes/s: an assumption, not a measurement. */
  publishBytesPerSecond?: number;
  /**
   * The parts layout (ADR 0028): root records per part. Each part is exported and uploaded by one
   * activity on any core of any worker (a worker's upload throughput shared by its cores), and the
   * publish step uploads only the documents.
   */
  partRoots?: number;
  /**
   * A build in one process (`sdh generate`, the calibration): the key checks run one after another on
   * one core. Otherwise (through Temporal) one activity per batch, in lanes over every core.
   */
  inProcess?: boolean;
  /**
   * Seconds of one ranged GET of shared staging (a key check reads each shard's part of each range
   * with one), PARALLEL_STAGING_READS at a time: an assumption, not a measurement. Without it the
   * reads cost nothing (one machine's folder).
   */
  stagingReadSeconds?: number;
}

export interface Prediction {
  shards: number;
  shardSeconds: number;
  validateSeconds: number;
  exportSeconds: number;
  documentsSeconds: number;
  /** Seconds to upload the bundle from the one machine that publishes (0 without a throughput). */
  publishSeconds: number;
  totalSeconds: number;
  /** The longest single activity: a shard, a batch of key checks, a part, or one of the one-machine steps. */
  longestActivity: { name: string; seconds: number };
  s3: { requests: number; bytes: number; files: number };
  /** Batches of key ranges the uniqueness check across shards runs (one activity each, any core of any worker). */
  keyChecks: number;
  /** What the key checks read from shared staging: one ranged GET a shard a range, and each shard's index of a rule once (an upper bound: only where values did not pack). */
  stagingReads: { requests: number; bytes: number };
}

/** Keys one batch of key checks holds at most (@sdh/validation's KEYS_PER_RANGE; kept here so the model's tests load no package). */
export const KEYS_PER_CHECK = 1_000_000;

/**
 * The key files' layout as the model counts it (@sdh/validation's KEY_BUCKETS, @sdh/exporters'
 * SEAL_BYTES, and the shards a check reads at once, PARALLEL_KEY_READS); write-scale-model.ts refuses to
 * run when they differ from the code's. INDEX_BYTES is a rule's index of a shard with no unpacked value
 * (its 256 counts), about its size at 50,000 households a shard.
 */
export const KEY_FILE_SIZES = { KEY_BUCKETS: 256, SEAL_BYTES: 32, PARALLEL_STAGING_READS: 16, INDEX_BYTES: 1_500 } as const;

/**
 * The sizes the model counts with: files at or above MULTIPART_THRESHOLD are uploaded in parts of
 * S3_PART_BYTES (storage's MULTIPART_THRESHOLD and PART_BYTES), and the exporter splits a file at
 * FILE_PART_BYTES (DEFAULT_PART_BYTES). Kept here so the model's tests load neither package;
 * write-scale-model.ts refuses to run when they differ from the code's.
 */
export const MODEL_SIZES = { MULTIPART_THRESHOLD: 64 * 1024 * 1024, S3_PART_BYTES: 16 * 1024 * 1024, FILE_PART_BYTES: 1024 ** 3 } as const;
const { MULTIPART_THRESHOLD, S3_PART_BYTES, FILE_PART_BYTES } = MODEL_SIZES;
/** Documents besides the data files: manifest, metadata, reports, schemas, data package, checksums, latest.json. */
const DOCUMENT_REQUESTS = 12;

export function calibrate(run: PhaseRun, shardSize: number): Calibration {
  const rowsPerHousehold = run.rows / run.households;
  const shardSecondsPerRow = run.steps.shards.cpuSeconds / run.rows;
  // The shard step's wall time is its longest lane; what the rows do not explain is the fixed cost.
  const lanes = simulateLanes(shardRows(run.households, shardSize, rowsPerHousehold), Math.min(run.workers, run.shards), shardSecondsPerRow, 0);
  return {
    households: run.households,
    rowsPerHousehold,
    bytesPerHousehold: run.bytes / run.households,
    fileBytesPerHousehold: run.fileBytes.map((b) => b / run.households),
    keyBytesPerHousehold: run.keyBytes / run.households,
    keyRules: run.keyRules ?? 16,
    shardSecondsPerRow,
    shardOverheadSeconds: Math.max(0, run.steps.shards.seconds - lanes.makespan) / Math.max(1, lanes.waves),
    validateSecondsPerRow: run.steps.validate.seconds / run.rows,
    exportSecondsPerRow: run.steps.export.seconds / run.rows,
    documentsSeconds: run.steps.documents.seconds,
  };
}

/** Rows of each shard, in shard order (the last one partial). */
export function shardRows(households: number, shardSize: number, rowsPerHousehold: number): number[] {
  const out: number[] = [];
  for (let start = 0; start < households; start += shardSize) out.push(Math.min(shardSize, households - start) * rowsPerHousehold);
  return out;
}

/**
 * The shard step as the workflow runs it: each free slot (a core of a worker) takes the next shard in
 * order. Returns when the last lane finishes, and how many rounds the busiest slot ran.
 */
export function simulateLanes(rows: readonly number[], slots: number, secondsPerRow: number, overheadSeconds: number): { makespan: number; waves: number; longest: number } {
  const free = new Array<number>(Math.max(1, slots)).fill(0);
  const taken = new Array<number>(free.length).fill(0);
  let longest = 0;
  for (const r of rows) {
    let k = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[k]!) k = i;
    const seconds = r * secondsPerRow + overheadSeconds;
    longest = Math.max(longest, seconds);
    free[k]! += seconds;
    taken[k]!++;
  }
  return { makespan: Math.max(...free), waves: Math.max(...taken), longest };
}

/** S3 requests and bytes to upload a bundle whose data files are these sizes (split at `splitAt`, 1 GiB, first; parts are never split). */
export function s3Traffic(fileBytes: readonly number[], splitAt: number = FILE_PART_BYTES): { requests: number; bytes: number; files: number } {
  let requests = DOCUMENT_REQUESTS;
  let files = 0;
  let bytes = 0;
  for (const size of fileBytes) {
    const parts = Math.max(1, Math.ceil(size / splitAt));
    for (let p = 0; p < parts; p++) {
      const part = parts === 1 ? size : p < parts - 1 ? splitAt : size - splitAt * (parts - 1);
      files++;
      bytes += part;
      // A multipart upload is a create, its parts and a complete; a small file is one PUT.
      requests += part >= MULTIPART_THRESHOLD ? 2 + Math.ceil(part / S3_PART_BYTES) : 1;
    }
  }
  return { requests, bytes, files };
}

export function predict(plan: Plan, cal: Calibration): Prediction {
  const rows = plan.households * cal.rowsPerHousehold;
  const shards = shardRows(plan.households, plan.shardSize, cal.rowsPerHousehold);
  const lanes = simulateLanes(shards, plan.workers * plan.coresPerWorker, cal.shardSecondsPerRow, cal.shardOverheadSeconds);
  const checks = keyChecks(plan, cal, rows, shards.length);
  const { exportSeconds, publishSeconds, s3, exportStep } = plan.partRoots ? partedExport(plan, cal, plan.partRoots) : oneMachineExport(plan, cal, rows);
  const steps: Array<[string, number]> = [["a shard", lanes.longest], ["a batch of key checks", checks.longest], exportStep, ["publish (one machine)", publishSeconds]];
  const [name, seconds] = steps.reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    shards: shards.length,
    shardSeconds: lanes.makespan,
    validateSeconds: checks.makespan,
    exportSeconds,
    documentsSeconds: cal.documentsSeconds,
    publishSeconds,
    totalSeconds: lanes.makespan + checks.makespan + exportSeconds + cal.documentsSeconds + publishSeconds,
    longestActivity: { name, seconds },
    s3,
    keyChecks: checks.batches,
    stagingReads: checks.reads,
  };
}

/**
 * The validate step: its work (the calibration's, per row, measured in one process where the ranges
 * run one after another) split into batches of KEYS_PER_CHECK keys, one activity each in lanes over
 * every core of every worker, as the workflow runs them. The merge that follows reads no key and is
 * counted in the batches' cost. Each batch also waits on its reads of shared staging: for each of its
 * ranges one ranged GET a shard (its buckets with their seals), PARALLEL_STAGING_READS at a time, and
 * for a range from bucket 0 each shard's index of the rule too (read only where values did not pack,
 * which is rare: counted for every shard, an upper bound). Each rule is split into ranges of at
 * most KEYS_PER_CHECK keys, so there are about as many ranges as batches, and one more a rule at most.
 */
function keyChecks(plan: Plan, cal: Calibration, rows: number, shards: number): { makespan: number; longest: number; batches: number; reads: Prediction["stagingReads"] } {
  const keys = (plan.households * cal.keyBytesPerHousehold) / 16;
  const batches = Math.max(1, Math.ceil(keys / KEYS_PER_CHECK));
  const ranges = batches + cal.keyRules;
  const { KEY_BUCKETS, SEAL_BYTES, PARALLEL_STAGING_READS, INDEX_BYTES } = KEY_FILE_SIZES;
  const requests = shards < 2 ? 0 : (ranges + cal.keyRules) * shards;
  const bytes = shards < 2 ? 0 : keys * 16 + cal.keyRules * shards * (KEY_BUCKETS * SEAL_BYTES + INDEX_BYTES);
  const readSeconds = (requests / batches / PARALLEL_STAGING_READS) * (plan.stagingReadSeconds ?? 0);
  const lanes = simulateLanes(new Array<number>(batches).fill(rows / batches), plan.inProcess ? 1 : plan.workers * plan.coresPerWorker, cal.validateSecondsPerRow, readSeconds);
  return { makespan: lanes.makespan, longest: lanes.longest, batches, reads: { requests, bytes } };
}

interface ExportCost {
  exportSeconds: number;
  publishSeconds: number;
  s3: { requests: number; bytes: number; files: number };
  /** The export's longest single activity, named. */
  exportStep: [string, number];
}

/** The single-file layout: one machine exports every file, then uploads the bundle. */
function oneMachineExport(plan: Plan, cal: Calibration, rows: number): ExportCost {
  const exportSeconds = rows * cal.exportSecondsPerRow;
  const s3 = s3Traffic(cal.fileBytesPerHousehold.map((b) => b * plan.households));
  const publishSeconds = plan.publishBytesPerSecond ? s3.bytes / plan.publishBytesPerSecond : 0;
  return { exportSeconds, publishSeconds, s3, exportStep: ["export (one machine)", exportSeconds] };
}

/**
 * The parts layout: one activity per part in lanes over every core (as the shards), each exporting its
 * part and uploading it at its worker's throughput shared by the worker's cores; publishing uploads
 * the documents only.
 */
function partedExport(plan: Plan, cal: Calibration, partRoots: number): ExportCost {
  const dataBytesPerRow = cal.fileBytesPerHousehold.reduce((n, b) => n + b, 0) / cal.rowsPerHousehold;
  const uploadSecondsPerRow = plan.publishBytesPerSecond ? dataBytesPerRow / (plan.publishBytesPerSecond / plan.coresPerWorker) : 0;
  const parts = shardRows(plan.households, partRoots, cal.rowsPerHousehold);
  const lanes = simulateLanes(parts, plan.workers * plan.coresPerWorker, cal.exportSecondsPerRow + uploadSecondsPerRow, 0);
  const s3 = s3Traffic(
    parts.flatMap((rows) => cal.fileBytesPerHousehold.map((b) => (b * rows) / cal.rowsPerHousehold)),
    Number.POSITIVE_INFINITY,
  );
  return { exportSeconds: lanes.makespan, publishSeconds: 0, s3, exportStep: ["a part's export and upload", lanes.longest] };
}

/** One build through Temporal as `export-layouts` reports it: its layout, size, workers and critical path by step. */
export interface TemporalRun {
  layout: "files" | "parts";
  households: number;
  workers: number;
  criticalPathSeconds: number;
  criticalPath: Array<{ type: string; activities: number; seconds: number }>;
  /** Every worker process's CPU together, per row written (export-layouts records it); not used by the prediction. */
  cpuMicrosPerRow?: number;
}

/** The build's steps, as the model names them and as the workflow's activities make them up. */
const STEP_ACTIVITIES = {
  shards: ["generateShard"],
  validate: ["planKeyRanges", "checkKeyRanges", "validateSnapshot"],
  export: ["exportSnapshot", "exportPart", "collectParts"],
  publish: ["publishManifest"],
} as const;
export type BuildStep = keyof typeof STEP_ACTIVITIES;

/**
 * A run's critical path grouped into the model's steps. Workers on one machine share its cores, so
 * the model sees the machine, not the workers: `cores` slots, whatever the worker count.
 */
export function checkTemporalRun(run: TemporalRun, cal: Calibration, plan: { cores: number; shardSize: number; publishBytesPerSecond: number; partRoots: number }): { predicted: Record<BuildStep, number> & { total: number }; measured: Record<BuildStep, number> & { total: number } } {
  const p = predict({ households: run.households, workers: 1, coresPerWorker: plan.cores, shardSize: plan.shardSize, publishBytesPerSecond: plan.publishBytesPerSecond, ...(run.layout === "parts" ? { partRoots: plan.partRoots } : {}) }, cal);
  const seconds = (step: BuildStep) => run.criticalPath.filter((t) => (STEP_ACTIVITIES[step] as readonly string[]).includes(t.type)).reduce((n, t) => n + t.seconds, 0);
  return {
    predicted: { shards: p.shardSeconds, validate: p.validateSeconds, export: p.exportSeconds, publish: p.publishSeconds + p.documentsSeconds, total: p.totalSeconds },
    measured: { shards: seconds("shards"), validate: seconds("validate"), export: seconds("export"), publish: seconds("publish"), total: run.criticalPathSeconds },
  };
}
