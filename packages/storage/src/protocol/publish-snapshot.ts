import { readFileSync } from "node:fs";
import { inLanes, insideFolder } from "@sdh/local-files";
import { LatestPointer, Manifest } from "@sdh/schemas";
import { PublishConflictError } from "../local-publish.js";
import { StoreError, type SnapshotStore } from "../stores/snapshot-store.js";
import { isNewer, latestKey, MANIFEST_FILE, snapshotKey } from "./snapshot-keys.js";
import { InvalidStoredDocument, parseStored, readManifest } from "./stored-documents.js";
import { PublishInProgressError, takeTicket, type PublishTicket } from "./publish-tickets.js";

export interface PublishResult {
  location: string;
  /** True when the store already held this snapshot with the same content: nothing was written. */
  reused: boolean;
  /** True when latest.json now points at this snapshot. */
  latest: boolean;
}

const PARALLEL_UPLOADS = 4;

/** A file to upload: its path in the bundle (and under the snapshot's key), size and digest. */
export interface UploadedFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface PublishOptions {
  /** Called as each file is stored. */
  onFile?: (path: string) => void;
  /** Called as bytes go up (a heartbeat's progress). */
  onBytes?: (bytes: number) => void;
  /** Stops the uploads: nothing is committed. */
  signal?: AbortSignal;
  /**
   * The build this publish belongs to (the workflow id): its parts' tickets are siblings (see
   * publish-tickets.ts), so a part whose worker was killed does not hold the commit back.
   */
  build?: string;
  /**
   * Files of the manifest already at the store, uploaded by their parts (publishPart): not uploaded
   * again, but checked present at their size with the rest before the manifest commits.
   */
  alreadyStored?: ReadonlySet<string>;
}

/**
 * Publishes a complete local bundle (its manifest written) to a store, so that it is visible only
 * when complete and never changes once it is:
 * 1. a snapshot already published under the id: same content (all but generatedAt) → done; other
 *    content → PublishConflictError, and nothing is written;
 * 2. the publish ticket of the id is taken (see publish-tickets.ts): a concurrent publisher of the
 *    same id steps back with PublishInProgressError before it writes anything;
 * 3. every file but the manifest is uploaded with its SHA-256, which the store checks, and confirmed;
 *    then the ticket is checked again and one listing checks every file is still there, at its size;
 * 4. the manifest is written last and only if absent (If-None-Match: *): its presence commits the snapshot;
 * 5. latest.json moves to this snapshot if it is newer (compare-and-set, retried on a race).
 * A publish interrupted before step 4 leaves no manifest: the snapshot is invisible, and a re-run
 * uploads again and completes it.
 */
export async function publishSnapshot(bundleDir: string, store: SnapshotStore, options: PublishOptions | ((path: string) => void) = {}): Promise<PublishResult> {
  const { onFile, onBytes, signal, build, alreadyStored } = typeof options === "function" ? ({ onFile: options } as PublishOptions) : options;
  const manifestPath = insideFolder(bundleDir, MANIFEST_FILE);
  const manifestText = readFileSync(manifestPath, "utf8");
  const manifest = parseStored(Manifest, manifestText, manifestPath, "snapshot manifest");
  const key = (file: string) => snapshotKey(manifest.snapshotId, file);
  const location = `${store.location.replace(/\/$/, "")}/${key("")}`;

  const published = async () => {
    const existing = await readManifest(store, manifest.snapshotId);
    if (!existing) return null;
    ensureSameContent(existing.text, manifestText, manifest.snapshotId, location);
    return { location, reused: true, latest: await moveLatest(store, existing.manifest) };
  };
  const before = await published();
  if (before) return before;
  const ticket = await takeTicketPatiently(store, manifest.snapshotId, location, published, build);
  if (!isTicket(ticket)) return ticket; // the other publisher committed while we waited
  try {
    // A publisher that committed between the first look and the ticket has released its ticket.
    const meanwhile = await published();
    if (meanwhile) return meanwhile;
    const toUpload = manifest.files.filter((f) => !alreadyStored?.has(f.path));
    await uploadFiles(bundleDir, store, manifest.snapshotId, toUpload, { onFile, onBytes, signal });
    await ticket.ensureAlone();
    await ensureAllStored(store, manifest, key(""), location);
    if (!(await store.putTextIf(key(MANIFEST_FILE), manifestText, undefined))) {
      // Another publisher committed first: fine if it published the same snapshot.
      const theirs = await published();
      if (theirs) return theirs;
      throw new StoreError(`the manifest of ${manifest.snapshotId} at ${location} was refused as present, but cannot be read; publish again`);
    }
  } finally {
    await ticket.release();
  }
  return { location, reused: false, latest: await moveLatest(store, manifest) };
}

