import { createHash, type Hash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { Digest } from "../digest-tap.js";

const CHUNK_BYTES = 1 << 20;

/**
 * Where a writer's bytes go: buffered into ~1 MB chunks, hashed (sha256) and counted as they are
 * written, with the file stream's backpressure respected so memory stays flat whatever the size.
 * Scratch files that are never published skip the hash (`hash: false`).
 */
export class HashingFileSink {
  private readonly hash: Hash | null;
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingLength = 0;
  private bytes = 0;
  // Writes handed to the stream and, of those, the ones the file has (they land in order): what
  // `flushed` waits on.
  private queued = 0;
  private landed = 0;
  private waiters: Array<{ upTo: number; resolve: () => void; reject: (error: Error) => void }> = [];
  private failed: Error | null = null;

  constructor(
    readonly path: string,
    options: { hash?: boolean } = {},
  ) {
    this.hash = options.hash === false ? null : createHash("sha256");
    this.stream = createWriteStream(path, { flags: "wx" });
  }

  /** Bytes written so far, counting queued text as UTF-16 units (close enough to split files by size). */
  get size(): number {
    return this.bytes + this.pendingLength;
  }

  /** Queues text; returns a promise only when the chunk had to wait for the disk. */
  write(text: string): Promise<void> | undefined {
    this.pending.push(text);
    this.pendingLength += text.length;
    return this.pendingLength >= CHUNK_BYTES ? this.flush() : undefined;
  }

  /** Writes bytes as they are (after any queued text); returns a promise only when the disk asked to wait. */
  writeBytes(bytes: Buffer): Promise<void> | undefined {
    if (this.pendingLength > 0) {
      const waiting = this.flush();
      if (waiting) return waiting.then(() => this.put(bytes));
    }
    return this.put(bytes);
  }

  private flush(): Promise<void> | undefined {
    const chunk = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingLength = 0;
    return this.put(chunk);
  }

  /**
   * Resolves once every byte given so far is in the file (rejects if writing failed): a caller may
   * then refill the buffers it passed to `writeBytes`, which the stream holds until written.
   */
  flushed(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.landed === this.queued) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: this.queued, resolve, reject }));
  }

  private put(chunk: Buffer): Promise<void> | undefined {
    this.hash?.update(chunk);
    this.bytes += chunk.length;
    const write = ++this.queued;
    if (this.stream.write(chunk, (error) => this.land(write, error))) return undefined;
    return once(this.stream, "drain").then(() => undefined);
  }

  private land(write: number, error: Error | null | undefined): void {
    if (error) {
      this.failed ??= error;
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
      return;
    }
    this.landed = write;
    while (this.waiters.length > 0 && this.waiters[0]!.upTo <= write) this.waiters.shift()!.resolve();
  }

  /** Finishes the file. `sha256` is empty when the sink was made without a hash. */
  async close(): Promise<Digest> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
    await once(this.stream, "close").catch(() => undefined);
    return { bytes: this.bytes, sha256: this.hash?.digest("hex") ?? "" };
  }

  /**
   * Stops writing and resolves once the file is closed, leaving the partial file for the caller to
   * remove. Awaited before that removal: a stream destroyed while its file is still being opened
   * opens (creates) it afterwards, and a file appearing while its folder was being removed failed the
   * removal with ENOTEMPTY (seen on CI, Node 20), as it did for `SegmentWriter.abort`.
   */
  async destroy(): Promise<void> {
    if (this.stream.closed) return;
    // Not `once(…, "close")`: that would reject on the error a late open or write may still emit.
    const closed = new Promise<void>((resolve) => this.stream.once("close", () => resolve()));
    // A write still queued behind the failure would report "write after destroy": it no longer matters.
    this.stream.on("error", () => undefined);
    this.stream.destroy();
    await closed;
  }
}
