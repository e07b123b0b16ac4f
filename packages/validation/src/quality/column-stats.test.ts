import { describe, expect, it } from "vitest";
import type { Column } from "@sdh/schemas";
import { ColumnStats, coarseKey, monthKey, monthText } from "./column-stats.js";

// The histogram keys enter quality reports, which must stay byte-for-byte what they were: the
// arithmetic path has to agree with toPrecision(2) everywhere, ties and negatives included.
describe("coarseKey", () => {
  it("is Number(value.toPrecision(2)) for whole numbers, ties and negatives included", () => {
    const reference = (v: number) => Number(v.toPrecision(2));
    for (let v = -20_000; v <= 20_000; v++) if (coarseKey(v) !== reference(v)) expect(coarseKey(v)).toBe(reference(v));
    for (const v of [95, 99, 100, 104, 105, 115, 995, 9_950, 9_949, 12_500, -12_500, 149_999, 150_000, 2 ** 31 - 1, -(2 ** 31), 2 ** 40 + 5]) {
      expect(coarseKey(v), String(v)).toBe(reference(v));
    }
    let x = 12345;
    for (let k = 0; k < 100_000; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const v = x % 2 ? x : -(x >>> 3);
      if (coarseKey(v) !== reference(v)) expect(coarseKey(v)).toBe(reference(v));
    }
  });

  it("keeps toPrecision for fractions", () => {
    expect(coarseKey(0.0457)).toBe(0.046);
    expect(coarseKey(-2.35)).toBe(Number((-2.35).toPrecision(2)));
  });
});

describe("ColumnStats' bins for skewed money and dates (schema 0.8)", () => {
  const money = { name: "paid_amount", type: "decimal" as const, nullable: false, description: "" };
  const dates = { name: "loss_date", type: "date" as const, nullable: false, description: "" };

  it("gives nearest-rank deciles, and log-spaced bins with a zero bin when the values span orders of magnitude", () => {
    const stats = new ColumnStats(money);
    const values = [0, 0, 0, ...Array.from({ length: 97 }, (_, i) => 10 * 1.1 ** i)];
    for (const v of values) stats.add(Math.round(v * 100) / 100);
    const numeric = stats.profile().numeric!;
    const sorted = values.map((v) => Math.round(v * 100) / 100).sort((a, b) => a - b);
    expect(numeric.deciles).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => sorted[Math.ceil((k * 100) / 10) - 1]));
    const log = numeric.logHistogram!;
    expect(log[0]).toEqual({ from: 0, to: 0, count: 3 });
    expect(log).toHaveLength(11);
    expect(log.reduce((n, b) => n + b.count, 0)).toBe(100);
    // Geometric edges: each bin's upper edge over its lower is the same ratio.
    const ratios = log.slice(1).map((b) => b.to / b.from);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 3);
    // Values within two orders of magnitude keep the equal-width bins alone.
    const narrow = new ColumnStats(money);
    for (let v = 50; v <= 400; v++) narrow.add(v);
    expect(narrow.profile().numeric!.logHistogram).toBeNull();
  });

  it("counts dates per month within three years, per year beyond, and merges shards to one pass's report", () => {
    const recent = new ColumnStats(dates);
    for (const d of ["2025-01-03", "2025-01-30", "2025-03-09", "2026-01-01"]) recent.add(d);
    expect(recent.profile().dates).toEqual({ unit: "month", histogram: [{ period: "2025-01", count: 2 }, { period: "2025-03", count: 1 }, { period: "2026-01", count: 1 }] });
    const whole = new ColumnStats(dates);
    const [a, b] = [new ColumnStats(dates), new ColumnStats(dates)];
    const births = ["1950-05-01", "1971-12-31", "1971-01-01", "2001-07-04", "2008-02-29"];
    births.forEach((d, i) => (whole.add(d), (i % 2 ? a : b).add(d)));
    expect(whole.profile().dates).toEqual({ unit: "year", histogram: [{ period: "1950", count: 1 }, { period: "1971", count: 2 }, { period: "2001", count: 1 }, { period: "2008", count: 1 }] });
    const merged = new ColumnStats(dates);
    merged.merge(b.state());
    merged.merge(a.state());
    expect(merged.profile()).toEqual(whole.profile());
  });
});

describe("ColumnStats' entries per column type (issue 37)", () => {
  const column = (type: Column["type"], nullable = true): Column => ({ name: "c", type, nullable, description: "" });
  // Each type's usual values, and every kind of value a bad record could hold in its place.
  const values: unknown[] = ["2024-05-01", "2024-05-31", "1999-12-31", "0999-01-01", "abc", "12345-67", "2024-5-1", "", null, undefined, 0, 7, -3, 2.5, 12_500, true, false, { a: 1 }, "Z", "a,b"];

  it("give the figures `add` gives, for the type's values and for any other value", () => {
    for (const type of ["string", "date", "int", "decimal", "double", "boolean"] as const) {
      for (const nullable of [true, false]) {
        const generic = new ColumnStats(column(type, nullable));
        const typed = new ColumnStats(column(type, nullable));
        // Every value many times over, in an order that changes min and max along the way, and
        // enough distinct ones (numbers and text) for the counts to give way to the sketch.
        for (let k = 0; k < 6_000; k++) {
          const value = k % 2 === 0 ? values[(k >> 1) % values.length] : k % 4 === 1 ? k * 3 : `t${k}`;
          generic.add(value);
          typed[typed.adder](value);
        }
        expect(typed.state().counts, "past the exact limit").toBeNull();
        expect(typed.state(), `${type}, nullable ${nullable}`).toEqual(generic.state());
        expect(JSON.stringify(typed.profile())).toBe(JSON.stringify(generic.profile()));
      }
    }
  });

  it("keys a month as a number only when its text comes back the same", () => {
    for (const text of ["2024-05-01", "0001-01-09", "9999-12", "2024-00-00", "2024-5-01", "abcd-ef", "2024", "", "２０２４-05-01"]) {
      expect(monthText(monthKey(text))).toBe(text.slice(0, 7));
    }
    expect(monthKey("2024-05-17")).toBe(202405);
    expect(monthKey("2024-5-17")).toBe("2024-5-");
  });
});
