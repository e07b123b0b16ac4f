import { readFile, writeFile } from "node:fs/promises";
import type { ExportedKeys, KeyKind } from "@sdh/validation";

// A shard's uniqueness keys for one rule: a JSON header line (kind, size, the values that did not
// pack), then `size * 16` bytes of packed keys (little-endian uint32 words) in ordinal order.

export async function writeKeyFile(path: string, keys: ExportedKeys): Promise<void> {
  const header = Buffer.from(`${JSON.stringify({ kind: keys.kind, size: keys.size, others: keys.others })}\n`, "utf8");
  await writeFile(path, Buffer.concat([header, new Uint8Array(keys.words.buffer, keys.words.byteOffset, keys.words.byteLength)]));
}

export async function readKeyFile(path: string): Promise<ExportedKeys> {
  const bytes = await readFile(path);
  const newline = bytes.indexOf(10);
  const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as { kind: KeyKind; size: number; others: Array<[number, string]> };
  const body = new Uint8Array(header.size * 16);
  body.set(bytes.subarray(newline + 1, newline + 1 + header.size * 16));
  return { ...header, words: new Uint32Array(body.buffer) };
}
