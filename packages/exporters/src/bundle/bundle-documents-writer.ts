import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { packOf, withPackSettings } from "@sdh/packs";
import { documentSchemaOf, perEntity, recordedConfig, SCHEMA_VERSION, jsonSchemaOf, type Manifest, type ManifestFile, type QualityReport, type SnapshotConfig, type ValidationReport } from "@sdh/schemas";
import { qualitySummaryMarkdown } from "@sdh/validation";
import type { WrittenFile } from "../records/entity-writer.js";
import { fileDigest } from "@sdh/local-files";
import { BUNDLE_FILES, documentSchemaFileName, schemaFileName } from "./bundle-layout.js";
import { dataPackage, sha256Sums } from "./data-package.js";
import { datasetDescriptor, documentText, packRef, snapshotMetadata } from "./bundle-documents.js";

export interface DocumentsOptions {
  config: SnapshotConfig;
  snapshotId: string;
  /** The (staging) bundle folder, holding the data files already. */
  dir: string;
  files: readonly WrittenFile[];
  validation: ValidationReport;
  quality: QualityReport;
  /** The manifest's generatedAt, the bundle's only wall-clock field; tests pin it. */
  now?: () => Date;
}

/**
 * Completes a bundle whose data files are written: the dataset and metadata documents, the
 * reports, the JSON Schemas and, last, the manifest listing every file with its size and sha256.
 * A folder with a manifest is a complete snapshot.
 */
export async function writeBundleDocuments(options: DocumentsOptions): Promise<Manifest> {
  const { config, snapshotId, dir, files, validation, quality } = options;
  // The gate counts every entity of the pack; the report's type also reads older reports, which may lack some.
  const pack = packOf(config);
  const counts = perEntity(pack.spec, (e) => validation.counts[e] ?? 0);
  const documents: Array<[string, ManifestFile["entity"], ManifestFile["format"], string]> = [
    [BUNDLE_FILES.dataset, "dataset", "json", documentText(datasetDescriptor(pack, counts))],
    [BUNDLE_FILES.metadata, "metadata", "json", documentText(snapshotMetadata(snapshotId, pack, config, counts))],
    [BUNDLE_FILES.validationReport, "report", "json", documentText(validation)],
    [BUNDLE_FILES.qualityReport, "report", "json", documentText(quality)],
    [BUNDLE_FILES.qualitySummary, "report", "markdown", `${qualitySummaryMarkdown(`Snapshot ${snapshotId}: quality summary`, validation, quality, pack.spec.summaryEntities ?? pack.spec.entities.map((e) => e.name), pack.summarySections)}\n`],
    ...pack.spec.entities.map((e) => [schemaFileName(e.name), "schema", "json", documentText(jsonSchemaOf(e))] as [string, "schema", "json", string]),
    ...(["manifest", "latest"] as const).map((d) => [documentSchemaFileName(d), "schema", "json", documentText(documentSchemaOf(d))] as [string, "schema", "json", string]),
  ];
  // A recipe's snapshot ships its recipe: the manifest lists and checksums it, and readers compile it.
  if (config.recipe) documents.push([BUNDLE_FILES.recipe, "dataset", "text", config.recipe.text]);
  const described = dataPackage(pack.spec, snapshotId, files);
  if (described) documents.push([BUNDLE_FILES.dataPackage, "dataset", "json", documentText(described)]);
  await mkdir(join(dir, "schemas"));
  const listed: ManifestFile[] = files.map((f) => ({ path: f.path, entity: f.entity, format: f.format, records: f.records, bytes: f.bytes, sha256: f.sha256 }));
  for (const [path, entity, format, text] of documents) {
    await writeFile(join(dir, path), text, { flag: "wx" });
    listed.push({ path, entity, format, records: null, ...(await fileDigest(join(dir, path))) });
  }
  // SHA256SUMS covers every file but itself and the manifest (written after it, with the clock's generatedAt).
  await writeFile(join(dir, BUNDLE_FILES.checksums), sha256Sums(listed), { flag: "wx" });
  listed.push({ path: BUNDLE_FILES.checksums, entity: "checksums", format: "text", records: null, ...(await fileDigest(join(dir, BUNDLE_FILES.checksums))) });
  listed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const manifest: Manifest = {
    snapshotId,
    schemaVersion: SCHEMA_VERSION,
    seed: config.seed,
    asOf: config.asOf,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    generator: { ...pack.generator },
    pack: packRef(pack),
    config: recordedConfig(withPackSettings(config)),
    counts,
    files: listed,
    validation: { passed: validation.passed, errors: validation.errors, warnings: validation.warnings },
  };
  // Written last: a folder with a manifest is a complete snapshot.
  await writeFile(join(dir, BUNDLE_FILES.manifest), documentText(manifest), { flag: "wx" });
  return manifest;
}

