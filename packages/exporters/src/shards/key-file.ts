import { createHash } from "node:crypto";
import { open, writeFile } from "node:fs/promises";
import { z } from "zod";
import { readAt } from "@sdh/local-files";
import { bucketKeys, bucketStarts, KEY_BUCKETS, type BucketedKeys, type ExportedKeys, type KeyKind, type KeyRange, type ShardKeySlice } from "@sdh/validation";
import { digestOf, ensureDigest, readStaged, StagedArtifactError, type StagedDigest } from "./staged-artifacts.js";

// A shard's uniqueness keys for one rule, in two staged files (ADR 0028):
// - `keys/<rule>.keys`: bucket by bucket, each bucket's seal (32 bytes) then its packed keys (16 bytes
//   each, little-endian uint32 words, in the shard's order). A bucket's seal is the sha256 of the
//   shard's fingerprint, the rule, the bucket's number and its keys: a range check reads its buckets
//   with their seals in one ranged read and checks them with nothing else but the shard's summary,
//   which holds the fingerprint and every bucket's count (so every bucket's offset).
// - `keys/<rule>.index.json`: the kind, the count of each bucket, and the values that did not pack. Its
//   digest is in the shard's summary; only the range that starts at bucket 0 reads it, for those
//   values, and only where the summary counts any.
// Shards staged before (format 2: the buckets' sha256 in the index, which every range read first; or
// one file, a JSON header line then the keys in ordinal order) are still read.

/** Bytes of a bucket's seal, before its keys. */
export const SEAL_BYTES = 32;

const KeyIndexFields = {
  kind: z.enum(["uuid", "short-text", "hashed-text"]),
  size: z.number().int().nonnegative(),
  counts: z.array(z.number().int().nonnegative()).length(KEY_BUCKETS),
  others: z.array(z.tuple([z.number().int().nonnegative(), z.string()])),
};

/** The index of a shard's bucketed keys for one rule: format 3 (sealed buckets) or, staged before, format 2 (each bucket's sha256 here). */
export const KeyIndex = z.discriminatedUnion("format", [
  z.object({ format: z.literal(3), ...KeyIndexFields }),
  // Compared with each bucket's digest as read, so a length check is enough here.
  z.object({ format: z.literal(2), ...KeyIndexFields, sha256: z.array(z.string().length(64)).length(KEY_BUCKETS) }),
]);
export type KeyIndex = z.infer<typeof KeyIndex>;

/** The sha256 of no bytes: an empty bucket's in format 2, checked without hashing (most buckets of a small shard are empty). */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A format 2 bucket's sha256: its bytes hashed, or the empty one's. */
function bucketSha256(bytes: Uint8Array): string {
  return bytes.length === 0 ? EMPTY_SHA256 : digestOf(bytes).sha256;
}

/**
 * What a bucket's seal binds its keys to: the shard (its fingerprint), the rule and the bucket. A bucket
 * copied from another shard, rule or place fails its check, as does a changed byte.
 */
export interface KeySeal {
  fingerprint: string;
  rule: string;
}

/** A bucket's seal: sha256 of "<fingerprint>/<rule>/<bucket>\n" and the bucket's keys. */
function sealOf(seal: KeySeal, bucket: number, keys: Uint8Array): Buffer {
  return createHash("sha256").update(`${seal.fingerprint}/${seal.rule}/${bucket}\n`).update(keys).digest();
}

/** Where bucket `b` starts in a sealed key file: the seals and keys of every bucket before it. */
function sealedOffset(starts: readonly number[], b: number): number {
  return b * SEAL_BYTES + starts[b]! * 16;
}

/** What a shard's summary says of a rule's sealed key file besides its counts: the kind of its keys, and how many values did not pack. */
export interface SealedKeys {
  kind: KeyKind;
  others: number;
}

/** What writing a rule's keys gives the summary: both files' digests, the keys per bucket, the kind and the unpacked values' count. */
export interface WrittenKeys extends SealedKeys {
  keys: StagedDigest;
  index: StagedDigest;
  counts: number[];
}

