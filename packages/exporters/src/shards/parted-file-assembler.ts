import { createHash } from "node:crypto";
import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { columnsOf, type EntitySpec } from "@sdh/schemas";
import { dataFileName } from "../bundle/bundle-layout.js";
import type { WrittenFile } from "../records/entity-writer.js";
import { csvHeader } from "../records/record-formats.js";
import { HashingFileSink } from "../sink/hashing-file-sink.js";
import { segmentLengths, type SegmentFile } from "./segment-writer.js";
import { ensureDigest, readStaged } from "./staged-artifacts.js";

/**
 * Concatenates shards' segments of one entity and format into the bundle's file, hashing as it
 * writes, and starts a new numbered part after the first record that brings a part to `partBytes`.
 * Split points depend only on the records' bytes, never on how they were sharded, so any shard count
 * gives the same files. A file that never splits keeps its plain name (persons_v0_9.csv); once it
 * splits, every part is numbered (persons_v0_9.part-0001.csv, ...).
 *
 * JSON Lines come from the JSON segments: each record there is ",\n" + its JSON, here its JSON + "\n"
 * (the same length less one), so no record is encoded twice.
 */
/** Bytes read from a segment at a time. */
const READ_BYTES = 1 << 20;

export class PartedFileAssembler {
  private readonly header: string;
  private readonly trailer: string;
  private sink: HashingFileSink | null = null;
  private readonly done: WrittenFile[] = [];
  // The plan runs ahead of the writing by one segment: the size and records of the last planned
  // part, and the record counts of the parts planned before it.
  private plannedSize: number;
  private plannedRecords = 0;
  private readonly partRecords: number[] = [];
  /** JSON Lines: a record has been written and still needs its "\n". */
  private recordOpen = false;

  constructor(
    private readonly dir: string,
    private readonly entity: EntitySpec,
    private readonly format: "csv" | "json" | "jsonl",
    private readonly partBytes: number,
    /** The file's path in `dir` (its part number when split): the single-file layout's names by default. */
    private readonly nameOf: (part?: number) => string = (part) => dataFileName(entity.name, format, part),
  ) {
    this.header = format === "csv" ? csvHeader(columnsOf(entity)) : format === "json" ? "[" : "";
    this.trailer = format === "json" ? "\n]\n" : "";
    this.plannedSize = Buffer.byteLength(this.header);
    this.open();
  }

  /**
   * Appends a segment written by a SegmentWriter (with its `.idx` of record lengths next to it). Both
   * are checked against the digests the writer recorded: the segment as it streams through, so a
   * corrupt one fails (StagedArtifactError) before the file it went into is used.
   */
  async append(segment: Pick<SegmentFile, "bytes" | "sha256" | "index">, segmentPath: string): Promise<void> {
    const events = this.plan(segmentLengths(await readStaged(`${segmentPath}.idx`, segment.index, "generateShard")));
    let position = 0;
    let next = 0;
    const hash = createHash("sha256");
    // A record's leading separator to drop: one byte (",") in JSON, two (",\n") in JSON Lines. Two
    // bytes may straddle chunks: what is left to drop carries over.
    const separator = this.format === "json" ? 1 : this.format === "jsonl" ? 2 : 0;
    let skip = 0;
    // The sink holds pieces of a chunk until the file has them: a buffer is refilled after that.
    for await (const chunk of chunksOf(segmentPath, () => this.sink!.flushed())) {
      hash.update(chunk);
      let from = Math.min(skip, chunk.length);
      skip -= from;
      while (next < events.length && events[next]!.offset < position + chunk.length) {
        const event = events[next++]!;
        const at = event.offset - position;
        if (at > from) await this.sink!.writeBytes(chunk.subarray(from, at));
        from = at;
        if (event.roll) await this.roll();
        else if (this.recordOpen) this.sink!.write("\n"); // the previous JSON Lines record ends
        // A JSON part's first record goes without the comma that separates it from a previous one.
        const dropped = Math.min(separator, chunk.length - from);
        from += dropped;
        skip = separator - dropped;
        if (this.format === "jsonl") this.recordOpen = true;
      }
      if (from < chunk.length) await this.sink!.writeBytes(chunk.subarray(from));
      position += chunk.length;
    }
    ensureDigest(segmentPath, { bytes: position, sha256: hash.digest("hex") }, segment, "generateShard");
  }

