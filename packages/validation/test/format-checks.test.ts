import { entitySpec, jsonSchemaOf, PC_PACK_SPEC } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { isZodIsoDate, isZodUuid } from "../src/format-checks.js";
import { cleanSnapshot } from "@sdh/validation/testing";

const patternOf = (field: string) =>
  new RegExp((jsonSchemaOf(entitySpec(PC_PACK_SPEC, "persons")) as { properties: Record<string, { pattern: string }> }).properties[field]!.pattern);

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
  const persons = cleanSnapshot(50).persons;

  it("uuid", () => {
    const regex = patternOf("person_id");
    const values = [
      ...persons.map((p) => p.person_id),
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
    const regex = patternOf("date_of_birth");
    const values = [...persons.map((p) => p.date_of_birth), "2024-02-29", "2000-02-29", "1900-02-28", "2023-12-31", "0000-01-01"];
    const cases = values.flatMap((v) => [v, ...corruptions(v, "0123456789-/ a")]);
    for (const year of [1900, 1996, 2000, 2023, 2024, 2100]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) cases.push(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
      }
    }
    expect(cases.filter((c) => isZodIsoDate(c) !== regex.test(c))).toEqual([]);
  });
});
