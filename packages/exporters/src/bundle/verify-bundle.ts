import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { insideFolder, MAX_DOCUMENT_BYTES, NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import { entitySpec, isEntity, Manifest, PULL_RECORD_FILE, PullRecord, type ManifestFile } from "@sdh/schemas";
import type { Pack } from "@sdh/validation";
import { packOfDocument } from "./bundle-pack.js";
import { readEntityFile } from "../records/read-entity-file.js";
import { fileDigest } from "@sdh/local-files";
import { BUNDLE_FILES } from "./bundle-layout.js";
import { BundleError } from "./read-bundle.js";
import { DataFileError } from "../records/data-file-error.js";


export interface Mismatch {
  path: string;
  problem: "missing" | "size" | "sha256" | "records" | "unlisted" | "unreadable" | "not-a-file";
  detail: string;
}

export interface Verification {
  manifest: Manifest;
  checked: number;
  /** Files a partial pull did not take (see PULL_RECORD_FILE): listed, not checked, not missing. */
  notPulled: string[];
  mismatches: Mismatch[];
}

/**
 * Recomputes every file's size, sha256 and (for data files) record count against the manifest, and
 * lists each difference, including files the manifest does not list. Exact: nothing is sampled.
 */
export async function verifyBundle(dir: string, onFile?: (path: string) => void): Promise<Verification> {
  const manifestPath = join(dir, BUNDLE_FILES.manifest);
  const folder = statSync(dir, { throwIfNoEntry: false });
  if (!folder) throw new BundleError(`${dir} does not exist`);
  if (!folder.isDirectory()) throw new BundleError(`${dir} is not a folder; give the folder a snapshot was pulled into`);
  if (!existsSync(manifestPath)) throw new BundleError(`${dir} has no ${BUNDLE_FILES.manifest}: it is not a complete snapshot`);
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(readDocumentSync(manifestPath)));
  } catch (error) {
    if (error instanceof BundleError) throw error;
    // JSON.parse's message quotes the text: only zod's (which names a field) is passed on.
    const why = error instanceof SyntaxError ? "not JSON" : (error as Error).message.split("\n")[0];
    throw new DataFileError(`${manifestPath} is not a valid manifest: ${why}`, { cause: error });
  }
  const pack = packOfDocument(manifest, manifestPath, dir);
  const pulled = pulledFiles(dir, manifest);
  const mismatches: Mismatch[] = [];
  const notPulled: string[] = [];
  for (const file of manifest.files) {
    if (pulled && !pulled.has(file.path)) {
      notPulled.push(file.path);
      continue;
    }
    onFile?.(file.path);
    mismatches.push(...(await verifyFile(dir, file, pack)));
  }
  const listed = new Set([BUNDLE_FILES.manifest, ...(pulled ? [PULL_RECORD_FILE] : []), ...manifest.files.map((f) => f.path)]);
  for (const path of walk(dir)) {
    const name = relative(dir, path);
    if (!listed.has(name)) mismatches.push({ path: name, problem: "unlisted", detail: "in the folder but not in the manifest" });
  }
  return { manifest, checked: manifest.files.length - notPulled.length, notPulled, mismatches };
}

/**
 * The files a partial pull took, or null for a whole snapshot. The record is trusted only as far as
 * it agrees with the manifest: the same snapshot, at least one file, every file one the manifest
 * lists (a manifest can never ship the record itself: its paths cannot start with '.').
 */
function pulledFiles(dir: string, manifest: Manifest): Set<string> | null {
  const path = join(dir, PULL_RECORD_FILE);
  if (!existsSync(path)) return null;
  const bad = (why: string) => new BundleError(`${path} is not a valid pull record: ${why}; pull the snapshot again`);
  let raw: unknown;
  try {
    raw = JSON.parse(readDocumentSync(path));
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw bad("not JSON");
  }
  const checked = PullRecord.safeParse(raw);
  if (!checked.success) throw bad(`${checked.error.issues[0]!.path.join(".") || "the record"}: ${checked.error.issues[0]!.message}`);
  const record = checked.data;
  if (record.snapshotId !== manifest.snapshotId) throw bad(`it is for snapshot '${record.snapshotId}', the manifest for '${manifest.snapshotId}'`);
  const listed = new Set(manifest.files.map((f) => f.path));
  const unknown = record.files.filter((f) => !listed.has(f));
  if (unknown.length) throw bad(`it lists ${unknown.length} file(s) the manifest does not, e.g. '${unknown[0]}'`);
  return new Set(record.files);
}

/** A snapshot's JSON document: a regular file (no FIFO or device, which would never end) of bounded size. */
function readDocumentSync(path: string): string {
  try {
    return readRegularFileSync(path, { maxBytes: MAX_DOCUMENT_BYTES }).toString("utf8");
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new BundleError(`${error.message}; not read`);
    throw error;
  }
}

async function verifyFile(dir: string, file: ManifestFile, pack: Pack): Promise<Mismatch[]> {
  const path = insideFolder(dir, file.path);
  const info = lstatSync(path, { throwIfNoEntry: false });
  if (!info) return [{ path: file.path, problem: "missing", detail: "listed in the manifest but not in the folder" }];
  // Never followed: a link could lead anywhere on this machine, a device (/dev/zero) never ends.
  if (!info.isFile()) return [{ path: file.path, problem: "not-a-file", detail: "not a plain file (a link, folder or device); not read" }];
  const digest = await fileDigest(path);
  const found: Mismatch[] = [];
  if (digest.bytes !== file.bytes) found.push({ path: file.path, problem: "size", detail: `${digest.bytes} bytes, the manifest says ${file.bytes}` });
  if (digest.sha256 !== file.sha256) found.push({ path: file.path, problem: "sha256", detail: `sha256 ${digest.sha256}, the manifest says ${file.sha256}` });
  if (found.length > 0 || file.records === null) return found;
  if (!isEntity(pack.spec, file.entity)) return found;
  if (file.format === "markdown" || file.format === "text") return found;
  let records = 0;
  try {
    for await (const record of readEntityFile(entitySpec(pack.spec, file.entity), file.format, path)) if (record) records++;
  } catch (error) {
    return [{ path: file.path, problem: "unreadable", detail: (error as Error).message }];
  }
  if (records !== file.records) found.push({ path: file.path, problem: "records", detail: `${records} records, the manifest says ${file.records}` });
  return found;
}

/** Every entry below `dir` but folders; links are listed, never followed. */
function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (lstatSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
