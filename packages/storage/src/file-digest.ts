import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";

export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** Size and sha256 of a file, read as a stream. (@sdh/exporters has its twin; storage does not depend on exporters, which bring DuckDB.) */
export async function fileDigest(path: string): Promise<FileDigest> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** Streams `source` into `path`, returning the size and sha256 of what was written. */
export async function writeWithDigest(source: NodeJS.ReadableStream, path: string): Promise<FileDigest> {
  const hash = createHash("sha256");
  let bytes = 0;
  await pipeline(
    source,
    async function* (chunks) {
      for await (const chunk of chunks) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
        yield chunk;
      }
    },
    createWriteStream(path),
  );
  return { bytes, sha256: hash.digest("hex") };
}
