import { LatestPointer, Manifest } from "@sdh/schemas";
import { StoreError, type SnapshotStore } from "../stores/snapshot-store.js";
import { latestKey, MANIFEST_FILE, snapshotKey } from "./snapshot-keys.js";

/** A document in a store is not what it claims to be: the message names the object and the first problem. */
export class InvalidStoredDocument extends StoreError {
  override name = "InvalidStoredDocument";
}

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

/** Parses a JSON document read from `where` (a store location), or says exactly what is wrong with it. */
export function parseStored<T>(schema: Schema<T>, text: string, where: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text it choked on: never passed on (the file may be anything).
    throw new InvalidStoredDocument(`${where} is not a valid ${what}: not JSON`);
  }
  const checked = schema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path.length ? issue.path.map(String).join(".") : "the document";
    throw new InvalidStoredDocument(`${where} is not a valid ${what}: ${field}: ${issue.message}`);
  }
  return checked.data;
}

/**
 * A snapshot's manifest from a store, checked: its paths are plain relative paths inside the
 * snapshot, and its snapshotId is the folder it was read from. Null when there is no manifest.
 */
export async function readManifest(store: SnapshotStore, snapshotId: string, version?: string): Promise<{ manifest: Manifest; text: string } | null> {
  const key = snapshotKey(snapshotId, MANIFEST_FILE, version);
  const stored = await store.readText(key);
  if (!stored) return null;
  const where = `${store.location.replace(/\/$/, "")}/${key}`;
  const manifest = parseStored(Manifest, stored.value, where, "snapshot manifest");
  if (manifest.snapshotId !== snapshotId) {
    throw new InvalidStoredDocument(`${where} is not a valid snapshot manifest: its snapshotId is '${manifest.snapshotId}', but it lies in the folder of '${snapshotId}'`);
  }
  return { manifest, text: stored.value };
}

/** latest.json, checked, with the version a compare-and-set needs; null when there is none. */
export async function readLatest(store: SnapshotStore, version?: string): Promise<{ pointer: LatestPointer; version: string } | null> {
  const key = latestKey(version);
  const stored = await store.readText(key);
  if (!stored) return null;
  return { pointer: parseStored(LatestPointer, stored.value, `${store.location.replace(/\/$/, "")}/${key}`, "latest.json"), version: stored.version };
}
