import { join } from "node:path";
import { inLanes } from "@sdh/local-files";
import { checkKeyRange, planKeyRanges, sliceOf, sumCounts, type KeyKind, type KeyRange, type RuleFailures, type ShardKeySlice } from "@sdh/validation";
import type { ShardSummary } from "./build-shard.js";
import { localRange, readKeyIndex, readKeyIndexVia, readKeySlice, readSealedKeySlice, readUnbucketedKeyFile, type ReadRange } from "./key-file.js";
import { keyFileName, keyIndexName, shardFolderName } from "./shard-layout.js";
import { StagedArtifactError } from "./staged-artifacts.js";

// The cross-shard uniqueness check over staged shards (ADR 0028): ranges planned from the shards'
// bucket counts, each range checked from its buckets alone. `sdh generate` runs every range here in
// turn; a Temporal build runs one checkKeyRanges activity per batch of ranges, on any worker.

/** Whether the shard staged its keys by bucket (with an index), or whole in ordinal order (staged before). */
export function keysBucketed(summary: ShardSummary, rule: string): boolean {
  return summary.artifacts[keyIndexName(rule)] !== undefined;
}

/** Whether the shard's key file of `rule` seals each bucket (format 3): a range reads its buckets and nothing else. */
export function keysSealed(summary: ShardSummary, rule: string): boolean {
  return summary.sealedKeys?.[rule] !== undefined && summary.keyBuckets?.[rule] !== undefined && keysBucketed(summary, rule);
}

/** A shard's keys of `rule` per bucket: from its summary, or, for a shard staged before, from its key file read whole. */
export async function keyCountsOf(shardsDir: string, summary: ShardSummary, rule: string): Promise<number[]> {
  const counts = summary.keyBuckets?.[rule];
  if (counts && keysBucketed(summary, rule)) return counts;
  const dir = join(shardsDir, shardFolderName(summary.shard));
  return (await readUnbucketedKeyFile(join(dir, keyFileName(rule)), summary.artifacts[keyFileName(rule)])).counts;
}

/** The ranges of every uniqueness rule, from the shards' counts: what the check runs, in order. */
export async function planSnapshotKeyRanges(shardsDir: string, shards: readonly ShardSummary[], rules: readonly string[], keysPerRange?: number): Promise<KeyRange[]> {
  if (shards.length < 2) return [];
  const ranges: KeyRange[] = [];
  for (const rule of rules) {
    const counts: number[][] = [];
    for (const s of shards) counts.push(await keyCountsOf(shardsDir, s, rule));
    ranges.push(...planKeyRanges(rule, sumCounts(counts), keysPerRange));
  }
  return ranges;
}

/**
 * One shard's part of a range, read from its folder under `shardsDir` through `readOf(path)` (default:
 * the local file; a worker reads shared staging by range). A sealed key file (format 3) gives the
 * range's buckets in one read, checked with the summary alone; only the range from bucket 0 also reads
 * the index, for the values that did not pack, where the summary counts any. A shard staged before reads its index (which must be on
 * this machine) then its buckets; one staged before bucketing is read whole from its folder.
 */
export async function shardKeySlice(shardsDir: string, summary: ShardSummary, range: KeyRange, readOf: (path: string) => ReadRange = localRange): Promise<{ kind: KeyKind; slice: ShardKeySlice }> {
  const dir = join(shardsDir, shardFolderName(summary.shard));
  const keysPath = join(dir, keyFileName(range.rule));
  const indexPath = join(dir, keyIndexName(range.rule));
  if (keysSealed(summary, range.rule)) {
    const seal = { fingerprint: summary.fingerprint, rule: range.rule };
    const slice = await readSealedKeySlice(keysPath, summary.keyBuckets![range.rule]!, seal, range, readOf(keysPath));
    const sealed = summary.sealedKeys![range.rule]!;
    // The values that did not pack (rare) are in the index: read only by the range from bucket 0, and only where there are any.
    const others = range.from === 0 && sealed.others !== 0 ? (await readKeyIndexVia(indexPath, summary.artifacts[keyIndexName(range.rule)], readOf(indexPath))).others : [];
    return { kind: sealed.kind, slice: { ...slice, others } };
  }
  if (!keysBucketed(summary, range.rule)) {
    const whole = await readUnbucketedKeyFile(keysPath, summary.artifacts[keyFileName(range.rule)]);
    return { kind: whole.kind, slice: sliceOf(whole, range) };
  }
  const index = await readKeyIndex(indexPath, summary.artifacts[keyIndexName(range.rule)]);
  if (index.format !== 2) throw new StagedArtifactError(indexPath, "generateShard", "a sealed key index (format 3) in a shard whose summary does not say its keys are sealed");
  return { kind: index.kind, slice: await readKeySlice(keysPath, index, range, readOf(keysPath)) };
}

/** Shards whose part of a range is read at once: their reads overlap (a remote store's round trips, a disk's queue). */
export const PARALLEL_KEY_READS = 16;

/** Checks one range over every shard (in shard order): the keys more than one shard holds, or null. */
export async function checkStagedKeyRange(shardsDir: string, shards: readonly ShardSummary[], range: KeyRange, readOf?: (keysPath: string) => ReadRange): Promise<RuleFailures | null> {
  const read: Array<{ kind: KeyKind; slice: ShardKeySlice }> = new Array(shards.length);
  await inLanes(shards, PARALLEL_KEY_READS, async (shard, i) => {
    read[i] = await shardKeySlice(shardsDir, shard, range, readOf);
  });
  return checkKeyRange(range, read[0]?.kind ?? "uuid", read.map((r) => r.slice));
}

/** The whole check on this machine: every range of every rule in turn, each shard's keys read once in all. */
export async function checkStagedKeys(shardsDir: string, shards: readonly ShardSummary[], rules: readonly string[], keysPerRange?: number): Promise<RuleFailures[]> {
  const found: RuleFailures[] = [];
  for (const range of await planSnapshotKeyRanges(shardsDir, shards, rules, keysPerRange)) {
    const failures = await checkStagedKeyRange(shardsDir, shards, range);
    if (failures) found.push(failures);
  }
  return found;
}
