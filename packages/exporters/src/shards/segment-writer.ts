import { createHash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { digestOf, type StagedDigest } from "./staged-artifacts.js";

const CHUNK_BYTES = 1 << 20;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

/**
 * One shard's records of one entity in one text format: the bytes they take in the final file, with
 * no header, plus each record's byte length (`<path>.idx`, little-endian uint32s), so the assembly
 * can split files into parts at record boundaries without parsing. JSON records are written with
 * the ",\n" that precedes them in an array; the assembly drops it before a part's first record.
 *
 * Text is encoded straight into a 1 MB buffer (`Buffer.write` returns the byte length the index
 * needs), not joined and converted per chunk: that was three passes over every byte instead of one.
 */
export class SegmentWriter {
  private readonly stream: WriteStream;
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /** The chunk written last, back once the disk has it: the next flush fills it again (see flush). */
  private spare: Buffer | null = null;
  private used = 0;
  private lengths = new Uint32Array(1024);
  private count = 0;
  private bytes = 0;
  // Hashed as it is flushed, in the same pass: a later step checks the segment against it.
  private readonly hash = createHash("sha256");

  constructor(
    readonly path: string,
    private readonly format: "csv" | "json",
  ) {
    this.stream = createWriteStream(path, { flags: "wx" });
  }

  /** Returns a promise only when the disk asked to wait; await it before the next write. */
  write(encoded: string): Promise<void> | undefined {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; 2 more for the JSON separator.
    const room = encoded.length * 3 + 2;
    let wait: Promise<void> | undefined;
    if (this.used + room > this.chunk.length) {
      wait = this.flush();
      if (room > this.chunk.length) this.chunk = Buffer.allocUnsafe(room);
    }
    const start = this.used;
    if (this.format === "json") {
      this.chunk[this.used++] = COMMA;
      this.chunk[this.used++] = NEWLINE;
    }
    this.used += this.chunk.write(encoded, this.used, "utf8");
    const length = this.used - start;
    if (this.count === this.lengths.length) {
      const grown = new Uint32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[this.count++] = length;
    this.bytes += length;
    return wait;
  }

  async close(): Promise<SegmentFile> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
    const lengths = this.lengths.subarray(0, this.count);
    const index = new Uint8Array(lengths.buffer, lengths.byteOffset, lengths.byteLength);
    await writeFile(`${this.path}.idx`, index);
    return { path: this.path, records: this.count, bytes: this.bytes, sha256: this.hash.digest("hex"), index: digestOf(index) };
  }

  /**
   * Stops writing and resolves once the file is closed. Awaited before the shard's folder is removed:
   * a stream destroyed while its file is still being opened opens (creates) it afterwards, and a file
   * appearing while the folder is being removed left a folder behind (seen on Node 24).
   */
  async abort(): Promise<void> {
    if (this.stream.closed) return;
    const closed = new Promise<void>((resolve) => this.stream.once("close", () => resolve()));
    // The build has failed already: an error of the file's late open or write says nothing new.
    this.stream.on("error", () => undefined);
    this.stream.destroy();
    await closed;
  }

  /**
   * Two chunks per writer, taking turns: the stream keeps the one it is writing until the disk has
   * it, and then hands it back for the next records. A fresh buffer per flush left every written
   * megabyte to the garbage collector, as native memory that V8 frees only when it collects the
   * Buffer objects, running a full collection for every few dozen megabytes of it (ADR 0016, "Memory").
   */
  private flush(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const filled = this.chunk;
    const full = filled.subarray(0, this.used);
    this.chunk = this.spare ?? Buffer.allocUnsafe(CHUNK_BYTES);
    this.spare = null;
    this.used = 0;
    this.hash.update(full);
    // Only chunks of the usual size come back: one grown for a huge record is not kept.
    const written = this.stream.write(full, () => {
      if (filled.length === CHUNK_BYTES) this.spare = filled;
    });
    if (written) return undefined;
    return once(this.stream, "drain").then(() => undefined);
  }
}

export interface SegmentFile {
  path: string;
  records: number;
  bytes: number;
  sha256: string;
  /** The digest of `<path>.idx`. */
  index: StagedDigest;
}

/** The record lengths a SegmentWriter left next to its segment. */
export function segmentLengths(bytes: Buffer): Uint32Array {
  // Copied into an aligned buffer: a Uint32Array view needs an offset divisible by 4.
  const aligned = new Uint8Array(bytes.length);
  aligned.set(bytes);
  return new Uint32Array(aligned.buffer, 0, bytes.length / 4);
}
