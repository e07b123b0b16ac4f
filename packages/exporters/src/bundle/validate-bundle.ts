import { join } from "node:path";
import { parseSnapshotConfig, perEntity, rootOf, type Entity, type EntityCounts, type EntitySpec, type QualityReport, type RecordedConfig, type ValidationReport } from "@sdh/schemas";
import { inspectSnapshot, mergeReports, type CountClaim } from "@sdh/validation";
import { readEntityFile } from "../records/read-entity-file.js";
import type { DataFormat } from "../records/record-formats.js";
import { BUNDLE_FILES } from "./bundle-layout.js";
import { BundleError, readBundle, type BundleContents } from "./read-bundle.js";

export interface BundleValidation {
  validation: ValidationReport;
  quality: QualityReport;
  /** The formats that were read, in order; the quality report is the first one's. */
  formats: DataFormat[];
  asOf: string;
  /** Where the config the counts and distributions were checked against came from. */
  configSource: "metadata" | "manifest" | "defaults";
}

export interface ValidateBundleOptions {
  /** Overrides the asOf found in the bundle's metadata or manifest. */
  asOf?: string;
  /** Only these formats; default: every format present. */
  formats?: readonly DataFormat[];
  onProgress?: (format: DataFormat, entity: Entity, records: number) => void;
}

/** Runs the full rule set on a bundle folder, once per format present, reconciling counts across them. */
export async function validateBundle(dir: string, options: ValidateBundleOptions = {}): Promise<BundleValidation> {
  const bundle = readBundle(dir);
  const { config, source: configSource } = configOf(bundle);
  const asOf = options.asOf ?? bundle.metadata?.asOf ?? bundle.manifest?.asOf;
  if (!asOf) {
    throw new BundleError(`${dir} has no ${BUNDLE_FILES.metadata} or manifest to tell the snapshot's asOf date; pass --as-of YYYY-MM-DD`);
  }
  const formats = [...bundle.formats.keys()].filter((f) => !options.formats || options.formats.includes(f));
  if (formats.length === 0) throw new BundleError(`${dir} has no ${options.formats!.join(" or ")} data files`);

  const parts: Array<{ label: string; report: ValidationReport }> = [];
  let quality: QualityReport | null = null;
  let reference: { format: DataFormat; counts: EntityCounts } | null = null;
  for (const format of formats) {
    const files = bundle.formats.get(format)!;
    const claims = claimsFor(bundle, format, files, reference, configSource === "defaults" ? null : config);
    const inspection = await inspectSnapshot(
      perEntity(bundle.pack.spec, (_, spec) => () => concatenated(spec, format, dir, files[spec.name]!)),
      { asOf, config, claims, pack: bundle.pack, onProgress: (entity, n) => options.onProgress?.(format, entity, n) },
    );
    parts.push({ label: format, report: inspection.validation });
    quality ??= inspection.quality;
    const counts = inspection.validation.counts;
    reference ??= { format, counts: perEntity(bundle.pack.spec, (e) => counts[e] ?? 0) };
  }
  return { validation: mergeReports(parts), quality: quality!, formats, asOf, configSource };
}

function configOf(bundle: BundleContents): { config: RecordedConfig; source: BundleValidation["configSource"] } {
  if (bundle.metadata) return { config: bundle.metadata.config, source: "metadata" };
  if (bundle.manifest) return { config: bundle.manifest.config, source: "manifest" };
  return { config: parseSnapshotConfig({ pack: bundle.pack.spec.name }), source: "defaults" };
}

function claimsFor(
  bundle: BundleContents,
  format: DataFormat,
  files: Record<Entity, string[]>,
  reference: { format: DataFormat; counts: EntityCounts } | null,
  config: RecordedConfig | null,
): CountClaim[] {
  const claims: CountClaim[] = [];
  const { pack } = bundle;
  if (config) claims.push({ kind: "config", source: "config.records", entity: rootOf(pack.spec).name, records: config.records });
  for (const { name: entity } of pack.spec.entities) {
    if (reference) claims.push({ kind: "export", source: `${reference.format} files`, entity, records: reference.counts[entity] ?? 0 });
    const manifest = bundle.manifest;
    if (!manifest) continue;
    const counted = manifest.counts[entity];
    if (!reference && counted !== undefined) claims.push({ kind: "manifest", source: "manifest counts", entity, records: counted });
    const listed = manifest.files.filter((f) => files[entity]!.includes(f.path));
    if (listed.length > 0) {
      claims.push({ kind: "manifest", source: `manifest records of ${listed.map((f) => f.path).join(", ")}`, entity, records: listed.reduce((n, f) => n + (f.records ?? 0), 0) });
    }
  }
  return claims;
}

async function* concatenated(entity: EntitySpec, format: DataFormat, dir: string, files: string[]): AsyncGenerator<unknown> {
  for (const file of files) yield* readEntityFile(entity, format, join(dir, file));
}


