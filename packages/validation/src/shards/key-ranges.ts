import type { ExportedKeys, KeyKind } from "../keys/compact-key-set.js";
import { decodeShortText, decodeUuid, describeHashedText } from "../keys/key-encoding.js";
import { KeyTable } from "../keys/key-table.js";
import { MAX_EXAMPLES, type RuleFailures } from "../report-builder.js";

// The cross-shard uniqueness check, by key range (ADR 0028). Each shard writes a rule's keys grouped
// into KEY_BUCKETS buckets by a hash of the key, so a key and all its repeats in other shards fall in
// the same bucket. A range is a run of whole buckets; checking it needs only those buckets of each
// shard, and the ranges together check every key once. One machine runs the ranges one after another
// (`sdh generate`), a Temporal build runs one activity per range on any worker.

/** Buckets a rule's keys are grouped into. Fixed: it shapes staged key files, never a published byte. */
export const KEY_BUCKETS = 256;

/**
 * Keys one range holds at most (unless a single bucket holds more): its table takes up to 57 bytes a
 * key (KeyTable) and its keys 16, so a range of a million keys checks in ~75 MB.
 */
export const KEYS_PER_RANGE = 1_000_000;

/** The bucket of the packed key at `words[at…at+4)`: a hash of all four words, so packed text keys (licences, VINs) spread as well as UUIDs. */
export function bucketOf(words: Uint32Array, at: number): number {
  return Math.imul(words[at]! ^ Math.imul(words[at + 1]!, 0x9e3779b1) ^ Math.imul(words[at + 2]!, 0x85ebca6b) ^ Math.imul(words[at + 3]!, 0xc2b2ae35), 0x27d4eb2f) >>> 24;
}

/**
 * A shard's keys for one rule, grouped by bucket: `words` holds bucket 0's keys, then bucket 1's, …
 * (four words a key, each bucket in the shard's ordinal order); `counts[b]` keys are in bucket b. The
 * values that did not pack (`others`, rare) belong to no bucket: the range that starts at bucket 0
 * checks them.
 */
export interface BucketedKeys {
  kind: KeyKind;
  size: number;
  counts: number[];
  words: Uint32Array;
  others: Array<[ordinal: number, value: string]>;
}

/** Groups a shard's keys by bucket, keeping their order within each (a counting sort). */
export function bucketKeys(keys: ExportedKeys): BucketedKeys {
  const packed = keys.size;
  const buckets = new Uint8Array(packed);
  const counts = new Array<number>(KEY_BUCKETS).fill(0);
  // Rare (hand-edited oddities): most shards have none, and their loops skip the lookup.
  const unpacked = keys.others.length > 0 ? new Set(keys.others.map(([ordinal]) => ordinal)) : null;
  for (let ordinal = 0; ordinal < packed; ordinal++) {
    if (unpacked?.has(ordinal)) continue;
    const bucket = bucketOf(keys.words, ordinal * 4);
    buckets[ordinal] = bucket;
    counts[bucket]!++;
  }
  const next = bucketStarts(counts);
  const words = new Uint32Array((packed - (unpacked?.size ?? 0)) * 4);
  for (let ordinal = 0; ordinal < packed; ordinal++) {
    if (unpacked?.has(ordinal)) continue;
    const to = next[buckets[ordinal]!]!++ * 4;
    const from = ordinal * 4;
    words[to] = keys.words[from]!;
    words[to + 1] = keys.words[from + 1]!;
    words[to + 2] = keys.words[from + 2]!;
    words[to + 3] = keys.words[from + 3]!;
  }
  return { kind: keys.kind, size: keys.size, counts, words, others: keys.others };
}

/** Where each bucket's keys start, in keys: `starts[b]` is the sum of the counts before b; `starts[KEY_BUCKETS]` the total. */
export function bucketStarts(counts: readonly number[]): number[] {
  const starts = [0];
  for (let b = 0; b < counts.length; b++) starts.push(starts[b]! + counts[b]!);
  return starts;
}

/** A run of whole buckets of one rule's keys, checked on its own: buckets [from, to), `keys` in all shards. */
export interface KeyRange {
  rule: string;
  from: number;
  to: number;
  keys: number;
}

/**
 * Splits a rule's buckets into ranges of at most `keysPerRange` keys (every shard's counts summed; a
 * bucket above that is a range alone). A function of the counts only, so of the config: the ranges
 * never depend on the worker count or on timing.
 */
export function planKeyRanges(rule: string, counts: readonly number[], keysPerRange = KEYS_PER_RANGE): KeyRange[] {
  if (counts.length !== KEY_BUCKETS) throw new Error(`key ranges of ${rule}: ${counts.length} bucket counts, expected ${KEY_BUCKETS}`);
  const ranges: KeyRange[] = [];
  let from = 0;
  let keys = 0;
  for (let b = 0; b < KEY_BUCKETS; b++) {
    if (b > from && keys + counts[b]! > keysPerRange) {
      ranges.push({ rule, from, to: b, keys });
      from = b;
      keys = 0;
    }
    keys += counts[b]!;
  }
  ranges.push({ rule, from, to: KEY_BUCKETS, keys });
  return ranges;
}

