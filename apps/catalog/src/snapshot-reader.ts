import { DatasetDescriptor, QualityReport, snapshotIdProblem, ValidationReport, VERSION_TAG, type Manifest } from "@sdh/schemas";
import { InvalidStoredDocument, parseStored, readManifest, RefusedObjectError, snapshotKey, StoreError } from "@sdh/storage";
import { parseRecipe, RecipeError, type LearnedSummary } from "@sdh/recipes";
import type { z } from "zod";
import type { CatalogSource } from "./catalog-sources.js";
import { badRequest, notFound, Problem } from "./problem.js";

/** A committed snapshot: the target that holds it and its manifest. */
export interface FoundSnapshot {
  source: CatalogSource;
  version: string;
  manifest: Manifest;
}

/** `v0.9`: a layout's version folder; anything else is refused before it reaches a store. */
export function checkedVersion(version: string | undefined): string {
  if (version === undefined) return VERSION_TAG;
  if (!/^v\d{1,3}\.\d{1,3}$/.test(version)) throw badRequest(`version '${version.slice(0, 40)}' is not a schema version tag such as ${VERSION_TAG}`);
  return version;
}

/** The sources a request names (`?target=`), or all of them. */
export function sourcesFor(sources: readonly CatalogSource[], target: string | undefined): readonly CatalogSource[] {
  if (target === undefined) return sources;
  const source = sources.find((s) => s.name === target);
  if (!source) throw badRequest(`target '${target.slice(0, 40)}' is not served here; targets: ${sources.map((s) => s.name).join(", ")}`);
  return [source];
}

/** The snapshot's manifest from the first target that has it committed; 404 when none has. */
export async function findSnapshot(sources: readonly CatalogSource[], snapshotId: string, { target, version }: { target?: string; version?: string }): Promise<FoundSnapshot> {
  const problem = snapshotIdProblem(snapshotId);
  if (problem) throw badRequest(`snapshot id '${snapshotId.slice(0, 80)}': ${problem}`);
  const tag = checkedVersion(version);
  const candidates = sourcesFor(sources, target);
  for (const source of candidates) {
    const found = await storeRead(source, () => readManifest(source.store, snapshotId, tag));
    if (found) return { source, version: tag, manifest: found.manifest };
  }
  throw notFound(`no committed snapshot ${snapshotId} in ${tag} in ${candidates.length === 1 ? "target" : "targets"} ${candidates.map((s) => s.name).join(", ")}`);
}

/** One of the snapshot's JSON documents, checked against its schema. */
export async function readDocument<S extends z.ZodType>(found: FoundSnapshot, file: string, schema: S): Promise<z.infer<S> | null> {
  const key = snapshotKey(found.manifest.snapshotId, file, found.version);
  const text = await storeRead(found.source, () => found.source.store.readText(key));
  if (!text) return null;
  return storeRead(found.source, async () => parseStored(schema, text.value, `${found.source.store.location}/${key}`, file) as z.infer<S>);
}

/** The documents a snapshot page shows beside its manifest. */
export async function snapshotDocuments(found: FoundSnapshot) {
  const file = (prefix: string) => found.manifest.files.find((f) => f.path.startsWith(prefix) && f.path.endsWith(".json"))?.path;
  const read = async <S extends z.ZodType>(prefix: string, schema: S) => {
    const path = file(prefix);
    return path ? readDocument(found, path, schema) : null;
  };
  const [validation, quality, dataset, learned] = await Promise.all([read("validation_report_", ValidationReport), read("quality_report_", QualityReport), read("dataset_", DatasetDescriptor), readLearned(found)]);
  return { validation, quality, dataset, learned };
}

/**
 * What sdh learn measured, when the snapshot was built from a recipe it wrote: the recipe shipped in
 * the bundle, read and checked by the recipe parser like any other (a recipe that does not parse is
 * the store's fault: 502, its content never quoted).
 */
async function readLearned(found: FoundSnapshot): Promise<LearnedSummary | null> {
  const path = found.manifest.files.find((f) => /^recipe_v\d+_\d+\.yaml$/.test(f.path))?.path;
  if (!path) return null;
  const key = snapshotKey(found.manifest.snapshotId, path, found.version);
  const text = await storeRead(found.source, () => found.source.store.readText(key));
  if (!text) return null;
  return storeRead(found.source, async () => {
    try {
      return parseRecipe(text.value, path).document.learned ?? null;
    } catch (error) {
      if (error instanceof RecipeError) throw new InvalidStoredDocument(`${found.source.store.location}/${key} is not a valid recipe (${error.problems.length} problem${error.problems.length === 1 ? "" : "s"})`);
      throw error;
    }
  });
}

/**
 * A store that cannot be read, or a document that is not what it should be, is the server's side: 502
 * with the store's words, the target named by its served name (clients are not told the server's folders).
 */
export async function storeRead<T>(source: CatalogSource, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    const detail = forClients(source, error.message);
    if (error instanceof InvalidStoredDocument) throw new Problem(502, "Invalid stored document", detail, "invalid-stored-document");
    if (error instanceof RefusedObjectError) throw new Problem(502, "Refused stored file", `${detail}; the target holds something other than a published file there`, "refused-stored-file");
    throw new Problem(502, "Target unavailable", detail, "target-unavailable");
  }
}

/** A store's message with the target's location (a server folder, a bucket) replaced by its served name. */
export function forClients(source: CatalogSource, message: string): string {
  const location = source.store.location.replace(/\/$/, "");
  return message.replaceAll(`${location}/`, `target ${source.name}: `).replaceAll(location, `target ${source.name}`);
}
