import { describe, expect, it } from "vitest";
import { coarseKey } from "./column-stats.js";

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
