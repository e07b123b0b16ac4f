import { writeFile } from "node:fs/promises";
import type { ExportedKeys, KeyKind } from "@sdh/validation";
import { digestOf, readStaged, type StagedDigest } from "./staged-artifacts.js";

// A shard's uniqueness keys for one rule: a JSON header line (kind, size, the values that did not
// pack), then `size * 16` bytes of packed keys (little-endian uint32 words) in ordinal order.

/** Writes the keys; returns the file's digest, which the shard's summary records. */
export async function writeKeyFile(path: string, keys: ExportedKeys): Promise<StagedDigest> {
  const header = Buffer.from(`${JSON.stringify({ kind: keys.kind, size: keys.size, others: keys.others })}\n`, "utf8");
  const bytes = Buffer.concat([header, new Uint8Array(keys.words.buffer, keys.words.byteOffset, keys.words.byteLength)]);
  await writeFile(path, bytes);
  return digestOf(bytes);
}

/** Reads a key file, checked against the digest its shard recorded. */
export async function readKeyFile(path: string, expected: StagedDigest | undefined): Promise<ExportedKeys> {
  const bytes = await readStaged(path, expected, "generateShard");
  const newline = bytes.indexOf(10);
  const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as { kind: KeyKind; size: number; others: Array<[number, string]> };
  const body = new Uint8Array(header.size * 16);
  body.set(bytes.subarray(newline + 1, newline + 1 + header.size * 16));
  return { ...header, words: new Uint32Array(body.buffer) };
}
