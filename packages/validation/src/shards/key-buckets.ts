import { appendFileSync, mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { join } from "node:path";

/** Words of one spilled entry: the packed key's four, then the shard that holds it. */
export const ENTRY_WORDS = 5;
/** Bytes all buckets' write buffers may hold together (by default); each gets a share, at least MIN_BUFFER_ENTRIES. */
const BUFFER_BYTES = 32 * 1024 * 1024;
const MIN_BUFFER_ENTRIES = 16;

/**
 * Packed keys spilled to one file per bucket, in the order they were added: what lets the cross-shard
 * uniqueness check read every shard's keys once, however many passes its memory bound asks for,
 * instead of once per pass (which grew with the square of the keys). Files go in a folder of their
 * own under `dir`, removed by `close`.
 */
export class KeyBuckets {
  private readonly folder: string;
  private readonly buffers: Uint32Array[];
  private readonly used: Int32Array;

  constructor(
    dir: string,
    readonly buckets: number,
    bufferBytes = BUFFER_BYTES,
  ) {
    this.folder = mkdtempSync(join(dir, ".key-buckets-"));
    const entries = Math.max(MIN_BUFFER_ENTRIES, Math.floor(bufferBytes / (ENTRY_WORDS * 4) / buckets));
    this.buffers = Array.from({ length: buckets }, () => new Uint32Array(entries * ENTRY_WORDS));
    this.used = new Int32Array(buckets);
  }

  add(bucket: number, key: Uint32Array, shard: number): void {
    const buffer = this.buffers[bucket]!;
    let at = this.used[bucket]!;
    if (at === buffer.length) {
      this.flush(bucket);
      at = 0;
    }
    buffer[at] = key[0]!;
    buffer[at + 1] = key[1]!;
    buffer[at + 2] = key[2]!;
    buffer[at + 3] = key[3]!;
    buffer[at + 4] = shard;
    this.used[bucket] = at + ENTRY_WORDS;
  }

  /** A bucket's entries in the order they were added, ENTRY_WORDS words each; its file is removed. */
  take(bucket: number): Uint32Array {
    this.flush(bucket);
    const path = this.pathOf(bucket);
    if (!existsSync(path)) return new Uint32Array(0);
    const bytes = readFileSync(path);
    rmSync(path);
    // Copied into an aligned buffer: a Buffer from the pool may start at any byte.
    const words = new Uint32Array(bytes.byteLength / 4);
    new Uint8Array(words.buffer).set(bytes);
    return words;
  }

  close(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }

  private flush(bucket: number): void {
    const used = this.used[bucket]!;
    if (used === 0) return;
    const buffer = this.buffers[bucket]!;
    appendFileSync(this.pathOf(bucket), new Uint8Array(buffer.buffer, buffer.byteOffset, used * 4));
    this.used[bucket] = 0;
  }

  private pathOf(bucket: number): string {
    return join(this.folder, `${bucket}.keys`);
  }
}
