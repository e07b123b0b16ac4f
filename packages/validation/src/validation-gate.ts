import { perEntity, type Counts, type Entity } from "@sdh/schemas";
import type { ExportedKeys } from "./keys/compact-key-set.js";
import { createUniqueKeys, UNIQUE_RULES, type UniqueKeys, type UniqueRule } from "./keys/unique-keys.js";
import { PersonIndex } from "./person-index.js";
import { createPersonChecks } from "./person-checks.js";
import { createProfileChecks } from "./profile-checks.js";
import { ReportBuilder, type RuleFailures } from "./report-builder.js";
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

/**
 * What a gate that saw one shard of a snapshot hands to the merge (see mergeShardGates): its counts
 * and failures (JSON-safe, small), and its uniqueness keys (large; kept as typed arrays).
 */
export interface ShardGateResult {
  counts: Counts;
  failures: RuleFailures[];
}

export const CLAIM_RULE: Record<CountClaim["kind"], RuleCode> = {
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
  private readonly keys: UniqueKeys;
  private readonly checks: Record<Entity, (record: unknown, position: number) => void>;
  private readonly observers: readonly RecordObserver[];
  readonly counts: Counts = perEntity(() => 0);

  constructor(options: GateOptions) {
    const { asOf, expectedPersons } = options;
    const keys = (this.keys = createUniqueKeys(expectedPersons));
    const index = (this.index = new PersonIndex(keys.UNIQUE_PERSON_ID, expectedPersons));
    this.checks = {
      persons: createPersonChecks({ asOf, report: this.report.scoped("persons"), index, keys }),
      vehicles: createVehicleChecks({ asOf, report: this.report.scoped("vehicles"), index, keys }),
      profiles: createProfileChecks({ asOf, report: this.report.scoped("profiles"), index, keys }),
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
    this.checkEveryPersonHasAProfile();
    const { report, counts } = this;
    for (const claim of claims) {
      if (claim.records !== counts[claim.entity]) {
        report.fail(CLAIM_RULE[claim.kind], { source: claim.source, entity: claim.entity, claimed: claim.records, found: counts[claim.entity] });
      }
    }
    return { report: report.build({ ...counts }), indexBytes: this.indexBytes };
  }

  /**
   * Ends a gate that saw one shard: the per-shard rules are done (a generated person's vehicles and
   * profile are always in the person's shard); uniqueness across shards and the count claims are
   * left to mergeShardGates, which gets the keys.
   */
  finishShard(): { result: ShardGateResult; keys: Record<UniqueRule, ExportedKeys> } {
    this.checkEveryPersonHasAProfile();
    const keys = Object.fromEntries(UNIQUE_RULES.map((rule) => [rule, this.keys[rule].export()])) as Record<UniqueRule, ExportedKeys>;
    return { result: { counts: { ...this.counts }, failures: this.report.state() }, keys };
  }

  /** Bytes held by the id tables and the person index: what the gate keeps beyond one record. */
  get indexBytes(): number {
    return this.index.bytes + UNIQUE_RULES.reduce((n, rule) => n + this.keys[rule].bytes, 0);
  }

  private checkEveryPersonHasAProfile(): void {
    const { index, report } = this;
    const persons = report.scoped("persons");
    for (let person = 0; person < index.ids.size; person++) {
      if (index.profiles[person] === 0) persons.fail("REF_PROFILE_MISSING", { record: index.positions[person] });
    }
  }
}
