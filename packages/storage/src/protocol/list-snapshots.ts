import { snapshotIdProblem, VERSION_TAG, type Counts } from "@sdh/schemas";
import type { SnapshotStore } from "../stores/snapshot-store.js";
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

/**
 * The committed snapshots of a version: those whose manifest is published, oldest first. A folder
 * without a manifest (a publish that never finished) is not a snapshot and is not listed. A manifest
 * (or latest.json) that cannot be read is skipped and reported through `onSkipped`, naming the
 * object: one broken document never hides the others.
 */
export async function listSnapshots(store: SnapshotStore, version: string = VERSION_TAG, onSkipped?: (skipped: SkippedObject) => void): Promise<PublishedSnapshot[]> {
  const prefix = versionPrefix(version);
  const names = (await store.listChildren(prefix)).filter((name) => !name.endsWith(".json"));
  const skip = (error: unknown, key: string) => {
    if (!(error instanceof InvalidStoredDocument)) throw error;
    onSkipped?.({ key, problem: error.message });
  };
  let latestId: string | null = null;
  try {
    latestId = (await readLatest(store, version))?.pointer.snapshotId ?? null;
  } catch (error) {
    skip(error, `${prefix}latest.json`);
  }
  const found: PublishedSnapshot[] = [];
  for (const id of names) {
    const problem = snapshotIdProblem(id);
    if (problem) {
      onSkipped?.({ key: `${prefix}${id}/`, problem: `'${id}' is not a snapshot id (${problem}); not a snapshot folder` });
      continue;
    }
    let read;
    try {
      read = await readManifest(store, id, version);
    } catch (error) {
      skip(error, `${prefix}${id}/`);
      continue;
    }
    if (!read) continue;
    const m = read.manifest;
    found.push({
      snapshotId: m.snapshotId,
      asOf: m.asOf,
      seed: m.seed,
      generatedAt: m.generatedAt,
      pack: m.pack?.name ?? "pc",
      counts: m.counts,
      files: m.files.length,
      bytes: m.files.reduce((n, f) => n + f.bytes, 0),
      validation: m.validation,
      latest: m.snapshotId === latestId,
    });
  }
  return found.sort((a, b) => (a.asOf + a.generatedAt < b.asOf + b.generatedAt ? -1 : 1));
}
