import type { Column, ColumnProfile } from "@sdh/schemas";
import { HyperLogLog } from "./hyperloglog.js";

/** Distinct values counted exactly per column; beyond this a column switches to HyperLogLog. */
export const EXACT_DISTINCT_LIMIT = 2048;
const TOP_VALUES = 5;
const HISTOGRAM_BINS = 10;

type Value = string | number | boolean;

/** Streams one column's values into the figures of its ColumnProfile, in memory bounded per column. */
export class ColumnStats {
  private records = 0;
  private nulls = 0;
  private counts: Map<Value, number> | null = new Map();
  private sketch: HyperLogLog | null = null;
  private min: Value | null = null;
  private max: Value | null = null;
  // Welford's running mean and sum of squared deviations: stable over millions of values.
  private mean = 0;
  private m2 = 0;
  private numericCount = 0;

  constructor(readonly column: Column) {}

  add(value: unknown): void {
    this.records++;
    if (value === null || value === undefined || value === "") {
      // An empty string counts as null only where the column is nullable (CSV cannot tell them apart).
      if (value !== "" || this.column.nullable) {
        this.nulls++;
        return;
      }
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return;
    if (this.min === null || value < this.min) this.min = value;
    if (this.max === null || value > this.max) this.max = value;
    if (typeof value === "number") {
      this.numericCount++;
      const delta = value - this.mean;
      this.mean += delta / this.numericCount;
      this.m2 += delta * (value - this.mean);
    }
    if (this.counts) {
      this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
      if (this.counts.size > EXACT_DISTINCT_LIMIT) {
        this.sketch = new HyperLogLog();
        for (const key of this.counts.keys()) this.sketch.add(String(key));
        this.counts = null;
      }
    } else {
      this.sketch!.add(String(value));
    }
  }

  profile(): ColumnProfile {
    const numeric = this.column.type === "int" || this.column.type === "double";
    const entries = this.counts ? [...this.counts.entries()] : [];
    // Most frequent first; equal counts in value order, so the report is the same on every run.
    const top = entries
      .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, TOP_VALUES)
      .map(([value, count]) => ({ value, count }));
    return {
      name: this.column.name,
      type: this.column.type,
      nulls: this.nulls,
      nullRate: this.records === 0 ? 0 : round(this.nulls / this.records),
      distinct: this.counts ? this.counts.size : this.sketch!.estimate(),
      distinctExact: this.counts !== null,
      min: this.min,
      max: this.max,
      top: this.counts ? top : [],
      numeric:
        numeric && this.numericCount > 0
          ? { mean: round(this.mean), stddev: round(Math.sqrt(this.m2 / this.numericCount)), histogram: this.histogram() }
          : null,
    };
  }

  private histogram(): Array<{ from: number; to: number; count: number }> {
    if (!this.counts || typeof this.min !== "number" || typeof this.max !== "number") return [];
    const min = this.min;
    const width = (this.max - min) / HISTOGRAM_BINS || 1;
    const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: round(min + i * width), to: round(min + (i + 1) * width), count: 0 }));
    for (const [value, count] of this.counts) {
      const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor(((value as number) - min) / width));
      bins[bin]!.count += count;
    }
    return this.max === min ? bins.slice(0, 1) : bins;
  }
}

/** Six significant decimals: enough for any share or mean, and stable in JSON across platforms. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