  /** Finishes the last part; the files written, in order, with paths relative to the bundle folder. */
  async close(): Promise<WrittenFile[]> {
    await this.finishPart();
    return this.done;
  }

  /** Gives up on the part being written and resolves once its file is closed (see `HashingFileSink.destroy`). */
  async abort(): Promise<void> {
    await this.sink?.destroy();
  }

  /**
   * Where in the segment a part has to roll (before a record, once the part holds ≥ partBytes) and
   * where a part's first record starts. Advances the part's size and record count as if written.
   */
  private plan(lengths: Uint32Array): Array<{ offset: number; roll: boolean }> {
    const events: Array<{ offset: number; roll: boolean }> = [];
    let offset = 0;
    for (const length of lengths) {
      const roll = this.plannedRecords > 0 && this.plannedSize >= this.partBytes;
      if (roll) {
        this.partRecords.push(this.plannedRecords);
        this.plannedSize = Buffer.byteLength(this.header);
        this.plannedRecords = 0;
      }
      const first = this.plannedRecords === 0;
      if (roll || (first && this.format === "json") || this.format === "jsonl") events.push({ offset, roll });
      this.plannedSize += this.format === "jsonl" || (first && this.format === "json") ? length - 1 : length;
      this.plannedRecords++;
      offset += length;
    }
    return events;
  }

  private async roll(): Promise<void> {
    await this.finishPart();
    if (this.done.length === 1) {
      const first = this.done[0]!;
      const numbered = this.nameOf(1);
      await rename(join(this.dir, first.path), join(this.dir, numbered));
      this.done[0] = { ...first, path: numbered };
    }
    this.open();
  }

  private open(): void {
    const part = this.done.length === 0 ? undefined : this.done.length + 1;
    this.sink = new HashingFileSink(join(this.dir, this.nameOf(part)));
    this.sink.write(this.header);
  }

  private async finishPart(): Promise<void> {
    const sink = this.sink!;
    const part = this.done.length;
    const records = part < this.partRecords.length ? this.partRecords[part]! : this.plannedRecords;
    if (this.recordOpen) sink.write("\n");
    this.recordOpen = false;
    sink.write(records === 0 && this.format === "json" ? "]\n" : this.trailer);
    const digest = await sink.close();
    this.done.push({ path: sink.path.slice(this.dir.length + 1), entity: this.entity.name, format: this.format, records, ...digest });
  }
}

/**
 * A file's bytes, a megabyte at a time, read into two buffers taking turns. Once the caller is done
 * with a chunk (it asks for the next), `written()` tells when what it wrote out of that chunk is in
 * its file; the buffer is refilled only after that. A fresh buffer per read left a megabyte of
 * native garbage per read, and V8 runs a full collection for every few dozen megabytes of it
 * (ADR 0016, "Memory"). A part finished inside a chunk was closed, so all written, before
 * `written` is asked.
 */
async function* chunksOf(path: string, written: () => Promise<void>): AsyncGenerator<Buffer> {
  const file = await open(path, "r");
  try {
    const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)];
    const landed: Array<Promise<void>> = [Promise.resolve(), Promise.resolve()];
    for (let turn = 0; ; turn ^= 1) {
      await landed[turn];
      const { bytesRead } = await file.read(buffers[turn]!, 0, READ_BYTES, null);
      if (bytesRead === 0) return;
      yield buffers[turn]!.subarray(0, bytesRead);
      landed[turn] = written();
      // Awaited when this buffer's turn comes again; a failed write also fails the sink's next write.
      landed[turn]!.catch(() => undefined);
    }
  } finally {
    await file.close();
  }
}
