import { join } from "node:path";
import { packOf } from "@sdh/packs";
import type { Entity, SnapshotConfig } from "@sdh/schemas";
import { uniqueRulesOf, type UniqueRule } from "@sdh/validation";

/** A contiguous range of persons, built on its own; its persons' vehicles and profiles come with it. */
export interface ShardRange {
  shard: number;
  /** First household index (inclusive) and end (exclusive). */
  start: number;
  end: number;
}

/** Splits `records` persons into shards of `shardSize`; the split never changes the data, only the work. */
export function planShards(records: number, shardSize: number): ShardRange[] {
  const shards: ShardRange[] = [];
  for (let start = 0, shard = 0; start < records; start += shardSize, shard++) shards.push({ shard, start, end: Math.min(records, start + shardSize) });
  return shards;
}

/** The text formats shards write: CSV when the bundle ships CSV or Parquet (converted from CSV), JSON when it ships JSON or JSON Lines. */
export function segmentFormats(config: Pick<SnapshotConfig, "formats">): Array<"csv" | "json"> {
  const formats: Array<"csv" | "json"> = [];
  if (config.formats.includes("csv") || config.formats.includes("parquet")) formats.push("csv");
  if (config.formats.includes("json") || config.formats.includes("jsonl")) formats.push("json");
  return formats;
}

// Inside a shard's folder. `shard.json` is written last: a folder without it is an unfinished shard.
export const shardFolderName = (shard: number) => `shard-${String(shard).padStart(5, "0")}`;
export const segmentName = (entity: Entity, format: "csv" | "json") => `${entity}.${format}`;
export const keyFileName = (rule: UniqueRule) => join("keys", `${rule}.keys`);
/** The index of a rule's key file: each bucket's count and sha256 (key-file.ts). */
export const keyIndexName = (rule: UniqueRule) => join("keys", `${rule}.index.json`);
export const SHARD_QUALITY = "quality.json";
export const SHARD_SUMMARY = "shard.json";

/** The uniqueness rules of the config's pack: a shard writes one key file per rule, the merge reads them. */
export function keyRulesOf(config: SnapshotConfig): string[] {
  return Object.keys(uniqueRulesOf(packOf(config).checks));
}

/**
 * The files of a built shard, relative to its folder, in the order a copy must follow: the records'
 * segments (with their `.idx`), the uniqueness keys (each rule's key file and index), what the merge
 * reads (quality), and last `shard.json`, whose presence says the shard is whole. The key checks read
 * `keys`; the merge `merge`; the export `segments`. `keysForRanges` is what a key range needs on this
 * machine when it reads its buckets of the key files remotely: nothing for a sealed key file (its
 * summary names the rule's kind), the index of a shard staged before seals, or the whole key file of
 * one staged before keys were bucketed (it has no index).
 */
export function shardFiles(
  summary: { segments: ReadonlyArray<{ path: string }>; artifacts: Record<string, unknown>; sealedKeys?: Record<string, unknown> },
  rules: readonly UniqueRule[],
): { segments: string[]; keys: string[]; keysForRanges: string[]; merge: string[]; commit: string } {
  const indexed = (rule: UniqueRule) => summary.artifacts[keyIndexName(rule)] !== undefined;
  const sealed = (rule: UniqueRule) => indexed(rule) && summary.sealedKeys?.[rule] !== undefined;
  return {
    segments: summary.segments.flatMap((s) => [s.path, `${s.path}.idx`]),
    keys: rules.flatMap((rule) => (indexed(rule) ? [keyFileName(rule), keyIndexName(rule)] : [keyFileName(rule)])),
    keysForRanges: rules.flatMap((rule) => (sealed(rule) ? [] : indexed(rule) ? [keyIndexName(rule)] : [keyFileName(rule)])),
    merge: [SHARD_QUALITY],
    commit: SHARD_SUMMARY,
  };
}
