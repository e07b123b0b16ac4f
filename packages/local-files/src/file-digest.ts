import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";

/**
 * Bytes a read of a whole file takes at a time: 1 MiB, not a stream's default 64 KiB. Each read is a
 * trip through libuv and the stream machinery: reading 300 MB cost 270-330 ms of CPU in 64 KiB reads
 * and 80-140 ms in 1 MiB ones, and fileDigest of it 326-415 ms against 257-268 (measured, issue 37).
 * Files published, hashed or copied are read this way.
 */
export const BULK_READ_BYTES = 1 << 20;

export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** Size and sha256 of a file, read as a stream. */
export async function fileDigest(path: string, signal?: AbortSignal): Promise<FileDigest> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path, { signal, highWaterMark: BULK_READ_BYTES })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** More bytes arrived than the sender announced: the download stopped there. */
export class UnexpectedSizeError extends Error {
  override name = "UnexpectedSizeError";
}

export interface WriteOptions {
  /** Stop (and fail) as soon as more than this many bytes arrive, instead of storing them all first. */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** Streams `source` into `path`, returning the size and sha256 of what was written. */
export async function writeWithDigest(source: NodeJS.ReadableStream, path: string, options: WriteOptions = {}): Promise<FileDigest> {
  const hash = createHash("sha256");
  let bytes = 0;
  const { maxBytes } = options;
  await pipeline(
    source,
    async function* (chunks) {
      for await (const chunk of chunks) {
        bytes += (chunk as Buffer).length;
        if (maxBytes !== undefined && bytes > maxBytes) throw new UnexpectedSizeError(`more than the ${maxBytes} bytes expected arrived; stopped reading`);
        hash.update(chunk as Buffer);
        yield chunk;
      }
    },
    createWriteStream(path),
    ...(options.signal ? [{ signal: options.signal }] : []),
  );
  return { bytes, sha256: hash.digest("hex") };
}
