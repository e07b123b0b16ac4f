import type { QualityReport, RecordedConfig, ValidationReport } from "@sdh/schemas";
import type { PackValidation } from "./pack.js";
import { QualityCollector } from "./quality/quality-collector.js";
import { validateSnapshot, type SnapshotSources, type ValidateOptions } from "./validate-snapshot.js";

export interface Inspection {
  validation: ValidationReport;
  quality: QualityReport;
  indexBytes: number;
}

/** The validation gate and the quality report in one streaming read of the snapshot, for the pack that declared it. */
export async function inspectSnapshot(sources: SnapshotSources, options: Omit<ValidateOptions, "pack"> & { pack: PackValidation; config: RecordedConfig }): Promise<Inspection> {
  const quality = new QualityCollector(options.pack);
  const run = await validateSnapshot(sources, { ...options, seed: options.seed ?? options.config.seed, pack: options.pack.checks, observers: [...(options.observers ?? []), quality] });
  return { validation: run.report, quality: quality.report(options.config), indexBytes: run.indexBytes };
}
