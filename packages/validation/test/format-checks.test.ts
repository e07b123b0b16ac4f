import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isZodIsoDate, isZodUuid } from "../src/format-checks.js";

/** The pattern zod writes into the JSON Schema of `schema`: what a published snapshot's schemas promise. */
const patternOf = (schema: z.ZodType) => new RegExp((z.toJSONSchema(schema) as { pattern: string }).pattern);

/** 50 well-formed version-4 UUIDs and 50 birth dates, as seeded records hold them. */
const uuids = Array.from({ length: 50 }, (_, i) => {
  const h = createHash("sha256").update(String(i)).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[i % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
});
const dates = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(1940 + i, i % 12, 1 + (i % 28))).toISOString().slice(0, 10));

/** Every string one character away from `value`: each position replaced by each probe character, or dropped. */
function corruptions(value: string, probes: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    out.push(value.slice(0, i) + value.slice(i + 1));
    for (const ch of probes) out.push(value.slice(0, i) + ch + value.slice(i + 1));
  }
  return out;
}

describe("hand-written format checks match zod's patterns", () => {
  it("uuid", () => {
    const regex = patternOf(z.uuid());
    const values = [
      ...uuids,
      "00000000-0000-0000-0000-000000000000",
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
      "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
    ];
    const probes = "0189abfABFgG-_ é";
    const cases = values.flatMap((v) => [v, v.toUpperCase(), ...corruptions(v, probes)]);
    expect(cases.length).toBeGreaterThan(20_000);
    expect(cases.filter((c) => isZodUuid(c) !== regex.test(c))).toEqual([]);
  });

  it("date", () => {
    const regex = patternOf(z.iso.date());
    const values = [...dates, "2024-02-29", "2000-02-29", "1900-02-28", "2023-12-31", "0000-01-01"];
    const cases = values.flatMap((v) => [v, ...corruptions(v, "0123456789-/ a")]);
    for (const year of [1900, 1996, 2000, 2023, 2024, 2100]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) cases.push(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
      }
    }
    expect(cases.filter((c) => isZodIsoDate(c) !== regex.test(c))).toEqual([]);
  });
});
