import { columnsOf, compileRecordFunction, Entity, perEntity, type EntityCounts, type QualityReport, type SnapshotConfig } from "@sdh/schemas";
import type { RecordObserver } from "../validate-snapshot.js";
import { ColumnStats, type ColumnState } from "./column-stats.js";
import { DistributionTally, type TallyState } from "./distribution-checks.js";

/** A QualityCollector's figures as JSON: what a shard hands over to be merged (see `merge`). */
export interface QualityState {
  counts: EntityCounts;
  columns: Record<Entity, ColumnState[]>;
  tally: TallyState;
}

const ENTITIES = Entity.options;

function feeder(columns: ColumnStats[]): (record: Record<string, unknown>) => void {
  return compileRecordFunction(
    columns.map((c) => c.column.name),
    (reads) => reads.map((read, i) => `s[${i}].add(${read});`).join("\n"),
    { s: columns },
  );
}

/**
 * Builds the quality report while the validation gate streams the records past it (a RecordObserver),
 * so the data is read once for both.
 */
export class QualityCollector implements RecordObserver {
  private readonly columns = perEntity((e) => columnsOf(e).map((c) => new ColumnStats(c)));
  private readonly tally = new DistributionTally();
  private readonly counts: EntityCounts = perEntity(() => 0);
  // Each entity's columns fed by one compiled function with static field reads (see compileRecordFunction).
  private readonly feed = perEntity((e) => feeder(this.columns[e]));

  observe(entity: Entity, record: unknown): void {
    if (typeof record !== "object" || record === null) return;
    const values = record as Record<string, unknown>;
    this.counts[entity]++;
    this.feed[entity](values);
    if (entity === "households") this.tally.addHousehold(values.lob_type, values.vehicle_count);
    if (entity === "profiles") this.tally.addProfile(values.lob_type, values.household_role, values.age);
    if (entity === "policies") this.tally.addPolicy(values.lob_type, values.term_months, values.status);
  }

  state(): QualityState {
    return {
      counts: { ...this.counts },
      columns: perEntity((e) => this.columns[e].map((c) => c.state())),
      tally: this.tally.state(),
    };
  }

  /**
   * Folds in a shard's figures. Every figure merges exactly, so the report of merged shards equals
   * the report of one collector that saw every record, whatever the shard count.
   */
  merge(state: QualityState): void {
    for (const entity of ENTITIES) {
      this.counts[entity] += state.counts[entity];
      this.columns[entity].forEach((stats, i) => stats.merge(state.columns[entity][i]!));
    }
    this.tally.merge(state.tally);
  }

  report(config: Pick<SnapshotConfig, "lobMix" | "vehiclesPerPerson">): QualityReport {
    const checks = this.tally.checks(config);
    return {
      counts: { ...this.counts },
      columns: perEntity((e) => this.columns[e].map((c) => c.profile())),
      checks,
      passed: checks.every((c) => c.passed),
    };
  }
}