/**
 * Consecutive ranges (of any rules, in plan order) grouped into batches of at most `keysPerBatch`
 * keys, a range above that alone: what one activity checks. Small snapshots check every rule in one.
 */
export function batchKeyRanges(ranges: readonly KeyRange[], keysPerBatch = KEYS_PER_RANGE): KeyRange[][] {
  const batches: KeyRange[][] = [];
  let keys = 0;
  for (const range of ranges) {
    const last = batches.at(-1);
    if (last && keys + range.keys <= keysPerBatch) {
      last.push(range);
      keys += range.keys;
    } else {
      batches.push([range]);
      keys = range.keys;
    }
  }
  return batches;
}

/** One shard's part of a range: `counts[i]` keys of bucket `from + i`, their words back to back; `others` when the range starts at bucket 0. */
export interface ShardKeySlice {
  counts: readonly number[];
  words: Uint32Array;
  others: ReadonlyArray<readonly [ordinal: number, value: string]>;
}

/**
 * Every key of `range` that more than one shard holds, as the rule's failures (the count and the first
 * few examples, each naming the value, the first shard that holds it and the repeating shard).
 * `slices` are the shards' parts of the range, in shard order. Found in an order that does not depend
 * on how the buckets were split into ranges: the unpacked values first, then bucket by bucket, each
 * bucket shard by shard in the shard's own order. So one range over every bucket and many small
 * ranges, their results added in range order, give the same report. Null when every key is unique.
 */
export function checkKeyRange(range: KeyRange, kind: KeyKind, slices: readonly ShardKeySlice[]): RuleFailures | null {
  const width = range.to - range.from;
  const starts = slices.map((s) => {
    if (s.counts.length !== width) throw new Error(`key range ${range.rule} [${range.from}, ${range.to}): a shard's slice has ${s.counts.length} bucket counts`);
    return bucketStarts(s.counts);
  });
  const failures: RuleFailures = { code: range.rule, count: 0, examples: [] };
  const fail = (value: () => string, first: number, shard: number) => {
    failures.count++;
    if (failures.examples.length < MAX_EXAMPLES) failures.examples.push({ scope: "snapshot", example: { value: value(), first_shard: first, shard } });
  };
  if (range.from === 0) {
    const firstShard = new Map<string, number>();
    slices.forEach((slice, shard) => {
      for (const [, value] of slice.others) {
        const first = firstShard.get(value);
        if (first === undefined) firstShard.set(value, shard);
        else fail(() => value, first, shard);
      }
    });
  }
  const table = new KeyTable(range.keys);
  const key = new Uint32Array(4);
  for (let b = 0; b < width; b++) {
    for (let shard = 0; shard < slices.length; shard++) {
      const { words } = slices[shard]!;
      for (let at = starts[shard]![b]! * 4, end = starts[shard]![b + 1]! * 4; at < end; at += 4) {
        key[0] = words[at]!;
        key[1] = words[at + 1]!;
        key[2] = words[at + 2]!;
        key[3] = words[at + 3]!;
        const first = table.insert(key, shard);
        if (first >= 0) fail(() => describeKey(kind, key), first, shard);
      }
    }
  }
  return failures.count > 0 ? failures : null;
}

/** The slice of `range` in a shard's bucketed keys held whole in memory (in-process checks and old staging). */
export function sliceOf(keys: BucketedKeys, range: Pick<KeyRange, "from" | "to">): ShardKeySlice {
  const starts = bucketStarts(keys.counts);
  return {
    counts: keys.counts.slice(range.from, range.to),
    words: keys.words.subarray(starts[range.from]! * 4, starts[range.to]! * 4),
    others: range.from === 0 ? keys.others : [],
  };
}

/**
 * The whole cross-shard check of one rule over shards held in memory: plans the ranges from the
 * shards' counts and checks each in turn. What tests and small in-process builds use; a Temporal build
 * runs the same ranges as activities.
 */
export function checkKeysAcrossShards(rule: string, shards: readonly BucketedKeys[], keysPerRange = KEYS_PER_RANGE): RuleFailures[] {
  if (shards.length < 2) return [];
  const kind = shards[0]!.kind;
  const out: RuleFailures[] = [];
  for (const range of planKeyRanges(rule, sumCounts(shards.map((s) => s.counts)), keysPerRange)) {
    const found = checkKeyRange(range, kind, shards.map((s) => sliceOf(s, range)));
    if (found) out.push(found);
  }
  return out;
}

/** Every shard's bucket counts, added bucket by bucket. */
export function sumCounts(counts: ReadonlyArray<readonly number[]>): number[] {
  const total = new Array<number>(KEY_BUCKETS).fill(0);
  for (const c of counts) for (let b = 0; b < KEY_BUCKETS; b++) total[b]! += c[b]!;
  return total;
}

/** A packed key as the report shows it. */
function describeKey(kind: KeyKind, key: Uint32Array): string {
  return kind === "uuid" ? decodeUuid(key) : kind === "hashed-text" ? describeHashedText(key) : decodeShortText(key);
}
