import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/** Size and sha256 of a staged file, recorded by the step that wrote it. */
export interface StagedDigest {
  bytes: number;
  sha256: string;
}

/** The step whose output a rerun must rebuild when a staged file is corrupt. */
export type RebuildStep = "generateShard" | "exportSnapshot";

/**
 * A staged file is not what the step that wrote it recorded (a flipped byte, a truncated copy, a
 * stale cache), or not a shape this code reads (staged by another version): the same input would
 * fail the same way, so it is never retried. Names the file, what is wrong, and the step to rerun from.
 */
export class StagedArtifactError extends Error {
  override name = "StagedArtifactError";
  constructor(
    readonly path: string,
    readonly rerunFrom: RebuildStep,
    why: string,
  ) {
    super(`staged file ${path} is corrupt: ${why}; rerun --from ${rerunFrom}`);
  }
}

export function digestOf(bytes: Uint8Array): StagedDigest {
  return { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Throws StagedArtifactError unless `found` is `expected`. */
export function ensureDigest(path: string, found: StagedDigest, expected: StagedDigest | undefined, rerunFrom: RebuildStep): void {
  if (!expected || found.bytes !== expected.bytes || found.sha256 !== expected.sha256) {
    const recorded = expected ?? { bytes: -1, sha256: "(none recorded)" };
    throw new StagedArtifactError(path, rerunFrom, `${found.bytes} bytes with sha256 ${found.sha256}, but the step that wrote it recorded ${recorded.bytes} bytes, sha256 ${recorded.sha256}`);
  }
}

/** A small staged file, read whole and checked against its recorded digest before anyone uses it. */
export async function readStaged(path: string, expected: StagedDigest | undefined, rerunFrom: RebuildStep): Promise<Buffer> {
  const bytes = await readFile(path);
  ensureDigest(path, digestOf(bytes), expected, rerunFrom);
  return bytes;
}
