import { Manifest, VERSION_TAG, type Counts } from "@sdh/schemas";
import type { SnapshotStore } from "../stores/snapshot-store.js";
import { latestKey, MANIFEST_FILE, snapshotKey, versionPrefix, type LatestPointer } from "./snapshot-keys.js";

export interface PublishedSnapshot {
  snapshotId: string;
  asOf: string;
  seed: number;
  generatedAt: string;
  counts: Counts;
  files: number;
  bytes: number;
  latest: boolean;
}

/**
 * The committed snapshots of a version: those whose manifest is published, oldest first. A folder
 * without a manifest (a publish that never finished) is not a snapshot and is not listed.
 */
export async function listSnapshots(store: SnapshotStore, version: string = VERSION_TAG): Promise<PublishedSnapshot[]> {
  const ids = (await store.listChildren(versionPrefix(version))).filter((name) => !name.endsWith(".json"));
  const latest = await store.readText(latestKey(version));
  const latestId = latest ? (JSON.parse(latest.value) as LatestPointer).snapshotId : null;
  const found: PublishedSnapshot[] = [];
  for (const id of ids) {
    const text = await store.readText(snapshotKey(id, MANIFEST_FILE, version));
    if (!text) continue;
    const m = Manifest.parse(JSON.parse(text.value));
    found.push({
      snapshotId: m.snapshotId,
      asOf: m.asOf,
      seed: m.seed,
      generatedAt: m.generatedAt,
      counts: m.counts,
      files: m.files.length,
      bytes: m.files.reduce((n, f) => n + f.bytes, 0),
      latest: m.snapshotId === latestId,
    });
  }
  return found.sort((a, b) => (a.asOf + a.generatedAt < b.asOf + b.generatedAt ? -1 : 1));
}
