import { PublishConflictError } from "../local-publish.js";
import type { SnapshotStore } from "../stores/snapshot-store.js";
import { snapshotKey } from "./snapshot-keys.js";
import { readManifest } from "./stored-documents.js";
import { isTicket, takeTicketPatiently, uploadFiles, type UploadedFile } from "./publish-snapshot.js";

export interface PublishPartOptions {
  /** The build the part belongs to (the workflow id): its sibling parts upload side by side. */
  build: string;
  onBytes?: (bytes: number) => void;
  onFile?: (path: string) => void;
  signal?: AbortSignal;
}

export interface PublishPartResult {
  /** True when the snapshot was already published with these very files: nothing was uploaded. */
  published: boolean;
}

/**
 * Uploads one part's data files (ADR 0028) straight to the snapshot's folder in the store, from the
 * worker that wrote them, each with its SHA-256 (which the store checks). Nothing becomes visible:
 * the snapshot is committed later, by publishSnapshot writing its manifest once every part is stored.
 *
 * Committed bytes never change: when the snapshot is already published, its manifest must list these
 * files with these digests (then nothing is uploaded), or PublishConflictError is thrown and nothing
 * is written. The part uploads under a publish ticket naming its build, so a publisher of the same id
 * from another build (a different content) and this part exclude each other as publishers do.
 */
export async function publishPart(dir: string, store: SnapshotStore, snapshotId: string, files: readonly UploadedFile[], options: PublishPartOptions): Promise<PublishPartResult> {
  const location = `${store.location.replace(/\/$/, "")}/${snapshotKey(snapshotId, "")}`;
  const published = async (): Promise<PublishPartResult | null> => {
    const existing = await readManifest(store, snapshotId);
    if (!existing) return null;
    const listed = new Map(existing.manifest.files.map((f) => [f.path, f]));
    const differs = files.find((f) => listed.get(f.path)?.sha256 !== f.sha256 || listed.get(f.path)?.bytes !== f.bytes);
    if (differs) {
      throw new PublishConflictError(
        `snapshot ${snapshotId} is already published at ${location}, and its ${differs.path} ${listed.has(differs.path) ? "has other content" : "is not one of its files"}; a published snapshot is never overwritten: choose another snapshot id`,
      );
    }
    return { published: true };
  };
  const before = await published();
  if (before) return before;
  const ticket = await takeTicketPatiently(store, snapshotId, location, published, options.build);
  if (!isTicket(ticket)) return ticket;
  try {
    // A publisher of another build that committed between the first look and the ticket has released its own.
    const meanwhile = await published();
    if (meanwhile) return meanwhile;
    await uploadFiles(dir, store, snapshotId, files, options);
  } finally {
    await ticket.release();
  }
  return { published: false };
}
