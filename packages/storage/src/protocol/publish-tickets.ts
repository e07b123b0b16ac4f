import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { isProcessRunning } from "@sdh/local-files";
import { StoreError, type SnapshotStore, type StoredObject } from "../stores/snapshot-store.js";
import { snapshotKey } from "./snapshot-keys.js";

/**
 * Exclusion between publishers of one snapshot id, on any store with read-after-write listings (S3,
 * a folder), without trusting conditional writes to be atomic: the Versity gateway's posix backend,
 * for one, checks If-None-Match and then writes, so two racing writers can both pass.
 *
 * Each publisher writes a ticket under a key of its own (`<id>/.publishing/<time>-<random>.json`),
 * then lists the tickets. It goes on only if it sees no live ticket but its own. Of two racing
 * publishers, the one that lists second sees the first one's ticket (written before the first one
 * listed), so at most one goes on; both may step back, and a later attempt goes alone. The owner
 * renews its ticket while it uploads and looks again just before it commits, so a publisher that
 * took over a ticket gone stale is seen and the commit is abandoned instead of racing it.
 *
 * A distributed build (ADR 0028) uploads its parts from many workers, each under a ticket of its own
 * that names the build (the workflow id): tickets of one build are siblings, not rivals, so its
 * parts upload side by side, while any other publisher of the id still sees them and steps back.
 */

export const TICKETS_FOLDER = ".publishing";
/** A ticket not renewed for this long belongs to a publisher that died: it no longer holds the id. */
export const TICKET_LEASE_MS = 5 * 60 * 1000;
const RENEW_EVERY_MS = 30 * 1000;

/** Tickets this process holds now: one of ours that is not here was left by an attempt that failed. */
const held = new Set<string>();

/**
 * A ticket is a rival's unless it went unrenewed past the lease, names our own build (a sibling), or
 * names a publisher on this host that is gone: a process that is no longer running, or an earlier
 * attempt of this one (a publish cut off with its store cannot remove its ticket; its re-run should
 * not wait out the lease).
 */
async function isRival(store: SnapshotStore, ticket: StoredObject, now: number, build: string | undefined): Promise<boolean> {
  if (now - ticket.lastModified >= TICKET_LEASE_MS) return false;
  const text = await store.readText(ticket.key).catch(() => null);
  if (!text) return false; // released meanwhile
  let holder: { host?: unknown; pid?: unknown; build?: unknown };
  try {
    holder = JSON.parse(text.value) as typeof holder;
  } catch {
    return true; // unreadable: judged by its age alone
  }
  if (build !== undefined && holder.build === build) return false; // a sibling: another part of this build
  if (holder.host !== hostname() || typeof holder.pid !== "number") return true;
  if (holder.pid === process.pid) return held.has(ticket.key);
  return isProcessRunning(holder.pid);
}

/** Another publish of the same snapshot id is running: try again once it has finished. */
export class PublishInProgressError extends StoreError {
  override name = "PublishInProgressError";
}

export interface PublishTicket {
  /** Fails with PublishInProgressError when another live ticket is there (call before committing). */
  ensureAlone(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes a publish ticket of `snapshotId`, or throws PublishInProgressError naming the other publisher.
 * With `build`, tickets naming the same build do not count against it (see above).
 */
export async function takeTicket(store: SnapshotStore, snapshotId: string, location: string, build?: string): Promise<PublishTicket> {
  const folder = snapshotKey(snapshotId, `${TICKETS_FOLDER}/`);
  const key = `${folder}${Date.now().toString(36)}-${randomBytes(6).toString("hex")}.json`;
  const body = () => `${JSON.stringify({ host: hostname(), pid: process.pid, ...(build === undefined ? {} : { build }), renewedAt: new Date().toISOString() })}\n`;
  held.add(key);
  try {
    await store.putText(key, body());
  } catch (error) {
    held.delete(key);
    throw error;
  }
  const ensureAlone = async () => {
    const tickets = (await store.listObjects(folder)).filter((t) => t.key.endsWith(".json"));
    // Ages are judged by the store's own clock: our ticket's time is its "now".
    const now = tickets.find((t) => t.key === key)?.lastModified ?? Math.max(0, ...tickets.map((t) => t.lastModified));
    const others = [];
    for (const t of tickets) if (t.key !== key && (await isRival(store, t, now, build))) others.push(t);
    if (others.length) {
      const other = others[0]!;
      const holder = await store.readText(other.key).catch(() => null);
      throw new PublishInProgressError(
        `snapshot ${snapshotId} is being published to ${location} by another publish (${holder?.value.trim() ?? other.key}); nothing was written: try again once it has finished`,
      );
    }
  };
  const renewal = setInterval(() => void store.putText(key, body()).catch(() => undefined), RENEW_EVERY_MS);
  renewal.unref();
  const release = async () => {
    clearInterval(renewal);
    held.delete(key);
    await store.deleteObjects([key]).catch(() => undefined); // a ticket left behind goes stale on its own
  };
  try {
    await ensureAlone();
  } catch (error) {
    await release();
    throw error;
  }
  return {
    ensureAlone: async () => {
      await store.putText(key, body()); // renewed first, so a publisher listing after this sees it live
      await ensureAlone();
    },
    release,
  };
}
