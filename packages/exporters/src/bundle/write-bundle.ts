import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { createGenerator, GENERATOR } from "@sdh/rules";
import { SCHEMA_VERSION, jsonSchemaOf, type Entity, type Manifest, type ManifestFile, type QualityReport, type SnapshotConfig, type ValidationReport } from "@sdh/schemas";
import { QualityCollector, ValidationGate, qualitySummaryMarkdown, type CountClaim } from "@sdh/validation";
import { createParquetConverter } from "../parquet/duckdb-parquet.js";
import type { WrittenFile } from "../records/entity-writer.js";
import { fileDigest } from "../sink/file-digest.js";
import { BUNDLE_FILES, dataFileName, ENTITIES, schemaFileName } from "./bundle-layout.js";
import { datasetDescriptor, documentText, snapshotMetadata } from "./bundle-documents.js";
import { PartedEntityWriter } from "./parted-writer.js";

/** Files above this size are split into numbered parts (1 GiB: what S3 and most tools take in one piece with ease). */
export const DEFAULT_PART_BYTES = 1 << 30;

export interface WriteBundleOptions {
  config: SnapshotConfig;
  snapshotId: string;
  /** The bundle folder. Written under a temporary sibling name and renamed at the end. */
  out: string;
  /** Replace a non-empty `out`. */
  force?: boolean;
  partBytes?: number;
  /** The manifest's generatedAt, the bundle's only wall-clock field; tests pin it. */
  now?: () => Date;
  onProgress?: (persons: number, total: number) => void;
}

export interface BundleResult {
  dir: string;
  manifest: Manifest;
  validation: ValidationReport;
  quality: QualityReport;
}

/** Refused before any work: `out` holds something and --force was not given. */
export class OutputExistsError extends Error {
  override name = "OutputExistsError";
}

/** The validation gate failed: nothing was left behind; `report` says why. */
export class ValidationFailedError extends Error {
  override name = "ValidationFailedError";
  constructor(readonly report: ValidationReport) {
    const failing = report.rules.filter((r) => r.severity === "error" && r.failures > 0);
    super(`validation failed: ${failing.map((r) => `${r.code} (${r.failures})`).join(", ")}`);
  }
}

/**
 * Builds a whole snapshot bundle in this process: generates every record once, writes CSV/JSON as it
 * goes (hashing while writing), validates every record through the gate, converts CSV to Parquet,
 * then writes the documents and, last, the manifest. The folder appears under its name only when
 * complete; a failure leaves nothing that looks like a bundle.
 */
