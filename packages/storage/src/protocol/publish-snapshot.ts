import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Manifest } from "@sdh/schemas";
import { PublishConflictError } from "../local-publish.js";
import { StoreError, type SnapshotStore } from "../stores/snapshot-store.js";
import { isNewer, latestKey, MANIFEST_FILE, snapshotKey, type LatestPointer } from "./snapshot-keys.js";

export interface PublishResult {
  location: string;
  /** True when the store already held this snapshot with the same content: nothing was written. */
  reused: boolean;
  /** True when latest.json now points at this snapshot. */
  latest: boolean;
}

const PARALLEL_UPLOADS = 4;

/**
 * Publishes a complete local bundle (its manifest written) to a store, so that it is visible only
 * when complete and never overwritten:
 * 1. a snapshot already published under the id: same content (all but generatedAt) → done; other
 *    content → PublishConflictError, and nothing is written;
 * 2. every file but the manifest is uploaded with its SHA-256, which the store checks, and confirmed;
 *    then one listing checks they are all still there, at their sizes;
 * 3. the manifest is written last and only if absent (If-None-Match: *): its presence commits the snapshot;
 * 4. latest.json moves to this snapshot if it is newer (compare-and-set, retried on a race).
 * A publish interrupted before step 3 leaves no manifest: the snapshot is invisible, and a re-run
 * uploads again and completes it.
 */
export async function publishSnapshot(bundleDir: string, store: SnapshotStore, onFile?: (path: string) => void): Promise<PublishResult> {
  const manifestText = readFileSync(join(bundleDir, MANIFEST_FILE), "utf8");
  const manifest = Manifest.parse(JSON.parse(manifestText));
  const key = (file: string) => snapshotKey(manifest.snapshotId, file);
  const location = `${store.location.replace(/\/$/, "")}/${key("")}`;

  const existing = await store.readText(key(MANIFEST_FILE));
  if (existing) {
    ensureSameContent(existing.value, manifestText, manifest.snapshotId, location);
    return { location, reused: true, latest: await moveLatest(store, Manifest.parse(JSON.parse(existing.value))) };
  }
  const queue = [...manifest.files];
  let failed = false;
  const lane = async () => {
    for (let file = queue.shift(); file && !failed; file = queue.shift()) {
      await store.putFile(key(file.path), join(bundleDir, file.path), file);
      onFile?.(file.path);
    }
  };
  // The first failure stops the other lanes; every lane ends before the error is reported.
  const stopOthers = (error: unknown) => {
    failed = true;
    throw error;
  };
  const lanes = await Promise.allSettled(Array.from({ length: PARALLEL_UPLOADS }, () => lane().catch(stopOthers)));
  const first = lanes.find((l) => l.status === "rejected");
  if (first) throw first.reason;
  await ensureAllStored(store, manifest, key(""), location);
  if (!(await store.putTextIf(key(MANIFEST_FILE), manifestText, undefined))) {
    // Another publisher committed first: fine if it published the same snapshot.
    const theirs = (await store.readText(key(MANIFEST_FILE)))?.value ?? "{}";
    ensureSameContent(theirs, manifestText, manifest.snapshotId, location);
    return { location, reused: true, latest: await moveLatest(store, Manifest.parse(JSON.parse(theirs))) };
  }
  return { location, reused: false, latest: await moveLatest(store, manifest) };
}

/** Points latest.json at the snapshot unless it already points at a newer one; safe against concurrent writers. */
export async function moveLatest(store: SnapshotStore, manifest: Pick<Manifest, "snapshotId" | "asOf" | "generatedAt">): Promise<boolean> {
  const ours: LatestPointer = { snapshotId: manifest.snapshotId, asOf: manifest.asOf, generatedAt: manifest.generatedAt, manifest: snapshotKey(manifest.snapshotId, MANIFEST_FILE) };
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = await store.readText(latestKey());
    if (current) {
      const theirs = JSON.parse(current.value) as LatestPointer;
      if (theirs.snapshotId === ours.snapshotId) return true;
      if (!isNewer(ours, theirs)) return false;
    }
    if (await store.putTextIf(latestKey(), `${JSON.stringify(ours, null, 2)}\n`, current?.version)) return true;
  }
  throw new Error(`latest.json at ${store.location} kept changing under 20 attempts to move it; try again`);
}

/**
 * One listing of the snapshot's folder, just before the manifest commits it: every file must still be
 * there at its size. Something may have removed one since its upload (`sdh orphans prune` on a
 * folder abandoned long ago, or a person), and a manifest over a missing file would publish a broken
 * snapshot.
 */
async function ensureAllStored(store: SnapshotStore, manifest: Manifest, prefix: string, location: string): Promise<void> {
  const stored = new Map((await store.listObjects(prefix)).map((o) => [o.key.slice(prefix.length), o.bytes]));
  const gone = manifest.files.filter((f) => stored.get(f.path) !== f.bytes);
  if (gone.length) {
    const first = gone[0]!;
    const found = stored.get(first.path);
    throw new StoreError(
      `${gone.length} file(s) of ${manifest.snapshotId} changed at ${location} after their upload, e.g. ${first.path} (${found === undefined ? "missing" : `${found} bytes`}, uploaded ${first.bytes}); the manifest was not written: publish again`,
    );
  }
}

function ensureSameContent(theirs: string, ours: string, snapshotId: string, location: string): void {
  const strip = (text: string) => {
    const { generatedAt: _ignored, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  if (strip(theirs) !== strip(ours)) {
    throw new PublishConflictError(`snapshot ${snapshotId} is already published at ${location} with different content; a published snapshot is never overwritten: choose another snapshot id`);
  }
}
