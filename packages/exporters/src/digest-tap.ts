import { createHash } from "node:crypto";
import { Transform } from "node:stream";

export interface Digest {
  bytes: number;
  /** Lowercase hex, as the manifest records it. */
  sha256: string;
}

/**
 * A pass-through stream that counts and hashes what flows to the file, so the manifest's
 * `bytes` and `sha256` come from the bytes actually written, without reading the file again.
 */
export function createDigestTap(): { stream: Transform; digest: () => Digest } {
  const hash = createHash("sha256");
  let bytes = 0;
  let final: Digest | null = null;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return {
    stream,
    digest: () => {
      if (!stream.writableFinished) throw new Error("digest requested before the stream finished");
      final ??= { bytes, sha256: hash.digest("hex") };
      return final;
    },
  };
}