export async function writeBundle(options: WriteBundleOptions): Promise<BundleResult> {
  const { config, snapshotId } = options;
  const out = resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0 && !options.force) {
    throw new OutputExistsError(`${out} is not empty; choose an empty folder or pass --force to replace it`);
  }
  const staging = join(dirname(out), `.${basename(out)}.partial-${randomBytes(4).toString("hex")}`);
  await mkdir(staging, { recursive: true });
  try {
    const result = await buildInto(staging, options);
    if (existsSync(out)) await rm(out, { recursive: true, force: true });
    await rename(staging, out);
    return { ...result, dir: out };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  async function buildInto(dir: string, opts: WriteBundleOptions): Promise<Omit<BundleResult, "dir">> {
    const partBytes = opts.partBytes ?? DEFAULT_PART_BYTES;
    const wantsCsv = config.formats.includes("csv");
    const wantsParquet = config.formats.includes("parquet");
    // Parquet is converted from CSV; without CSV in the bundle the CSV is a scratch file.
    const scratch = join(dir, ".scratch");
    if (wantsParquet && !wantsCsv) await mkdir(scratch);
    const textFormats: Array<{ format: "csv" | "json"; dir: string; shipped: boolean }> = [];
    if (wantsCsv || wantsParquet) textFormats.push({ format: "csv", dir: wantsCsv ? dir : scratch, shipped: wantsCsv });
    if (config.formats.includes("json")) textFormats.push({ format: "json", dir, shipped: true });

    const writers = textFormats.map((t) => ({
      ...t,
      byEntity: Object.fromEntries(ENTITIES.map((e) => [e, new PartedEntityWriter(t.dir, e, t.format, partBytes)])) as Record<Entity, PartedEntityWriter>,
    }));
    const quality = new QualityCollector();
    const gate = new ValidationGate({ asOf: config.asOf, expectedPersons: config.records, observers: [quality] });
    const generator = createGenerator(config);
    const every = Math.max(1, Math.min(50_000, Math.floor(config.records / 100)));

    try {
      for (const { index, person, vehicles, profile } of generator.range(0, config.records)) {
        gate.check("persons", person);
        for (const v of vehicles) gate.check("vehicles", v);
        gate.check("profiles", profile);
        for (const w of writers) {
          await w.byEntity.persons.write(person);
          for (const v of vehicles) await w.byEntity.vehicles.write(v);
          await w.byEntity.profiles.write(profile);
        }
        if (opts.onProgress && (index + 1) % every === 0) opts.onProgress(index + 1, config.records);
      }
    } catch (error) {
      for (const w of writers) for (const e of ENTITIES) w.byEntity[e].abort();
      throw error;
    }
    opts.onProgress?.(config.records, config.records);

    const files: WrittenFile[] = [];
    const claims: CountClaim[] = [{ kind: "config", source: "config.records", entity: "persons", records: config.records }];
    const csvParts: Record<Entity, WrittenFile[]> = { persons: [], vehicles: [], profiles: [] };
    for (const w of writers) {
      for (const entity of ENTITIES) {
        const written = await w.byEntity[entity].close();
        claims.push({ kind: "export", source: `${w.format} files`, entity, records: written.reduce((n, f) => n + f.records, 0) });
        if (w.format === "csv") csvParts[entity] = written;
        if (w.shipped) files.push(...written);
      }
    }
    if (wantsParquet) files.push(...(await convertToParquet(dir, wantsCsv ? dir : scratch, csvParts, claims)));
    if (!wantsCsv && wantsParquet) await rm(scratch, { recursive: true, force: true });

    const { report: validation } = gate.finish(claims);
    if (!validation.passed) throw new ValidationFailedError(validation);
    const qualityReport = quality.report(config);
    const counts = validation.counts;

    const documents: Array<[string, ManifestFile["entity"], ManifestFile["format"], string]> = [
      [BUNDLE_FILES.dataset, "dataset", "json", documentText(datasetDescriptor(counts))],
      [BUNDLE_FILES.metadata, "metadata", "json", documentText(snapshotMetadata(snapshotId, GENERATOR, config, counts))],
      [BUNDLE_FILES.validationReport, "report", "json", documentText(validation)],
      [BUNDLE_FILES.qualityReport, "report", "json", documentText(qualityReport)],
      [BUNDLE_FILES.qualitySummary, "report", "markdown", `${qualitySummaryMarkdown(`Snapshot ${snapshotId}: quality summary`, validation, qualityReport)}\n`],
      ...ENTITIES.map((e) => [schemaFileName(e), "schema", "json", documentText(jsonSchemaOf(e))] as [string, "schema", "json", string]),
    ];
    await mkdir(join(dir, "schemas"));
    const listed: ManifestFile[] = files.map((f) => ({ path: f.path, entity: f.entity, format: f.format, records: f.records, bytes: f.bytes, sha256: f.sha256 }));
    for (const [path, entity, format, text] of documents) {
      await writeFile(join(dir, path), text, { flag: "wx" });
      listed.push({ path, entity, format, records: null, ...(await fileDigest(join(dir, path))) });
    }
    listed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

    const manifest: Manifest = {
      snapshotId,
      schemaVersion: SCHEMA_VERSION,
      seed: config.seed,
      asOf: config.asOf,
      generatedAt: (opts.now?.() ?? new Date()).toISOString(),
      generator: { ...GENERATOR },
      config,
      counts,
      files: listed,
      validation: { passed: validation.passed, errors: validation.errors, warnings: validation.warnings },
    };
    // Written last: a folder with a manifest is a complete snapshot.
    await writeFile(join(dir, BUNDLE_FILES.manifest), documentText(manifest), { flag: "wx" });
    return { manifest, validation, quality: qualityReport };
  }
}

async function convertToParquet(dir: string, csvDir: string, csvParts: Record<Entity, WrittenFile[]>, claims: CountClaim[]): Promise<WrittenFile[]> {
  const converter = await createParquetConverter();
  const written: WrittenFile[] = [];
  try {
    for (const entity of ENTITIES) {
      const parts = csvParts[entity];
      let rows = 0;
      for (let k = 0; k < parts.length; k++) {
        const path = dataFileName(entity, "parquet", parts.length > 1 ? k + 1 : undefined);
        const records = await converter.convert(entity, join(csvDir, parts[k]!.path), join(dir, path));
        rows += records;
        written.push({ path, entity, format: "parquet", records, ...(await fileDigest(join(dir, path))) });
      }
      claims.push({ kind: "export", source: "parquet files", entity, records: rows });
    }
  } finally {
    converter.close();
  }
  return written;
}
