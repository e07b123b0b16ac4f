import { existsSync, readdirSync, statSync } from "node:fs";
import { MAX_DOCUMENT_BYTES, NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import { join } from "node:path";
import { PACKS } from "@sdh/packs";
import { Manifest, perEntity, SnapshotMetadata, type Entity } from "@sdh/schemas";
import type { Pack } from "@sdh/validation";
import { BundleError } from "./bundle-error.js";
import { packOfDocument } from "./bundle-pack.js";
import { DataFileError } from "../records/data-file-error.js";
import type { DataFormat } from "../records/record-formats.js";
import { BUNDLE_FILES, dataFileName, parseDataFileName } from "./bundle-layout.js";

export interface BundleContents {
  dir: string;
  /** Per format present, each entity's files in part order (paths relative to `dir`). */
  formats: Map<DataFormat, Record<Entity, string[]>>;
  /** The pack the metadata or manifest names, or whose entities the data files are of. */
  pack: Pack;
  metadata: SnapshotMetadata | null;
  manifest: Manifest | null;
}

export { BundleError } from "./bundle-error.js";

/**
 * Finds a bundle's data files by their governed names, and reads its metadata and manifest when
 * present. The pack is the one they name; a bare folder of data files is read as the pack whose
 * entities its files are of.
 */
export function readBundle(dir: string): BundleContents {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BundleError(`${dir} is not a folder`);
  const found = bundleEntries(dir)
    .map((name) => ({ name, parsed: parseDataFileName(name) }))
    .filter((f): f is { name: string; parsed: NonNullable<typeof f.parsed> } => f.parsed !== null)
    .sort((a, b) => (a.parsed.part ?? 0) - (b.parsed.part ?? 0) || a.name.localeCompare(b.name));
  const metadata = readJson(dir, BUNDLE_FILES.metadata, SnapshotMetadata);
  const manifest = readJson(dir, BUNDLE_FILES.manifest, Manifest);
  const named = metadata ?? manifest;
  const pack = named ? packOfDocument(named, join(dir, metadata ? BUNDLE_FILES.metadata : BUNDLE_FILES.manifest), dir) : packOfFiles(dir, found.map((f) => f.parsed.entity));
  const entities = pack.spec.entities.map((e) => e.name);
  const formats = new Map<DataFormat, Record<Entity, string[]>>();
  for (const { name, parsed } of found) {
    let files = formats.get(parsed.format);
    if (!files) {
      files = perEntity(pack.spec, () => []);
      formats.set(parsed.format, files);
    }
    const list = files[parsed.entity];
    if (!list) throw new BundleError(`${join(dir, name)} holds ${parsed.entity}, which pack ${pack.spec.name} does not declare (its entities: ${entities.join(", ")})`);
    list.push(name);
  }
  for (const [format, files] of formats) {
    const absent = entities.filter((e) => files[e]!.length === 0);
    if (absent.length) throw new BundleError(`${dir}: ${format} files for ${absent.join(", ")} are missing; a ${pack.spec.name} bundle has all of ${entities.join(", ")}`);
  }
  if (formats.size === 0) {
    throw new BundleError(`${dir} has no data files; expected names like ${entities.map((e) => dataFileName(e, "csv")).join(", ")} (or .json, .jsonl, .parquet)`);
  }
  return { dir, formats, pack, metadata, manifest };
}

/**
 * The folder's file names, and for each sub-folder named like an entity its files as
 * `<entity>/<name>`: the parts layout keeps an entity's parts in a folder of its own (ADR 0028).
 */
function bundleEntries(dir: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && /^[a-z][a-z0-9_]*$/.test(entry.name) && entry.name !== "schemas") {
      for (const inner of readdirSync(join(dir, entry.name))) names.push(`${entry.name}/${inner}`);
    } else names.push(entry.name);
  }
  return names;
}

/** The pack whose entities a folder's data files are of, when no document names it: the first pack that declares the first file's entity (packs never share an entity name). */
function packOfFiles(dir: string, entities: readonly string[]): Pack {
  const first = entities[0];
  if (first === undefined) return PACKS[0]!;
  const pack = PACKS.find((p) => p.spec.entities.some((e) => e.name === first));
  if (!pack) throw new BundleError(`${dir}: no pack declares ${first} (the packs: ${PACKS.map((p) => `${p.spec.name} (${p.spec.entities.map((e) => e.name).join(", ")})`).join("; ")})`);
  return pack;
}

function readJson<T>(dir: string, name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): T | null {
  const path = join(dir, name);
  if (!existsSync(path)) return null;
  let text: string;
  try {
    // A FIFO or device would be read forever: regular files of a document's size only.
    text = readRegularFileSync(path, { maxBytes: MAX_DOCUMENT_BYTES }).toString("utf8");
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new BundleError(`${error.message}; not read`);
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse's message quotes the text, which is not passed on.
    throw new DataFileError(`${path} is not valid JSON`, { cause: error });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new DataFileError(`${path} does not match its schema: ${problems}`);
  }
  return result.data;
}
