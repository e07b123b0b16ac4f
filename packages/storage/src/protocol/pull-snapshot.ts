import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { abandonedPartials, inLanes, insideFolder, makePartialFolder } from "@sdh/local-files";
import { DOCUMENT_KINDS, PULL_RECORD_FILE, snapshotIdProblem, VERSION_TAG, type Manifest, type ManifestFile, type PullRecord } from "@sdh/schemas";
import { StoreError, type SnapshotStore } from "../stores/snapshot-store.js";
import { MANIFEST_FILE, snapshotKey } from "./snapshot-keys.js";
import { InvalidStoredDocument, readLatest, readManifest } from "./stored-documents.js";

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
  /**
   * The entities a pack declares, by pack name (undefined: a pack this release does not ship). A
   * manifest whose counts or files name others is refused, as `sdh verify` refuses it.
   */
  declaredEntities?: (pack: string) => readonly string[] | undefined;
}

export interface PullResult {
  dir: string;
  manifest: Manifest;
  files: ManifestFile[];
  bytes: number;
}

/** The manifest's entities (its counts and its data files') are its pack's: InvalidStoredDocument otherwise. */
function checkDeclared(manifest: Manifest, declaredEntities: (pack: string) => readonly string[] | undefined, where: string): void {
  const pack = manifest.pack?.name ?? "pc";
  const declared = declaredEntities(pack);
  if (!declared) throw new InvalidStoredDocument(`${where} is not a valid snapshot manifest: its pack '${pack}' is not one this release of sdh ships`);
  const named = new Set([...Object.keys(manifest.counts), ...manifest.files.map((f) => f.entity).filter((e) => !(DOCUMENT_KINDS as readonly string[]).includes(e))]);
  const extra = [...named].filter((e) => !declared.includes(e));
  if (extra.length) throw new InvalidStoredDocument(`${where} is not a valid snapshot manifest: it names ${extra.map((e) => `'${e.slice(0, 40)}'`).join(", ")}, which pack ${pack} does not declare (${declared.join(", ")})`);
}

/** A downloaded file differs from what the manifest says: the snapshot was altered after publishing. */
export class PullMismatchError extends Error {
  override name = "PullMismatchError";
}

const PARALLEL_DOWNLOADS = 4;

/**
 * Downloads a published snapshot, checking every file's size and sha256 against the manifest. Files
 * land in a hidden sibling folder renamed to `out` at the end, manifest last: a mismatch (named) or
 * an interruption leaves nothing that looks complete.
 */
export async function pullSnapshot(store: SnapshotStore, options: PullOptions): Promise<PullResult> {
  const version = options.version ?? VERSION_TAG;
  const out = resolve(options.out);
  checkOut(out, options.force === true);
  const snapshotId = options.snapshot === "latest" ? await latestId(store, version) : options.snapshot;
  const idProblem = snapshotIdProblem(snapshotId);
  if (idProblem) throw new StoreError(`--snapshot '${snapshotId}' is not a snapshot id or 'latest': ${idProblem}`);
  // The manifest is checked before anything is written: every path inside the snapshot, its id its folder's.
  const read = await readManifest(store, snapshotId, version);
  if (!read) throw new StoreError(`snapshot ${snapshotId} is not published at ${store.location.replace(/\/$/, "")}/${version}/ (no manifest); \`sdh list\` shows the published ones`);
  const { manifest, text } = read;
  // The snapshot's entities are its pack's, as its manifest counts them: a data file is one of theirs.
  const entities = Object.keys(manifest.counts);
  if (options.declaredEntities) checkDeclared(manifest, options.declaredEntities, `${store.location.replace(/\/$/, "")}/${snapshotKey(snapshotId, MANIFEST_FILE, version)}`);
  const unknown = (options.entities ?? []).filter((e) => !entities.includes(e));
  if (unknown.length > 0) throw new StoreError(`--entities names ${unknown.join(", ")}, which snapshot ${snapshotId} does not have; its entities (pack ${manifest.pack?.name ?? "pc"}) are ${entities.join(", ")}`);
  const wanted = (f: ManifestFile) =>
    !entities.includes(f.entity) || ((!options.entities || options.entities.includes(f.entity)) && (!options.formats || options.formats.includes(f.format)));
  const files = manifest.files.filter(wanted);
  const partial = files.length < manifest.files.length;

  // Pulls killed before they finished left hidden folders beside `out`: gone before this one starts.
  for (const left of abandonedPartials(out)) await rm(left, { recursive: true, force: true });
  const staging = await makePartialFolder(out);
  try {
    let done = 0;
    // Every lane ends before the staging folder can be removed: a download still writing would race it.
    await inLanes(files, PARALLEL_DOWNLOADS, async (file) => {
      const path = insideFolder(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      const got = await store.download(snapshotKey(snapshotId, file.path, version), path, file.bytes);
      if (got.sha256 !== file.sha256 || got.bytes !== file.bytes) {
        throw new PullMismatchError(
          `${file.path}: downloaded ${got.bytes} bytes with sha256 ${got.sha256}, but the manifest says ${file.bytes} bytes, sha256 ${file.sha256}; the published copy was altered: nothing was kept`,
        );
      }
      options.onFile?.(file.path, ++done, files.length);
    });
    const record: PullRecord = { snapshotId, files: files.map((f) => f.path) };
    if (partial) await writeFile(join(staging, PULL_RECORD), `${JSON.stringify(record, null, 2)}\n`);
    await writeFile(join(staging, MANIFEST_FILE), text);
    if (existsSync(out)) await rm(out, { recursive: true, force: true });
    await rename(staging, out);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { dir: out, manifest, files, bytes: files.reduce((n, f) => n + f.bytes, 0) };
}

async function latestId(store: SnapshotStore, version: string): Promise<string> {
  const latest = await readLatest(store, version);
  if (!latest) throw new StoreError(`no snapshot is published at ${store.location}${version}/ yet (no latest.json)`);
  return latest.pointer.snapshotId;
}

/** `out` must be a folder (or not exist yet), and empty unless replacing it was asked for. */
function checkOut(out: string, force: boolean): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new StoreError(`--out ${out} is a file, not a folder; choose a folder to pull into`);
  if (readdirSync(out).length > 0 && !force) throw new StoreError(`${out} is not empty; choose an empty folder or pass --force to replace it`);
}

