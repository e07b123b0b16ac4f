import type { QualityReport, SnapshotConfig, ValidationReport } from "@sdh/schemas";
import { QualityCollector } from "./quality/quality-collector.js";
import { validateSnapshot, type SnapshotSources, type ValidateOptions } from "./validate-snapshot.js";

export interface Inspection {
  validation: ValidationReport;
  quality: QualityReport;
  indexBytes: number;
}

/** The validation gate and the quality report in one streaming read of the snapshot. */
export async function inspectSnapshot(
  sources: SnapshotSources,
  options: ValidateOptions & { config: Pick<SnapshotConfig, "lobMix" | "vehiclesPerPerson"> },
): Promise<Inspection> {
  const quality = new QualityCollector();
  const run = await validateSnapshot(sources, { ...options, observers: [...(options.observers ?? []), quality] });
  return { validation: run.report, quality: quality.report(options.config), indexBytes: run.indexBytes };
}
