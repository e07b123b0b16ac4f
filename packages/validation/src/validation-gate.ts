import type { Counts, Entity } from "@sdh/schemas";
import { PersonIndex } from "./person-index.js";
import { createPersonChecks } from "./person-checks.js";
import { createProfileChecks } from "./profile-checks.js";
import { ReportBuilder } from "./report-builder.js";
import type { RuleCode } from "./rule-catalog.js";
import { createVehicleChecks } from "./vehicle-checks.js";
import type { CountClaim, RecordObserver, ValidationRun } from "./validate-snapshot.js";

export interface GateOptions {
  /** The snapshot's reference date: ages, licence dates and model years are judged against it. */
  asOf: string;
  /** Expected persons, to size the id tables up front; a hint, never checked. */
  expectedPersons?: number;
  observers?: readonly RecordObserver[];
}

const CLAIM_RULE: Record<CountClaim["kind"], RuleCode> = {
  config: "COUNT_CONFIG_MISMATCH",
  generated: "COUNT_GENERATED_MISMATCH",
  export: "COUNT_EXPORT_MISMATCH",
  manifest: "COUNT_MANIFEST_MISMATCH",
};

/**
 * The rule set as a gate records are pushed through one at a time. Entities may interleave (a
 * generator emits each person, then their vehicles, then their profile) as long as a person comes
 * before their vehicles and profile, and a person's vehicles before their profile.
 */
export class ValidationGate {
  private readonly report = new ReportBuilder();
  private readonly index: PersonIndex;
  private readonly checks: Record<Entity, (record: unknown, position: number) => void>;
  private readonly observers: readonly RecordObserver[];
  readonly counts: Counts = { persons: 0, vehicles: 0, profiles: 0 };

  constructor(options: GateOptions) {
    const { asOf, expectedPersons: expected } = options;
    const report = this.report;
    const index = (this.index = new PersonIndex(expected));
    this.checks = {
      persons: createPersonChecks({ asOf, report, index, expected }),
      vehicles: createVehicleChecks({ asOf, report, index, expected: expected && expected * 2 }),
      profiles: createProfileChecks({ asOf, report, index, expected }),
    };
    this.observers = options.observers ?? [];
  }

  check(entity: Entity, record: unknown): void {
    const position = ++this.counts[entity];
    this.checks[entity](record, position);
    for (const observer of this.observers) observer.observe(entity, record);
  }

  /** Runs the whole-snapshot rules (every person has a profile, counts agree with the claims) and builds the report. */
  finish(claims: readonly CountClaim[] = []): ValidationRun {
    const { index, report, counts } = this;
    for (let person = 0; person < index.ids.size; person++) {
      if (index.profiles[person] === 0) report.fail("REF_PROFILE_MISSING", { person_record: index.positions[person] });
    }
    for (const claim of claims) {
      if (claim.records !== counts[claim.entity]) {
        report.fail(CLAIM_RULE[claim.kind], { source: claim.source, entity: claim.entity, claimed: claim.records, found: counts[claim.entity] });
      }
    }
    return { report: report.build({ ...counts }), indexBytes: index.bytes };
  }
}
