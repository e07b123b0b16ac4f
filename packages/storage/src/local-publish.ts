import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { VERSION_TAG } from "@sdh/schemas";

/** A snapshot with this id is already published with different content: never overwritten. */
export class PublishConflictError extends Error {
  override name = "PublishConflictError";
}

const MANIFEST = "snapshot_manifest_v0_1.json";

/** The folder a snapshot is published to under a local target: `<target>/v0.1/<snapshotId>/`, as on S3. */
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
  if (existsSync(join(location, MANIFEST))) {
    if (sameContent(readFileSync(join(location, MANIFEST), "utf8"), ours)) return { location, reused: true };
    throw new PublishConflictError(`snapshot ${snapshotId} is already published at ${location} with different content; it is never overwritten: choose another snapshot id`);
  }
  await mkdir(dirname(location), { recursive: true });
  // A folder left by an interrupted copy has no manifest: it never counted as published.
  await rm(location, { recursive: true, force: true });
  try {
    await rename(bundleDir, location);
    return { location, reused: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
  }
  const incoming = join(dirname(location), `.${snapshotId}.partial-${randomBytes(4).toString("hex")}`);
  try {
    await cp(bundleDir, incoming, { recursive: true });
    await rename(incoming, location);
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    throw error;
  }
  return { location, reused: false };
}

function sameContent(a: string, b: string): boolean {
  const strip = (text: string) => {
    const { generatedAt: _ignored, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  return strip(a) === strip(b);
}
