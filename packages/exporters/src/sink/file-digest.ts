import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Digest } from "../digest-tap.js";

/** Size and sha256 of a file, read as a stream (for files another program wrote, and for `verify`). */
export async function fileDigest(path: string): Promise<Digest> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest("hex") };
}
