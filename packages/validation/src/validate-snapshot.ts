import type { Counts, Entity, ValidationReport } from "@sdh/schemas";
import { PersonIndex } from "./person-index.js";
import { createPersonChecks } from "./person-checks.js";
import { createProfileChecks } from "./profile-checks.js";
import { ReportBuilder } from "./report-builder.js";
import type { RuleCode } from "./rule-catalog.js";
import { createVehicleChecks } from "./vehicle-checks.js";

export type RecordSource = Iterable<unknown> | AsyncIterable<unknown>;

/**
 * The snapshot's records, entity by entity. Each is read once, in this order: persons first (their ids
 * are the only thing held in memory), then vehicles, then profiles. Functions, so nothing is opened
 * before its turn.
 */
export interface SnapshotSources {
  persons: () => RecordSource;
  vehicles: () => RecordSource;
  profiles: () => RecordSource;
}

/** A number of records someone claims an entity has: the config, the generator, an exported file or the manifest. */
export interface CountClaim {
  kind: "config" | "generated" | "export" | "manifest";
  /** Who claims it, as the report should name it: "config.records", "persons_v0_1.csv", ... */
  source: string;
  entity: Entity;
  records: number;
}

/** Sees every record once as the gate streams past it; the quality report is built this way. */
export interface RecordObserver {
  observe(entity: Entity, record: unknown): void;
}

export interface ValidateOptions {
  /** The snapshot's reference date: ages, licence dates and model years are judged against it. */
  asOf: string;
  claims?: readonly CountClaim[];
  /** Expected persons, to size the id tables up front; a hint, never checked. */
  expectedPersons?: number;
  observers?: readonly RecordObserver[];
  /** Called every `progressEvery` records and at the end of each entity. */
  onProgress?: (entity: Entity, records: number) => void;
  progressEvery?: number;
}

const CLAIM_RULE: Record<CountClaim["kind"], RuleCode> = {
  config: "COUNT_CONFIG_MISMATCH",
  generated: "COUNT_GENERATED_MISMATCH",
  export: "COUNT_EXPORT_MISMATCH",
  manifest: "COUNT_MANIFEST_MISMATCH",
};

export interface ValidationRun {
  report: ValidationReport;
  /** Bytes held by the id tables at the end: what the gate keeps in memory beyond one record. */
  indexBytes: number;
}

/** Runs every rule over the snapshot in one streaming pass per entity. */
export async function validateSnapshot(sources: SnapshotSources, options: ValidateOptions): Promise<ValidationRun> {
  const report = new ReportBuilder();
  const expected = options.expectedPersons;
  const index = new PersonIndex(expected);
  const checks: Record<Entity, (record: unknown, position: number) => void> = {
    persons: createPersonChecks({ asOf: options.asOf, report, index, expected }),
    vehicles: createVehicleChecks({ asOf: options.asOf, report, index, expected: expected && expected * 2 }),
    profiles: createProfileChecks({ report, index, expected }),
  };
  const observers = options.observers ?? [];
  const every = options.progressEvery ?? 100_000;
  const counts: Counts = { persons: 0, vehicles: 0, profiles: 0 };

  for (const entity of ["persons", "vehicles", "profiles"] as const) {
    const check = checks[entity];
    let position = 0;
    const visit = (record: unknown) => {
      position++;
      check(record, position);
      for (const observer of observers) observer.observe(entity, record);
      if (options.onProgress && position % every === 0) options.onProgress(entity, position);
    };
    const source = sources[entity]();
    // A sync source (records in memory, a generator) skips the per-record await of `for await`.
    if (Symbol.iterator in source) for (const record of source) visit(record);
    else for await (const record of source) visit(record);
    counts[entity] = position;
    options.onProgress?.(entity, position);
  }

  for (let person = 0; person < index.ids.size; person++) {
    if (index.profiles[person] === 0) report.fail("REF_PROFILE_MISSING", { person_record: index.positions[person] });
  }
  for (const claim of options.claims ?? []) {
    if (claim.records !== counts[claim.entity]) {
      report.fail(CLAIM_RULE[claim.kind], { source: claim.source, entity: claim.entity, claimed: claim.records, found: counts[claim.entity] });
    }
  }
  return { report: report.build(counts), indexBytes: index.bytes };
}
