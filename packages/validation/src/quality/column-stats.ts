import type { Column, ColumnProfile } from "@sdh/schemas";
import { ExactSum } from "./exact-sum.js";
import { HyperLogLog } from "./hyperloglog.js";

/** Distinct values counted exactly per column; beyond this a column switches to HyperLogLog. */
export const EXACT_DISTINCT_LIMIT = 2048;
const TOP_VALUES = 5;
const HISTOGRAM_BINS = 10;
/** Squares of integers up to this size are exact in a double. */
const EXACT_SQUARE_LIMIT = Math.floor(Math.sqrt(2 ** 53));

type Value = string | number | boolean;

/** A ColumnStats' figures as JSON, for merging the stats of a snapshot's shards. */
export interface ColumnState {
  records: number;
  nulls: number;
  counts: Array<[Value, number]> | null;
  /** HyperLogLog registers, base64. */
  sketch: string | null;
  min: Value | null;
  max: Value | null;
  numericCount: number;
  sum: string;
  sumSquares: string;
  fractional: { sum: number; sumSquares: number } | null;
  /** Numeric values rounded to two significant digits, with their counts: the histogram's source once `counts` gives way to the sketch. */
  coarse: Array<[number, number]>;
  /** A date column's records per month (YYYY-MM); absent for other columns. */
  months?: Array<[string, number]>;
}

/**
 * 13,244 → 13,000; 0.0457 → 0.046: few keys per decade, so the map stays small whatever the column
 * holds. Exactly `Number(value.toPrecision(2))`; whole numbers (every numeric column today) are rounded
 * arithmetically — half away from zero, as toPrecision does — without a string per value.
 */
export function coarseKey(value: number): number {
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) && magnitude < 2 ** 31) {
    if (magnitude < 100) return value;
    let unit = 10;
    while (magnitude >= unit * 100) unit *= 10;
    const rounded = Math.floor(magnitude / unit + 0.5) * unit;
    return value < 0 ? -rounded : rounded;
  }
  return Number(value.toPrecision(2));
}

/**
 * A date's month as a map key: YYYY-MM as the number YYYYMM, which costs no string to make or hash;
 * anything else (a value that is not a date) as its first seven characters, kept as they are.
 */
export function monthKey(value: string): number | string {
  if (value.length >= 7 && value.charCodeAt(4) === 45) {
    const year = digits(value, 0, 4);
    const month = digits(value, 5, 2);
    if (year >= 0 && month >= 0) return year * 100 + month;
  }
  return value.slice(0, 7);
}

/** The month text of a monthKey: the inverse, so the figures read as they always have. */
export function monthText(key: number | string): string {
  if (typeof key === "string") return key;
  return `${String(Math.floor(key / 100)).padStart(4, "0")}-${String(key % 100).padStart(2, "0")}`;
}

/** The number the `length` decimal digits at `start` spell, or -1 when one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Streams one column's values into the figures of its ColumnProfile, in memory bounded per column.
 * Every figure merges exactly (counts, min/max, HyperLogLog registers, integer sums), so stats built
 * shard by shard and merged equal those of one pass over the same values, byte for byte.
 */
export class ColumnStats {
  private records = 0;
  private nulls = 0;
  // Each value's count in a box of its own, so a value seen again costs one lookup, not a get and a set.
  private counts: Map<Value, { n: number }> | null = new Map();
  private sketch: HyperLogLog | null = null;
  private min: Value | null = null;
  private max: Value | null = null;
  private numericCount = 0;
  // Mean and variance from exact integer sums: order-free, so shards merge to one pass's figures.
  private readonly sum = new ExactSum();
  private readonly sumSquares = new ExactSum();
  // Non-integers (no column holds them today) are summed as doubles, whose last bits depend on order.
  private fractional: { sum: number; sumSquares: number } | null = null;
  private readonly coarse = new Map<number, number>();
  // Per month, for date columns: what their histogram is drawn from (a few hundred keys at most),
  // keyed as monthKey gives, in first-seen order.
  private readonly months = new Map<number | string, number>();

  constructor(readonly column: Column) {}

