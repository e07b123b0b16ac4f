import { VERSION_TAG } from "@sdh/schemas";
import type { PendingUpload, SnapshotStore, StoredObject } from "../stores/snapshot-store.js";
import { TICKETS_FOLDER } from "./publish-tickets.js";
import { MANIFEST_FILE, snapshotKey, versionPrefix } from "./snapshot-keys.js";

/**
 * The shortest age `pruneUnfinished` accepts. A publish in progress has no manifest either; its
 * files are at most as old as the publish, and a large snapshot takes minutes to upload.
 */
export const MIN_UNFINISHED_AGE_MS = 60 * 60 * 1000;

/** The files of a publish that never wrote its manifest: invisible to consumers, but stored and paid for. */
export interface UnfinishedSnapshot {
  snapshotId: string;
  objects: number;
  bytes: number;
  /** When its newest object was written, in ms since the epoch. */
  lastWrite: number;
}

/** A snapshot folder with no manifest, from its objects; null when it has a manifest or nothing. */
async function unfinished(store: SnapshotStore, snapshotId: string, version: string): Promise<{ snapshot: UnfinishedSnapshot; objects: StoredObject[] } | null> {
  if (await store.readText(snapshotKey(snapshotId, MANIFEST_FILE, version))) return null;
  const objects = await store.listObjects(snapshotKey(snapshotId, "", version));
  if (!objects.length) return null;
  const snapshot = {
    snapshotId,
    objects: objects.length,
    bytes: objects.reduce((n, o) => n + o.bytes, 0),
    lastWrite: Math.max(...objects.map((o) => o.lastModified)),
  };
  return { snapshot, objects };
}

/** The snapshot folders of a version that hold files but no manifest, by id. */
export async function unfinishedSnapshots(store: SnapshotStore, version: string = VERSION_TAG): Promise<UnfinishedSnapshot[]> {
  const ids = (await store.listChildren(versionPrefix(version))).filter((name) => !name.endsWith(".json"));
  const found: UnfinishedSnapshot[] = [];
  for (const id of ids) {
    const u = await unfinished(store, id, version);
    if (u) found.push(u.snapshot);
  }
  return found;
}

/**
 * A publish ticket left in a committed snapshot's folder: its publisher wrote the manifest and then
 * lost its store (a gateway that died) before it could remove the ticket. Harmless to readers, but
 * stored; in a folder without a manifest the ticket is one of the unfinished publish's objects.
 */
export interface LeftoverTicket {
  snapshotId: string;
  key: string;
  /** When it was last renewed, in ms since the epoch. */
  lastModified: number;
}

/** The publish tickets found in snapshot folders that have a manifest. */
export async function leftoverTickets(store: SnapshotStore, version: string = VERSION_TAG): Promise<LeftoverTicket[]> {
  const ids = (await store.listChildren(versionPrefix(version))).filter((name) => !name.endsWith(".json"));
  const found: LeftoverTicket[] = [];
  for (const snapshotId of ids) {
    const tickets = await store.listObjects(snapshotKey(snapshotId, `${TICKETS_FOLDER}/`, version));
    if (!tickets.length || !(await store.readText(snapshotKey(snapshotId, MANIFEST_FILE, version)))) continue;
    for (const t of tickets) found.push({ snapshotId, key: t.key, lastModified: t.lastModified });
  }
  return found;
}

/** Multipart uploads never completed or aborted under a version (any snapshot, committed or not). */
export async function pendingUploads(store: SnapshotStore, version: string = VERSION_TAG): Promise<PendingUpload[]> {
  return store.listPendingUploads(versionPrefix(version));
}

export interface PruneUnfinishedOptions {
  /** Remove only folders whose newest object is older than this; at least MIN_UNFINISHED_AGE_MS. */
  olderThanMs: number;
  dryRun?: boolean;
  version?: string;
  /** The clock, for tests. */
  now?: number;
}

/**
 * Removes the files of publishes that never finished and have not been touched for `olderThanMs`,
 * aborts multipart uploads (of any snapshot) started before then, and removes publish tickets left in
 * committed snapshots' folders and not renewed since then.
 * A folder with a manifest is never touched. Each folder is checked and listed again just before its
 * removal, and only the objects that listing found go: a publish of the same id that started since
 * the first look has fresh objects, so its folder is kept. A publish starting in the milliseconds
 * between that listing and the removal could still lose a file: its own listing before the manifest
 * then fails it, and publishing again completes it.
 */
export async function pruneUnfinished(
  store: SnapshotStore,
  options: PruneUnfinishedOptions,
): Promise<{ removed: UnfinishedSnapshot[]; kept: UnfinishedSnapshot[]; abortedUploads: PendingUpload[]; removedTickets: LeftoverTicket[] }> {
  if (options.olderThanMs < MIN_UNFINISHED_AGE_MS) {
    throw new RangeError(`an age of ${options.olderThanMs} ms is below the minimum of 1h: a publish still uploading has no manifest either`);
  }
  const version = options.version ?? VERSION_TAG;
  const cutoff = (options.now ?? Date.now()) - options.olderThanMs;
  const removed: UnfinishedSnapshot[] = [];
  const kept: UnfinishedSnapshot[] = [];
  for (const candidate of await unfinishedSnapshots(store, version)) {
    if (candidate.lastWrite >= cutoff) {
      kept.push(candidate);
      continue;
    }
    const now = await unfinished(store, candidate.snapshotId, version);
    if (!now) continue; // finished (or emptied) since the first look
    if (now.snapshot.lastWrite >= cutoff) {
      kept.push(now.snapshot);
      continue;
    }
    if (!options.dryRun) await store.deleteObjects(now.objects.map((o) => o.key));
    removed.push(now.snapshot);
  }
  // Uploads started before the window: a publisher still uploading started its upload recently.
  const stale = (await pendingUploads(store, version)).filter((u) => u.initiated < cutoff);
  if (!options.dryRun) await store.abortPendingUploads(stale);
  // A live publisher renews its ticket every 30 s, so one older than the window (≥ 1h) is dead.
  const tickets = (await leftoverTickets(store, version)).filter((t) => t.lastModified < cutoff);
  if (!options.dryRun && tickets.length) await store.deleteObjects(tickets.map((t) => t.key));
  return { removed, kept, abortedUploads: stale, removedTickets: tickets };
}
