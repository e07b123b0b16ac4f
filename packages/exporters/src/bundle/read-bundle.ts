import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Manifest, perEntity, SnapshotMetadata, type Entity } from "@sdh/schemas";
import { DataFileError } from "../records/data-file-error.js";
import type { DataFormat } from "../records/record-formats.js";
import { BUNDLE_FILES, dataFileName, ENTITIES, parseDataFileName } from "./bundle-layout.js";

export interface BundleContents {
  dir: string;
  /** Per format present, each entity's files in part order (paths relative to `dir`). */
  formats: Map<DataFormat, Record<Entity, string[]>>;
  metadata: SnapshotMetadata | null;
  manifest: Manifest | null;
}

/** A folder that is not a readable bundle: missing, empty, or with a file that breaks its schema. */
export class BundleError extends Error {
  override name = "BundleError";
}

/** Finds a bundle's data files by their governed names, and reads its metadata and manifest when present. */
export function readBundle(dir: string): BundleContents {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BundleError(`${dir} is not a folder`);
  const found = readdirSync(dir)
    .map((name) => ({ name, parsed: parseDataFileName(name) }))
    .filter((f): f is { name: string; parsed: NonNullable<typeof f.parsed> } => f.parsed !== null)
    .sort((a, b) => (a.parsed.part ?? 0) - (b.parsed.part ?? 0) || a.name.localeCompare(b.name));
  const formats = new Map<DataFormat, Record<Entity, string[]>>();
  for (const { name, parsed } of found) {
    let files = formats.get(parsed.format);
    if (!files) {
      files = perEntity(() => []);
      formats.set(parsed.format, files);
    }
    files[parsed.entity].push(name);
  }
  for (const [format, files] of formats) {
    const absent = ENTITIES.filter((e) => files[e].length === 0);
    if (absent.length) throw new BundleError(`${dir}: ${format} files for ${absent.join(", ")} are missing; a bundle has all of ${ENTITIES.join(", ")}`);
  }
  if (formats.size === 0) {
    throw new BundleError(`${dir} has no data files; expected names like ${ENTITIES.map((e) => dataFileName(e, "csv")).join(", ")} (or .json, .jsonl, .parquet)`);
  }
  return {
    dir,
    formats,
    metadata: readJson(dir, BUNDLE_FILES.metadata, SnapshotMetadata),
    manifest: readJson(dir, BUNDLE_FILES.manifest, Manifest),
  };
}

function readJson<T>(dir: string, name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): T | null {
  const path = join(dir, name);
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DataFileError(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new DataFileError(`${path} does not match its schema: ${problems}`);
  }
  return result.data;
}
