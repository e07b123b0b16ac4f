import { columnsOf, compileRecordFunction, perEntity, type Entity, type EntityCounts, type PackSpec, type QualityReport, type RecordedConfig } from "@sdh/schemas";
import type { QualityTally } from "../pack.js";
import type { RecordObserver } from "../validate-snapshot.js";
import { ColumnStats, type ColumnState } from "./column-stats.js";

/** A QualityCollector's figures as JSON: what a shard hands over to be merged (see `merge`). */
export interface QualityState {
  counts: EntityCounts;
  columns: Record<Entity, ColumnState[]>;
  tally: unknown;
}

function feeder(columns: ColumnStats[]): (record: Record<string, unknown>) => void {
  return compileRecordFunction(
    columns.map((c) => c.column.name),
    (reads) => reads.map((read, i) => `s[${i}].${columns[i]!.adder}(${read});`).join("\n"),
    { s: columns },
  );
}

/** What the collector needs of a pack: its declaration and its distribution checks. */
export interface QualityPack {
  spec: PackSpec;
  createTally(): QualityTally;
}

/**
 * Builds the quality report while the validation gate streams the records past it (a RecordObserver),
 * so the data is read once for both: a profile of every declared column, and the pack's distribution
 * checks.
 */
export class QualityCollector implements RecordObserver {
  private readonly spec: PackSpec;
  private readonly columns: Record<Entity, ColumnStats[]>;
  private readonly tally: QualityTally;
  private readonly counts: EntityCounts;
  // Each entity's columns fed by one compiled function with static field reads (see compileRecordFunction).
  private readonly feed: Record<Entity, (record: Record<string, unknown>) => void>;

  constructor(pack: QualityPack) {
    this.spec = pack.spec;
    this.columns = perEntity(pack.spec, (_, spec) => columnsOf(spec).map((c) => new ColumnStats(c)));
    this.tally = pack.createTally();
    this.counts = perEntity(pack.spec, () => 0);
    this.feed = perEntity(pack.spec, (e) => feeder(this.columns[e]!));
  }

  observe(entity: Entity, record: unknown): void {
    if (typeof record !== "object" || record === null) return;
    const values = record as Record<string, unknown>;
    this.counts[entity]!++;
    this.feed[entity]!(values);
    this.tally.observe(entity, values);
  }

  state(): QualityState {
    return {
      counts: { ...this.counts },
      columns: perEntity(this.spec, (e) => this.columns[e]!.map((c) => c.state())),
      tally: this.tally.state(),
    };
  }

  /**
   * Folds in a shard's figures. Every figure merges exactly, so the report of merged shards equals
   * the report of one collector that saw every record, whatever the shard count.
   */
  merge(state: QualityState): void {
    for (const { name } of this.spec.entities) {
      this.counts[name]! += state.counts[name]!;
      this.columns[name]!.forEach((stats, i) => stats.merge(state.columns[name]![i]!));
    }
    this.tally.merge(state.tally);
  }

  report(config: RecordedConfig): QualityReport {
    const checks = this.tally.checks(config);
    return {
      counts: { ...this.counts },
      columns: perEntity(this.spec, (e) => this.columns[e]!.map((c) => c.profile())),
      checks,
      passed: checks.every((c) => c.passed),
    };
  }
}