/** Writes a rule's keys grouped by bucket, each bucket sealed (format 3), and their index. */
export async function writeKeyFiles(keysPath: string, indexPath: string, exported: ExportedKeys, seal: KeySeal): Promise<WrittenKeys> {
  const bucketed = bucketKeys(exported);
  const keyBytes = new Uint8Array(bucketed.words.buffer, bucketed.words.byteOffset, bucketed.words.byteLength);
  const starts = bucketStarts(bucketed.counts);
  const bytes = new Uint8Array(KEY_BUCKETS * SEAL_BYTES + keyBytes.length);
  for (let b = 0; b < KEY_BUCKETS; b++) {
    const keys = keyBytes.subarray(starts[b]! * 16, starts[b + 1]! * 16);
    const at = sealedOffset(starts, b);
    bytes.set(sealOf(seal, b, keys), at);
    bytes.set(keys, at + SEAL_BYTES);
  }
  const index: KeyIndex = { format: 3, kind: bucketed.kind, size: bucketed.size, counts: bucketed.counts, others: bucketed.others };
  const indexBytes = Buffer.from(JSON.stringify(index));
  await writeFile(keysPath, bytes);
  await writeFile(indexPath, indexBytes);
  return { keys: digestOf(bytes), index: digestOf(indexBytes), counts: bucketed.counts, kind: bucketed.kind, others: bucketed.others.length };
}

/** A rule's index, checked against the digest its shard recorded, then read as an index. */
export async function readKeyIndex(path: string, expected: StagedDigest | undefined): Promise<KeyIndex> {
  return parseKeyIndex(path, await readStaged(path, expected, "generateShard"));
}

/** A rule's index read through `read` (a ranged read of shared staging: its size is recorded), checked against its digest. */
export async function readKeyIndexVia(path: string, expected: StagedDigest | undefined, read: ReadRange): Promise<KeyIndex> {
  const bytes = expected && expected.bytes > 0 ? await read(0, expected.bytes) : new Uint8Array(0);
  ensureDigest(path, digestOf(bytes), expected, "generateShard");
  return parseKeyIndex(path, bytes);
}

function parseKeyIndex(path: string, bytes: Uint8Array): KeyIndex {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8"));
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
 * One shard's part of a range from its sealed key file (format 3): its buckets with their seals in one
 * read, where `counts` (the shard's summary) place them; each bucket checked against its seal. A
 * bucket that fails names the file and the bucket. The values that did not pack are the caller's
 * (they are in the index, which only the range from bucket 0 needs).
 */
export async function readSealedKeySlice(path: string, counts: readonly number[], seal: KeySeal, range: Pick<KeyRange, "from" | "to">, read: ReadRange): Promise<Omit<ShardKeySlice, "others">> {
  // The counts place every byte read: a summary whose counts are not 256 whole numbers is refused before any read.
  if (counts.length !== KEY_BUCKETS || !counts.every((c) => Number.isInteger(c) && c >= 0)) {
    throw new StagedArtifactError(path, "generateShard", `its shard's summary does not give ${KEY_BUCKETS} whole bucket counts`);
  }
  const starts = bucketStarts(counts);
  const offset = sealedOffset(starts, range.from);
  const length = sealedOffset(starts, range.to) - offset;
  const bytes = await read(offset, length);
  if (bytes.length !== length) throw new StagedArtifactError(path, "generateShard", `${bytes.length} bytes at ${offset} where its summary places ${length} (buckets ${range.from}-${range.to - 1})`);
  const words = new Uint32Array((starts[range.to]! - starts[range.from]!) * 4);
  const out = new Uint8Array(words.buffer);
  for (let b = range.from; b < range.to; b++) {
    const at = sealedOffset(starts, b) - offset;
    const keys = bytes.subarray(at + SEAL_BYTES, at + SEAL_BYTES + counts[b]! * 16);
    if (!sealOf(seal, b, keys).equals(bytes.subarray(at, at + SEAL_BYTES))) {
      throw new StagedArtifactError(`${path} (bucket ${b})`, "generateShard", `its ${counts[b]} keys do not match the bucket's seal for shard ${seal.fingerprint.slice(0, 12)}…, rule ${seal.rule}`);
    }
    out.set(keys, (starts[b]! - starts[range.from]!) * 16);
  }
  return { counts: counts.slice(range.from, range.to), words };
}

/**
 * One shard's part of a range staged in format 2: its buckets' bytes only (one read), each bucket
 * checked against the index. A bucket that is not what the index says names the file and the bucket.
 */
export async function readKeySlice(path: string, index: Extract<KeyIndex, { format: 2 }>, range: Pick<KeyRange, "from" | "to">, read: ReadRange): Promise<ShardKeySlice> {
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
