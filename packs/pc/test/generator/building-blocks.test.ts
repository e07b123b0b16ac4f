import { describe, expect, it } from "vitest";
import { createPermutation, createRecordStreams, formatEpochDay, formatTemplate, parseIsoDate, templateRegex, templateSpace, toEpochDay, wholeYearsBetween, wholeYearsBetweenIso, wholeYearsTo } from "@sdh/rules";
import { modelYearCode, vinCheckDigit } from "../../src/generator/index.js";
import { VIN_ALPHABET, VIN_SERIALS, composeVin, vinPartialSum } from "../../src/generator/vin.js";

describe("createPermutation", () => {
  it.each([1, 7, 1_000, 4_097])("is a bijection on [0, %i)", (space) => {
    const permute = createPermutation(space, 42);
    const seen = new Set<number>();
    for (let i = 0; i < space; i++) {
      const n = permute(i);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(space);
      seen.add(n);
    }
    expect(seen.size).toBe(space);
  });

  it("depends on its key and refuses indexes outside its space", () => {
    expect(createPermutation(1_000_000, 1)(5)).not.toBe(createPermutation(1_000_000, 2)(5));
    expect(() => createPermutation(10, 1)(10)).toThrow(RangeError);
  });
});

describe("identifier templates", () => {
  it("spell every value once and only what their regex accepts", () => {
    const template = "^#@";
    expect(templateSpace(template)).toBe(23 * 10 * 26);
    const spelled = new Set(Array.from({ length: templateSpace(template) }, (_, n) => formatTemplate(template, n)));
    expect(spelled.size).toBe(templateSpace(template));
    for (const s of spelled) expect(s).toMatch(templateRegex(template));
    expect("I1A").not.toMatch(templateRegex(template));
    expect(formatTemplate("WDL*", 35)).toBe("WDLZ");
  });
});

describe("VIN building blocks", () => {
  it("compute the published example's check digit", () => {
    // The example VIN from the NHTSA check-digit worked example: 1M8GDM9A_KP042788 → X.
    expect(vinCheckDigit("1M8GDM9AXKP042788")).toBe("X");
    expect(vinCheckDigit("11111111111111111")).toBe("1");
  });

  it("code model years in 30-year cycles without I, O, Q, U, Z or 0", () => {
    expect(modelYearCode(1980)).toBe("A");
    expect(modelYearCode(2010)).toBe("A");
    expect(modelYearCode(2001)).toBe("1");
    expect(modelYearCode(2018)).toBe("J");
    expect(modelYearCode(2026)).toBe("T");
    expect(modelYearCode(2030)).toBe("Y");
  });

  it("compose a VIN whose check digit is the published algorithm's, for every serial lead and check value", () => {
    const prefix = "1FTFW1E5";
    const partialSum = vinPartialSum(prefix, 0) + vinPartialSum("T", 9) + vinPartialSum("K", 10);
    const checks = new Set<string>();
    for (let serial = 0; serial < VIN_SERIALS; serial += 7_919) {
      const vin = composeVin(prefix, partialSum, "T", "K", serial);
      const lead = VIN_ALPHABET[Math.floor(serial / 100_000)]!;
      expect(vin.slice(0, 8) + vin.slice(9)).toBe(`${prefix}TK${lead}${String(serial % 100_000).padStart(5, "0")}`);
      expect(vin[8]).toBe(vinCheckDigit(vin));
      checks.add(vin[8]!);
    }
    expect(checks.size).toBe(11); // every digit and X occurred
  });
});

describe("calendar dates", () => {
  it("agree with the UTC calendar for every day from 1900 to 2100", () => {
    for (let day = toEpochDay({ year: 1900, month: 1, day: 1 }); day <= toEpochDay({ year: 2100, month: 12, day: 31 }); day += 1) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (formatEpochDay(day) !== expected) expect(formatEpochDay(day)).toBe(expected);
    }
    // Days are kept once written (1900-2099): asked again, inside and outside that window, the same text.
    for (const iso of ["1899-12-31", "1900-01-01", "1969-12-31", "2026-01-06", "2099-12-31", "2100-01-01"]) {
      const day = toEpochDay(parseIsoDate(iso));
      expect([formatEpochDay(day), formatEpochDay(day)]).toEqual([iso, iso]);
    }
    expect(() => parseIsoDate("2026-1-06")).toThrow(/not a YYYY-MM-DD date/);
  });

  it("count whole years between date strings as between dates, birthdays and leap days included (asOf read per call or once)", () => {
    const asOf = "2026-01-06";
    const ageAt = wholeYearsTo(asOf);
    for (let day = toEpochDay({ year: 1930, month: 1, day: 1 }); day <= toEpochDay({ year: 2026, month: 1, day: 6 }); day += 3) {
      const from = formatEpochDay(day);
      const expected = wholeYearsBetween(parseIsoDate(from), parseIsoDate(asOf));
      if (wholeYearsBetweenIso(from, asOf) !== expected) expect(wholeYearsBetweenIso(from, asOf)).toBe(expected);
      if (ageAt(from) !== expected) expect(ageAt(from)).toBe(expected);
    }
    expect(wholeYearsTo("2026-02-28")("2008-02-29")).toBe(17);
    expect(wholeYearsTo("2026-03-01")("2008-02-29")).toBe(18);
    expect(() => wholeYearsTo("2026-1-06")).toThrow(/not a YYYY-MM-DD date/);
    expect(wholeYearsBetweenIso("2008-02-29", "2026-02-28")).toBe(17);
    expect(wholeYearsBetweenIso("2008-02-29", "2026-03-01")).toBe(18);
    expect(wholeYearsBetweenIso("2000-01-06", asOf)).toBe(26);
    expect(wholeYearsBetweenIso("2000-01-07", asOf)).toBe(25);
  });
});

describe("record streams", () => {
  it("depend only on (seed, entity, index), whatever was drawn before", () => {
    const a = createRecordStreams(42, "person");
    const first = [a.at(5).next(), a.next()];
    a.at(9).next();
    expect([a.at(5).next(), a.next()]).toEqual(first);
    expect(createRecordStreams(42, "vehicles").at(5).next()).not.toBe(first[0]);
  });

  it("look uniform across neighbouring records", () => {
    const s = createRecordStreams(1, "person");
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(s.at(i).next() * 10)] += 1;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe("epoch days", () => {
  it("round-trip and agree with Date.UTC, leap days included", () => {
    for (const iso of ["1900-02-28", "1900-03-01", "2000-02-29", "2024-02-29", "2026-01-06", "1969-12-31"]) {
      const date = parseIsoDate(iso);
      expect(toEpochDay(date)).toBe(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
      expect(formatEpochDay(toEpochDay(date))).toBe(iso);
    }
  });
});
