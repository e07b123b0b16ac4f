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

/** Cumulative weights for `pickWeighted`, computed once per table rather than per draw. */
export interface WeightedTable<T> {
  items: readonly T[];
  cumulative: Float64Array;
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
  return { items: entries.map(([item]) => item), cumulative };
}

export function pickWeighted<T>(r: Random, table: WeightedTable<T>): T {
  const x = r.next();
  const { cumulative, items } = table;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return items[lo]!;
}
