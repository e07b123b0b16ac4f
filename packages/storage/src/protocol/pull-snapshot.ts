import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Manifest, PULL_RECORD_FILE, VERSION_TAG, type ManifestFile } from "@sdh/schemas";
import { StoreError, type SnapshotStore } from "../stores/snapshot-store.js";
import { latestKey, MANIFEST_FILE, snapshotKey, type LatestPointer } from "./snapshot-keys.js";

/** Which files a partial pull took; `sdh verify` checks only those. */
export const PULL_RECORD = PULL_RECORD_FILE;

export interface PullOptions {
  version?: string;
  /** A snapshot id, or "latest". */
  snapshot: string;
  out: string;
  /** Only these entities' data files (documents always come). */
  entities?: readonly string[];
  /** Only these formats' data files. */
  formats?: readonly string[];
  force?: boolean;
  onFile?: (path: string, done: number, total: number) => void;
}

export interface PullResult {
  dir: string;
  manifest: Manifest;
  files: ManifestFile[];
  bytes: number;
}

/** A downloaded file differs from what the manifest says: the snapshot was altered after publishing. */
export class PullMismatchError extends Error {
  override name = "PullMismatchError";
}

const PARALLEL_DOWNLOADS = 4;
const DATA_ENTITIES = new Set(["persons", "vehicles", "profiles"]);

/**
 * Downloads a published snapshot, checking every file's size and sha256 against the manifest. Files
 * land in a hidden sibling folder renamed to `out` at the end, manifest last: a mismatch (named) or
 * an interruption leaves nothing that looks complete.
 */
export async function pullSnapshot(store: SnapshotStore, options: PullOptions): Promise<PullResult> {
  const version = options.version ?? VERSION_TAG;
  const out = resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0 && !options.force) throw new StoreError(`${out} is not empty; choose an empty folder or pass --force to replace it`);
  const snapshotId = options.snapshot === "latest" ? await latestId(store, version) : options.snapshot;
  const text = await store.readText(snapshotKey(snapshotId, MANIFEST_FILE, version));
  if (!text) throw new StoreError(`snapshot ${snapshotId} is not published at ${store.location}${version}/ (no manifest); \`sdh list\` shows the published ones`);
  const manifest = Manifest.parse(JSON.parse(text.value));
  const wanted = (f: ManifestFile) =>
    !DATA_ENTITIES.has(f.entity) || ((!options.entities || options.entities.includes(f.entity)) && (!options.formats || options.formats.includes(f.format)));
  const files = manifest.files.filter(wanted);
  const partial = files.length < manifest.files.length;

  const staging = join(dirname(out), `.${basename(out)}.partial-${randomBytes(4).toString("hex")}`);
  await mkdir(staging, { recursive: true });
  try {
    const queue = [...files];
    let done = 0;
    let failed = false;
    const lane = async () => {
      for (let file = queue.shift(); file && !failed; file = queue.shift()) {
        const path = join(staging, file.path);
        await mkdir(dirname(path), { recursive: true });
        const got = await store.download(snapshotKey(snapshotId, file.path, version), path);
        if (got.sha256 !== file.sha256 || got.bytes !== file.bytes) {
          throw new PullMismatchError(
            `${file.path}: downloaded ${got.bytes} bytes with sha256 ${got.sha256}, but the manifest says ${file.bytes} bytes, sha256 ${file.sha256}; the published copy was altered: nothing was kept`,
          );
        }
        options.onFile?.(file.path, ++done, files.length);
      }
    };
    // Every lane ends before the staging folder can be removed: a download still writing would race it.
    const stopOthers = (error: unknown) => {
      failed = true;
      throw error;
    };
    const lanes = await Promise.allSettled(Array.from({ length: PARALLEL_DOWNLOADS }, () => lane().catch(stopOthers)));
    const first = lanes.find((l) => l.status === "rejected");
    if (first) throw first.reason;
    if (partial) await writeFile(join(staging, PULL_RECORD), `${JSON.stringify({ snapshotId, files: files.map((f) => f.path) }, null, 2)}\n`);
    await writeFile(join(staging, MANIFEST_FILE), text.value);
    if (existsSync(out)) await rm(out, { recursive: true, force: true });
    await rename(staging, out);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { dir: out, manifest, files, bytes: files.reduce((n, f) => n + f.bytes, 0) };
}

async function latestId(store: SnapshotStore, version: string): Promise<string> {
  const latest = await store.readText(latestKey(version));
  if (!latest) throw new StoreError(`no snapshot is published at ${store.location}${version}/ yet (no latest.json)`);
  return (JSON.parse(latest.value) as LatestPointer).snapshotId;
}
