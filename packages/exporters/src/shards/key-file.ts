import { open, writeFile } from "node:fs/promises";
import { z } from "zod";
import { readAt } from "@sdh/local-files";
import { bucketKeys, bucketStarts, KEY_BUCKETS, type BucketedKeys, type ExportedKeys, type KeyKind, type KeyRange, type ShardKeySlice } from "@sdh/validation";
import { digestOf, ensureDigest, readStaged, StagedArtifactError, type StagedDigest } from "./staged-artifacts.js";

// A shard's uniqueness keys for one rule, in two staged files (ADR 0028):
// - `keys/<rule>.keys`: the packed keys (16 bytes each, little-endian uint32 words), grouped by
//   bucket (bucket 0's, then bucket 1's, …), in the shard's order within each bucket;
// - `keys/<rule>.index.json`: the kind, the count and sha256 of each bucket's bytes, and the values
//   that did not pack. Its digest is in the shard's summary; each bucket is checked against it.
// A range check reads the index, then only its buckets' bytes. Shards staged before (one file: a JSON
// header line, then the keys in ordinal order) are still read, whole.

/** The index of a shard's bucketed keys for one rule. */
export const KeyIndex = z.object({
  format: z.literal(2),
  kind: z.enum(["uuid", "short-text", "hashed-text"]),
  size: z.number().int().nonnegative(),
  counts: z.array(z.number().int().nonnegative()).length(KEY_BUCKETS),
  // Compared with each bucket's digest as read, so a length check is enough here.
  sha256: z.array(z.string().length(64)).length(KEY_BUCKETS),
  others: z.array(z.tuple([z.number().int().nonnegative(), z.string()])),
});
export type KeyIndex = z.infer<typeof KeyIndex>;

/** The sha256 of no bytes: an empty bucket's, written and checked without hashing (most buckets of a small shard are empty). */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A bucket's sha256: its bytes hashed, or the empty one's. */
function bucketSha256(bytes: Uint8Array): string {
  return bytes.length === 0 ? EMPTY_SHA256 : digestOf(bytes).sha256;
}

/** What writing a rule's keys gives the summary: both files' digests and the keys per bucket. */
export interface WrittenKeys {
  keys: StagedDigest;
  index: StagedDigest;
  counts: number[];
}

/** Writes a rule's keys grouped by bucket, and their index. */
export async function writeKeyFiles(keysPath: string, indexPath: string, exported: ExportedKeys): Promise<WrittenKeys> {
  const bucketed = bucketKeys(exported);
  const bytes = new Uint8Array(bucketed.words.buffer, bucketed.words.byteOffset, bucketed.words.byteLength);
  const starts = bucketStarts(bucketed.counts);
  const sha256 = bucketed.counts.map((_, b) => bucketSha256(bytes.subarray(starts[b]! * 16, starts[b + 1]! * 16)));
  const index: KeyIndex = { format: 2, kind: bucketed.kind, size: bucketed.size, counts: bucketed.counts, sha256, others: bucketed.others };
  const indexBytes = Buffer.from(JSON.stringify(index));
  await writeFile(keysPath, bytes);
  await writeFile(indexPath, indexBytes);
  return { keys: digestOf(bytes), index: digestOf(indexBytes), counts: bucketed.counts };
}

/** A rule's index, checked against the digest its shard recorded, then read as an index. */
export async function readKeyIndex(path: string, expected: StagedDigest | undefined): Promise<KeyIndex> {
  const bytes = await readStaged(path, expected, "generateShard");
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    parsed = null;
  }
  const index = KeyIndex.safeParse(parsed);
  // Its digest matched, so our own code wrote it: a shape we cannot read is from another version,
  // and fails the same way on every attempt (never retried).
  if (!index.success) throw new StagedArtifactError(path, "generateShard", `not a key index this worker reads (${index.error.issues[0]?.message ?? "not JSON"})`);
  return index.data;
}

/** Reads `length` bytes at `offset` of a staged file: a local file, or a ranged GET on shared staging. */
export type ReadRange = (offset: number, length: number) => Promise<Uint8Array>;

/** A local file's bytes at an offset. */
export function localRange(path: string): ReadRange {
  return async (offset, length) => {
    const handle = await open(path, "r");
    try {
      return await readAt(handle, offset, length);
    } finally {
      await handle.close();
    }
  };
}

/**
 * One shard's part of a range: its buckets' bytes only (one read), each bucket checked against the
 * index. A bucket that is not what the index says names the file and the bucket.
 */
export async function readKeySlice(path: string, index: KeyIndex, range: Pick<KeyRange, "from" | "to">, read: ReadRange): Promise<ShardKeySlice> {
  const starts = bucketStarts(index.counts);
  const offset = starts[range.from]! * 16;
  const length = starts[range.to]! * 16 - offset;
  const bytes = length > 0 ? await read(offset, length) : new Uint8Array(0);
  for (let b = range.from; b < range.to; b++) {
    const bucket = bytes.subarray(starts[b]! * 16 - offset, starts[b + 1]! * 16 - offset);
    ensureDigest(`${path} (bucket ${b})`, { bytes: bucket.length, sha256: bucketSha256(bucket) }, { bytes: index.counts[b]! * 16, sha256: index.sha256[b]! }, "generateShard");
  }
  return { counts: index.counts.slice(range.from, range.to), words: wordsOf(bytes), others: range.from === 0 ? index.others : [] };
}

/** The bytes as 32-bit words: a view when they start on a word, else a copy (a Buffer from the pool may start at any byte). */
function wordsOf(bytes: Uint8Array): Uint32Array {
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/** Reads a shard's keys as staged before bucketing (one file, ordinal order), checked whole, and groups them by bucket. */
export async function readUnbucketedKeyFile(path: string, expected: StagedDigest | undefined): Promise<BucketedKeys> {
  const bytes = await readStaged(path, expected, "generateShard");
  const newline = bytes.indexOf(10);
  const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as { kind: KeyKind; size: number; others: Array<[number, string]> };
  const body = new Uint8Array(header.size * 16);
  body.set(bytes.subarray(newline + 1, newline + 1 + header.size * 16));
  return bucketKeys({ ...header, words: new Uint32Array(body.buffer) });
}
