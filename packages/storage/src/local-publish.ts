import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { partialFolder } from "@sdh/local-files";
import { MANIFEST_FILE_NAME, VERSION_TAG } from "@sdh/schemas";

/** A snapshot with this id is already published with different content: never overwritten. */
export class PublishConflictError extends Error {
  override name = "PublishConflictError";
}

const MANIFEST = MANIFEST_FILE_NAME;

/** The folder a snapshot is published to under a local target: `<target>/v0.9/<snapshotId>/`, as on S3. */
export function publishedFolder(targetPath: string, snapshotId: string): string {
  return join(targetPath, VERSION_TAG, snapshotId);
}

/**
 * Publishes a complete bundle folder (its manifest written) to a local target. On the same file
 * system the bundle is moved (a rename: instant, and atomic); elsewhere it is copied into a hidden
 * sibling and renamed into place. Either way a snapshot folder appears only when complete. A
 * snapshot already there with the same content (same manifest but for generatedAt) counts as
 * published: a re-run succeeds. Different content under the same id is a PublishConflictError, and
 * what is there stays untouched.
 */
export async function publishToFolder(bundleDir: string, targetPath: string, snapshotId: string): Promise<{ location: string; reused: boolean }> {
  const location = publishedFolder(targetPath, snapshotId);
  const ours = readFileSync(join(bundleDir, MANIFEST), "utf8");
  const already = () => {
    if (!existsSync(join(location, MANIFEST))) return null;
    if (sameContent(readFileSync(join(location, MANIFEST), "utf8"), ours)) return { location, reused: true };
    throw new PublishConflictError(`snapshot ${snapshotId} is already published at ${location} with different content; it is never overwritten: choose another snapshot id`);
  };
  const before = already();
  if (before) return before;
  await mkdir(dirname(location), { recursive: true });
  // rename() onto a folder that exists and is not empty fails, atomically: of two racing publishers
  // one moves its bundle in and the other finds it there. Nothing in place is ever removed.
  const moveIn = async (from: string) => {
    try {
      await rename(from, location);
      return { location, reused: false };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      const there = already();
      if (there) return there;
      throw new PublishConflictError(`${location} holds files but no manifest: a publish of ${snapshotId} is running there or was abandoned; nothing was changed. \`sdh orphans list --target ${targetPath}\` shows it`);
    }
  };
  try {
    return await moveIn(bundleDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
  }
  const incoming = partialFolder(location);
  try {
    await cp(bundleDir, incoming, { recursive: true });
    return await moveIn(incoming);
  } finally {
    await rm(incoming, { recursive: true, force: true });
  }
}

function sameContent(a: string, b: string): boolean {
  const strip = (text: string) => {
    const { generatedAt: _ignored, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  return strip(a) === strip(b);
}
