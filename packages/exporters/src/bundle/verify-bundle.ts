import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Manifest, PULL_RECORD_FILE, type ManifestFile } from "@sdh/schemas";
import { readEntityFile } from "../records/read-entity-file.js";
import { fileDigest } from "../sink/file-digest.js";
import { BUNDLE_FILES } from "./bundle-layout.js";
import { BundleError } from "./read-bundle.js";
import { DataFileError } from "../records/data-file-error.js";


export interface Mismatch {
  path: string;
  problem: "missing" | "size" | "sha256" | "records" | "unlisted" | "unreadable";
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
  if (!existsSync(manifestPath)) throw new BundleError(`${dir} has no ${BUNDLE_FILES.manifest}: it is not a complete snapshot`);
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(readFileSync(manifestPath, "utf8")));
  } catch (error) {
    throw new DataFileError(`${manifestPath} is not a valid manifest: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const pulled = pulledFiles(dir);
  const mismatches: Mismatch[] = [];
  const notPulled: string[] = [];
  for (const file of manifest.files) {
    if (pulled && !pulled.has(file.path)) {
      notPulled.push(file.path);
      continue;
    }
    onFile?.(file.path);
    mismatches.push(...(await verifyFile(dir, file)));
  }
  const listed = new Set([BUNDLE_FILES.manifest, ...(pulled ? [PULL_RECORD_FILE] : []), ...manifest.files.map((f) => f.path)]);
  for (const path of walk(dir)) {
    const name = relative(dir, path);
    if (!listed.has(name)) mismatches.push({ path: name, problem: "unlisted", detail: "in the folder but not in the manifest" });
  }
  return { manifest, checked: manifest.files.length - notPulled.length, notPulled, mismatches };
}

/** The files a partial pull took, or null for a whole snapshot. */
function pulledFiles(dir: string): Set<string> | null {
  const path = join(dir, PULL_RECORD_FILE);
  if (!existsSync(path)) return null;
  const record = JSON.parse(readFileSync(path, "utf8")) as { files?: unknown };
  if (!Array.isArray(record.files)) throw new BundleError(`${path} does not list the pulled files`);
  return new Set(record.files.map(String));
}

async function verifyFile(dir: string, file: ManifestFile): Promise<Mismatch[]> {
  const path = join(dir, file.path);
  if (!existsSync(path)) return [{ path: file.path, problem: "missing", detail: "listed in the manifest but not in the folder" }];
  const digest = await fileDigest(path);
  const found: Mismatch[] = [];
  if (digest.bytes !== file.bytes) found.push({ path: file.path, problem: "size", detail: `${digest.bytes} bytes, the manifest says ${file.bytes}` });
  if (digest.sha256 !== file.sha256) found.push({ path: file.path, problem: "sha256", detail: `sha256 ${digest.sha256}, the manifest says ${file.sha256}` });
  if (found.length > 0 || file.records === null) return found;
  if (file.entity !== "persons" && file.entity !== "vehicles" && file.entity !== "profiles") return found;
  if (file.format === "markdown") return found;
  let records = 0;
  try {
    for await (const record of readEntityFile(file.entity, file.format, path)) if (record) records++;
  } catch (error) {
    return [{ path: file.path, problem: "unreadable", detail: (error as Error).message }];
  }
  if (records !== file.records) found.push({ path: file.path, problem: "records", detail: `${records} records, the manifest says ${file.records}` });
  return found;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
