import type { Random } from "./random.js";

/** A whole number in [min, max], both included. */
export function intBetween(r: Random, min: number, max: number): number {
  return min + Math.floor(r.next() * (max - min + 1));
}

export function pick<T>(r: Random, items: readonly T[]): T {
  const item = items[Math.floor(r.next() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/**
 * A weighted table, prepared once: `cumulative` shares (for reports) and Walker's alias table, so
 * `pickWeighted` costs the same for 5 items as for the 28,000 ZIP codes of a state.
 */
export interface WeightedTable<T> {
  items: readonly T[];
  cumulative: Float64Array;
  /**
   * Alias method: column k keeps its own item with probability `columns[2k]`, else gives item
   * `columns[2k + 1]`. Both in one array, side by side, so a draw from a large table (the ZIP codes of
   * a state, the surnames) reads one cache line rather than two.
   */
  columns: Float64Array;
}

export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, w], i) => {
    if (!(w >= 0)) throw new Error(`weight must be ≥ 0, got ${w}`);
    total += w;
    cumulative[i] = total;
  });
  if (total <= 0) throw new Error("weights must not all be 0");
  for (let i = 0; i < cumulative.length; i++) cumulative[i]! /= total;
  const { keep, alias } = aliasTable(entries.map(([, w]) => (w * entries.length) / total));
  const columns = new Float64Array(2 * entries.length);
  for (let k = 0; k < entries.length; k++) {
    columns[2 * k] = keep[k]!;
    columns[2 * k + 1] = alias[k]!;
  }
  return { items: entries.map(([item]) => item), cumulative, columns };
}

/** Vose's stable construction of Walker's alias table from weights scaled to average 1. */
function aliasTable(scaled: number[]): { keep: Float64Array; alias: Uint32Array } {
  const n = scaled.length;
  const keep = new Float64Array(n);
  const alias = new Uint32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, k) => (p < 1 ? small : large).push(k));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large.pop()!;
    keep[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const k of [...large, ...small]) {
    keep[k] = 1;
    alias[k] = k;
  }
  return { keep, alias };
}

/** The share of item `i` in the table (from its cumulative shares). */
export function shareAt<T>(table: WeightedTable<T>, i: number): number {
  return table.cumulative[i]! - (i === 0 ? 0 : table.cumulative[i - 1]!);
}

/** One draw: its integer part picks a column, its fraction decides between the column's two items. */
export function pickIndex<T>(r: Random, table: WeightedTable<T>): number {
  const x = r.next() * table.items.length;
  const column = Math.floor(x);
  return x - column < table.columns[2 * column]! ? column : table.columns[2 * column + 1]!;
}

/** The item of one draw (`pickIndex`'s, so both consume the stream alike). */
export function pickWeighted<T>(r: Random, table: WeightedTable<T>): T {
  return table.items[pickIndex(r, table)]!;
}