  /** Any value: what `addText`, `addDate` and `addNumeric` hand over when a value is not of their kind. */
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
    if (typeof value === "number") this.addNumber(value);
    else if (this.column.type === "date" && typeof value === "string") this.addMonth(value);
    this.count(value);
  }

  // The compiled feeders (QualityCollector) call the entry of the column's type: its usual value (of
  // that type, not empty) takes a path with no type tests, anything else goes through `add`, with the
  // same result. Separate methods, so V8 optimizes each for one kind of value; one `add` for every
  // column saw strings, numbers and booleans at each of its operations (issue 37).

  /** A text column's value. */
  addText(value: unknown): void {
    if (typeof value !== "string" || value === "") return this.add(value);
    this.records++;
    if (this.min === null || value < this.min) this.min = value;
    if (this.max === null || value > this.max) this.max = value;
    this.count(value);
  }

  /** A date column's value (ISO text). */
  addDate(value: unknown): void {
    if (typeof value !== "string" || value === "" || this.column.type !== "date") return this.add(value);
    this.records++;
    if (this.min === null || value < this.min) this.min = value;
    if (this.max === null || value > this.max) this.max = value;
    this.addMonth(value);
    this.count(value);
  }

  /** A numeric column's value. */
  addNumeric(value: unknown): void {
    if (typeof value !== "number") return this.add(value);
    this.records++;
    // Compared as Values: a column whose bad records held text has a text min, compared as `add` would.
    if (this.min === null || (value as Value) < this.min) this.min = value;
    if (this.max === null || (value as Value) > this.max) this.max = value;
    this.addNumber(value);
    this.count(value);
  }

  /** The name of the entry for this column's type, for a compiled feeder. */
  get adder(): "addText" | "addDate" | "addNumeric" | "add" {
    const { type } = this.column;
    return type === "string" ? "addText" : type === "date" ? "addDate" : type === "int" || type === "decimal" || type === "double" ? "addNumeric" : "add";
  }

  private count(value: Value): void {
    if (this.counts) {
      const box = this.counts.get(value);
      if (box) box.n++;
      else {
        this.counts.set(value, { n: 1 });
        if (this.counts.size > EXACT_DISTINCT_LIMIT) this.switchToSketch();
      }
    } else {
      this.sketch!.add(String(value));
    }
  }

  /** Counts the value's month: its first seven characters. */
  private addMonth(value: string): void {
    const key = monthKey(value);
    this.months.set(key, (this.months.get(key) ?? 0) + 1);
  }

  state(): ColumnState {
    return {
      records: this.records,
      nulls: this.nulls,
      counts: this.counts ? this.countedValues() : null,
      sketch: this.sketch ? Buffer.from(this.sketch.registers).toString("base64") : null,
      min: this.min,
      max: this.max,
      numericCount: this.numericCount,
      sum: this.sum.toString(),
      sumSquares: this.sumSquares.toString(),
      fractional: this.fractional && { ...this.fractional },
      coarse: [...this.coarse],
      ...(this.column.type === "date" ? { months: this.monthCounts() } : {}),
    };
  }

  /** Folds in another part's figures for the same column. */
  merge(other: ColumnState): void {
    this.records += other.records;
    this.nulls += other.nulls;
    if (other.min !== null && (this.min === null || other.min < this.min)) this.min = other.min;
    if (other.max !== null && (this.max === null || other.max > this.max)) this.max = other.max;
    this.numericCount += other.numericCount;
    for (const [key, count] of other.coarse) this.coarse.set(key, (this.coarse.get(key) ?? 0) + count);
    for (const [month, count] of other.months ?? []) {
      const key = monthKey(month);
      this.months.set(key, (this.months.get(key) ?? 0) + count);
    }
    this.sum.merge(other.sum);
    this.sumSquares.merge(other.sumSquares);
    if (other.fractional) {
      this.fractional ??= { sum: 0, sumSquares: 0 };
      this.fractional.sum += other.fractional.sum;
      this.fractional.sumSquares += other.fractional.sumSquares;
    }
    if (other.counts) {
      for (const [value, count] of other.counts) {
        if (this.counts) {
          const box = this.counts.get(value);
          if (box) box.n += count;
          else this.counts.set(value, { n: count });
        }
        else this.sketch!.add(String(value));
      }
      if (this.counts && this.counts.size > EXACT_DISTINCT_LIMIT) this.switchToSketch();
    } else {
      if (this.counts) this.switchToSketch();
      this.sketch!.mergeRegisters(Buffer.from(other.sketch!, "base64"));
    }
  }

  profile(): ColumnProfile {
    const numeric = this.column.type === "int" || this.column.type === "decimal" || this.column.type === "double";
    const entries = this.counts ? this.countedValues() : [];
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
      numeric: numeric && this.numericCount > 0 ? { ...this.moments(), histogram: this.histogram(), deciles: this.deciles(), logHistogram: this.logHistogram() } : null,
      ...(this.column.type === "date" ? { dates: this.dateHistogram() } : {}),
    };
  }

  /** The numbers and their counts, ascending: exact while counted, else their two-digit roundings. */
  private sortedNumbers(): Array<[number, number]> {
    const entries: Array<[number, number]> = [];
    for (const [value, count] of this.counts ? this.countedValues() : this.coarse) if (typeof value === "number") entries.push([value, count]);
    return entries.sort(([a], [b]) => a - b);
  }

  /** The 10th … 90th percentiles by nearest rank: the smallest value whose cumulative count reaches k/10 of all. */
  private deciles(): number[] {
    const entries = this.sortedNumbers();
    const total = entries.reduce((n, [, count]) => n + count, 0);
    const out: number[] = [];
    let cumulative = 0;
    let e = 0;
    for (let k = 1; k <= 9; k++) {
      const rank = Math.ceil((k * total) / 10);
      while (e < entries.length - 1 && cumulative + entries[e]![1] < rank) cumulative += entries[e++]![1];
      out.push(round(entries[e]![0]));
    }
    return out;
  }

  /**
   * Ten log-spaced bins from the smallest positive value to max, after a [0, 0] bin for zeros, when the
   * values are never negative and span more than two orders of magnitude (money, counts); else null.
   */
  private logHistogram(): Array<{ from: number; to: number; count: number }> | null {
    if (typeof this.min !== "number" || typeof this.max !== "number" || this.min < 0) return null;
    const entries = this.sortedNumbers();
    const low = entries.find(([value]) => value > 0)?.[0];
    const high = this.max;
    if (low === undefined || high / low <= 100) return null;
    const span = Math.log(high / low);
    const edge = (i: number) => (i === HISTOGRAM_BINS ? high : low * Math.exp((span * i) / HISTOGRAM_BINS));
    const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: round(edge(i)), to: round(edge(i + 1)), count: 0 }));
    let zeros = 0;
    for (const [value, count] of entries) {
      if (value === 0) zeros += count;
      else bins[Math.max(0, Math.min(HISTOGRAM_BINS - 1, Math.floor((Math.log(value / low) / span) * HISTOGRAM_BINS)))]!.count += count;
    }
    return zeros > 0 ? [{ from: 0, to: 0, count: zeros }, ...bins] : bins;
  }

  /** Records per month when the dates span at most 36 months, else per year; in order. */
  private dateHistogram(): { unit: "month" | "year"; histogram: Array<{ period: string; count: number }> } | null {
    if (this.months.size === 0) return null;
    const months = this.monthCounts().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
    if (monthIndex(months.at(-1)![0]) - monthIndex(months[0]![0]) < 36) return { unit: "month", histogram: months.map(([period, count]) => ({ period, count })) };
    const years = new Map<string, number>();
    for (const [month, count] of months) years.set(month.slice(0, 4), (years.get(month.slice(0, 4)) ?? 0) + count);
    return { unit: "year", histogram: [...years].map(([period, count]) => ({ period, count })) };
  }

  private addNumber(value: number): void {
    this.numericCount++;
    const key = coarseKey(value);
    this.coarse.set(key, (this.coarse.get(key) ?? 0) + 1);
    if (Number.isSafeInteger(value)) {
      this.sum.add(value);
      if (Math.abs(value) <= EXACT_SQUARE_LIMIT) this.sumSquares.add(value * value);
      else this.sumSquares.addBig(BigInt(value) ** 2n);
    } else {
      this.fractional ??= { sum: 0, sumSquares: 0 };
      this.fractional.sum += value;
      this.fractional.sumSquares += value * value;
    }
  }

  /** Population mean and standard deviation; exact up to the final division when every value is an integer. */
  private moments(): { mean: number; stddev: number } {
    const n = this.numericCount;
    if (this.fractional) {
      const sum = Number(this.sum.total()) + this.fractional.sum;
      const mean = sum / n;
      const variance = Math.max(0, (Number(this.sumSquares.total()) + this.fractional.sumSquares) / n - mean * mean);
      return { mean: round(mean), stddev: round(Math.sqrt(variance)) };
    }
    const sum = this.sum.total();
    // n²·variance = n·Σx² − (Σx)², an exact integer.
    const scaledVariance = BigInt(n) * this.sumSquares.total() - sum * sum;
    return { mean: round(Number(sum) / n), stddev: round(Math.sqrt(Number(scaledVariance)) / n) };
  }

  /** Each month (YYYY-MM, or the first seven characters of a value that is not a date) with its count, in first-seen order. */
  private monthCounts(): Array<[string, number]> {
    return [...this.months].map(([key, count]) => [monthText(key), count]);
  }

  /** The exactly counted values with their counts, in first-seen order. */
  private countedValues(): Array<[Value, number]> {
    return [...this.counts!].map(([value, box]) => [value, box.n]);
  }

  private switchToSketch(): void {
    this.sketch = new HyperLogLog();
    for (const key of this.counts!.keys()) this.sketch.add(String(key));
    this.counts = null;
  }

  private histogram(): Array<{ from: number; to: number; count: number }> {
    if (typeof this.min !== "number" || typeof this.max !== "number") return [];
    const min = this.min;
    const width = (this.max - min) / HISTOGRAM_BINS || 1;
    const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: round(min + i * width), to: round(min + (i + 1) * width), count: 0 }));
    // Exact values while they are counted; past EXACT_DISTINCT_LIMIT distinct values, their two-digit
    // roundings (a value near a bin edge may then land in the neighbouring bin).
    for (const [value, count] of this.counts ? this.countedValues() : this.coarse) {
      if (typeof value !== "number") continue;
      const bin = Math.max(0, Math.min(HISTOGRAM_BINS - 1, Math.floor((value - min) / width)));
      bins[bin]!.count += count;
    }
    return this.max === min ? bins.slice(0, 1) : bins;
  }
}

/** Six significant decimals: enough for any share or mean, and stable in JSON across platforms. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
