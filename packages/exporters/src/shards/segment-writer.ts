import { writeFile } from "node:fs/promises";
import { HashingFileSink } from "../sink/hashing-file-sink.js";

/**
 * One shard's records of one entity in one text format: the bytes they take in the final file, with
 * no header, plus each record's byte length (`<path>.idx`, little-endian uint32s), so the assembly
 * can split files into parts at record boundaries without parsing. JSON records are written with
 * the ",\n" that precedes them in an array; the assembly drops it before a part's first record.
 */
export class SegmentWriter {
  private readonly sink: HashingFileSink;
  private lengths = new Uint32Array(1024);
  private count = 0;
  private bytes = 0;

  constructor(
    readonly path: string,
    private readonly format: "csv" | "json",
  ) {
    this.sink = new HashingFileSink(path, { hash: false });
  }

  write(encoded: string): Promise<void> | undefined {
    const text = this.format === "json" ? `,\n${encoded}` : encoded;
    const length = Buffer.byteLength(text, "utf8");
    if (this.count === this.lengths.length) {
      const grown = new Uint32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[this.count++] = length;
    this.bytes += length;
    return this.sink.write(text);
  }

  async close(): Promise<SegmentFile> {
    await this.sink.close();
    const lengths = this.lengths.subarray(0, this.count);
    await writeFile(`${this.path}.idx`, new Uint8Array(lengths.buffer, lengths.byteOffset, lengths.byteLength));
    return { path: this.path, records: this.count, bytes: this.bytes };
  }

  abort(): void {
    this.sink.destroy();
  }
}

export interface SegmentFile {
  path: string;
  records: number;
  bytes: number;
}

/** The record lengths a SegmentWriter left next to its segment. */
export function segmentLengths(bytes: Buffer): Uint32Array {
  // Copied into an aligned buffer: a Uint32Array view needs an offset divisible by 4.
  const aligned = new Uint8Array(bytes.length);
  aligned.set(bytes);
  return new Uint32Array(aligned.buffer, 0, bytes.length / 4);
}
