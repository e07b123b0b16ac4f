import { snapshotIdProblem, VERSION_TAG, type Counts } from "@sdh/schemas";
import { RefusedObjectError, type SnapshotStore } from "../stores/snapshot-store.js";
import { versionPrefix } from "./snapshot-keys.js";
import { InvalidStoredDocument, readLatest, readManifest } from "./stored-documents.js";

export interface PublishedSnapshot {
  snapshotId: string;
  asOf: string;
  seed: number;
  generatedAt: string;
  /** The entity pack of its records (pc for manifests before schema 0.3, which name none). */
  pack: string;
  counts: Counts;
  files: number;
  bytes: number;
  /** The validation gate's outcome (always passed for a committed snapshot; warnings may remain). */
  validation: { passed: boolean; errors: number; warnings: number };
  latest: boolean;
}

/** An object `list` could not read: skipped, and named with what is wrong with it. */
export interface SkippedObject {
  key: string;
  problem: string;
}

/** A snapshot's listing entry as its manifest gives it (`latest` is the pointer's, read each time). */
export type ListedManifest = Omit<PublishedSnapshot, "latest">;

/**
 * Where `listSnapshots` keeps the entries of manifests it has read, by `<version>/<snapshot id>`: a
 * committed manifest never changes, so a long-lived lister (the catalog server) reads each once. The
 * cache decides how long an entry is trusted; listing the folders is never cached, so a removed
 * snapshot leaves the listing at once.
 */
export interface ListingCache {
  get(key: string): ListedManifest | undefined;
  set(key: string, entry: ListedManifest): void;
}

export interface ListOptions {
  onSkipped?: (skipped: SkippedObject) => void;
  cache?: ListingCache;
  /** Manifests read at once (default 8): an S3 listing of hundreds is bound by round trips, not bytes. */
  concurrency?: number;
}

/**
 * The committed snapshots of a version: those whose manifest is published, oldest first. A folder
 * without a manifest (a publish that never finished) is not a snapshot and is not listed. A manifest
 * (or latest.json) that cannot be read is skipped and reported through `onSkipped`, naming the
 * object: one broken document never hides the others.
 */
export async function listSnapshots(store: SnapshotStore, version: string = VERSION_TAG, options: ListOptions | ((skipped: SkippedObject) => void) = {}): Promise<PublishedSnapshot[]> {
  const { onSkipped, cache, concurrency = 8 } = typeof options === "function" ? { onSkipped: options } : options;
  const prefix = versionPrefix(version);
  const names = (await store.listChildren(prefix)).filter((name) => !name.endsWith(".json"));
  const skip = (error: unknown, key: string) => {
    if (!(error instanceof InvalidStoredDocument || error instanceof RefusedObjectError)) throw error;
    onSkipped?.({ key, problem: error.message });
  };
  let latestId: string | null = null;
  try {
    latestId = (await readLatest(store, version))?.pointer.snapshotId ?? null;
  } catch (error) {
    skip(error, `${prefix}latest.json`);
  }
  const entries: Array<ListedManifest | null> = new Array(names.length).fill(null);
  const read = async (i: number) => {
    const id = names[i]!;
    const problem = snapshotIdProblem(id);
    if (problem) {
      onSkipped?.({ key: `${prefix}${id}/`, problem: `'${id}' is not a snapshot id (${problem}); not a snapshot folder` });
      return;
    }
    const cached = cache?.get(`${version}/${id}`);
    if (cached) {
      entries[i] = cached;
      return;
    }
    let found;
    try {
      found = await readManifest(store, id, version);
    } catch (error) {
      skip(error, `${prefix}${id}/`);
      return;
    }
    if (!found) return;
    const m = found.manifest;
    entries[i] = { snapshotId: m.snapshotId, asOf: m.asOf, seed: m.seed, generatedAt: m.generatedAt, pack: m.pack?.name ?? "pc", counts: m.counts, files: m.files.length, bytes: m.files.reduce((n, f) => n + f.bytes, 0), validation: m.validation };
    cache?.set(`${version}/${id}`, entries[i]);
  };
  // A few readers share the names in order, so skipped documents are reported as they come.
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, names.length)) }, async () => {
    while (next < names.length) await read(next++);
  }));
  const found = entries.filter((e): e is ListedManifest => e !== null).map((e) => ({ ...e, latest: e.snapshotId === latestId }));
  return found.sort((a, b) => (a.asOf + a.generatedAt < b.asOf + b.generatedAt ? -1 : 1));
}