/**
 * Racing publishers that saw each other all step back; each tries again after a random pause, so one
 * soon goes alone. Gives up (PublishInProgressError) after ~6 s: a publish that long is a real one,
 * and the caller retries later (the workflow's activity retry does).
 */
export async function takeTicketPatiently<T>(store: SnapshotStore, snapshotId: string, location: string, published: () => Promise<T | null>, build?: string): Promise<PublishTicket | T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await takeTicket(store, snapshotId, location, build);
    } catch (error) {
      if (!(error instanceof PublishInProgressError) || attempt === 4) throw error;
    }
    await new Promise((r) => setTimeout(r, 100 * 2 ** attempt * (0.5 + Math.random())));
    const meanwhile = await published();
    if (meanwhile) return meanwhile;
  }
}

export function isTicket(value: unknown): value is PublishTicket {
  return typeof value === "object" && value !== null && "ensureAlone" in value;
}

/** These files of the bundle folder, four at a time; the first failure stops the rest. */
export async function uploadFiles(bundleDir: string, store: SnapshotStore, snapshotId: string, files: readonly UploadedFile[], { onFile, onBytes, signal }: PublishOptions): Promise<void> {
  const key = (file: string) => snapshotKey(snapshotId, file);
  // The first failure stops the other lanes; every lane ends before the error is reported.
  await inLanes(files, PARALLEL_UPLOADS, async (file) => {
    signal?.throwIfAborted();
    await store.putFile(key(file.path), insideFolder(bundleDir, file.path), file, { signal, onBytes });
    onFile?.(file.path);
  });
}

/**
 * Moves of latest.json in this process, one at a time per store: its compare-and-set is only as
 * atomic as the store's conditional write. A folder's (a lock file) and AWS S3's are; the Versity
 * gateway's posix backend checks If-Match and then writes, so two moves racing there can both pass and
 * leave the older pointer (seen under CI's parallel load). Within a process they no longer race;
 * across processes on such a gateway they still can (ADR 0013).
 */
const moving = new Map<string, Promise<unknown>>();

/** Points latest.json at the snapshot unless it already points at a newer one; safe against concurrent writers. */
export async function moveLatest(store: SnapshotStore, manifest: Pick<Manifest, "snapshotId" | "asOf" | "generatedAt">): Promise<boolean> {
  const before = moving.get(store.location) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => compareAndMoveLatest(store, manifest));
  moving.set(store.location, mine);
  try {
    return await mine;
  } finally {
    if (moving.get(store.location) === mine) moving.delete(store.location);
  }
}

async function compareAndMoveLatest(store: SnapshotStore, manifest: Pick<Manifest, "snapshotId" | "asOf" | "generatedAt">): Promise<boolean> {
  const ours: LatestPointer = { snapshotId: manifest.snapshotId, asOf: manifest.asOf, generatedAt: manifest.generatedAt, manifest: snapshotKey(manifest.snapshotId, MANIFEST_FILE) };
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = await store.readText(latestKey());
    if (current) {
      let theirs: LatestPointer | null = null;
      try {
        theirs = parseStored(LatestPointer, current.value, `${store.location}${latestKey()}`, "latest.json");
      } catch (error) {
        if (!(error instanceof InvalidStoredDocument)) throw error; // unreadable: replaced by a valid pointer
      }
      if (theirs?.snapshotId === ours.snapshotId) return true;
      if (theirs && !isNewer(ours, theirs)) return false;
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
