import { entitySpec, jsonSchemaOf } from "@sdh/schemas";
import { PC_PACK_SPEC } from "../../src/schemas/index.js";
import { compileSchemaCheck } from "@sdh/validation";
import { describe, expect, it } from "vitest";
import { cleanSnapshot } from "../../src/testing/index.js";

// The compiled check must give zod's verdict on every record: valid ones, and each record with one
// field replaced by values of the wrong type, shape or range.
const REPLACEMENTS: unknown[] = [
  null, undefined, "", " ", "x", "0", "-1", "2026-02-30", "2024-02-29", "2023-02-29", "1999-12-31", "ABC",
  "a@example.com", "a@@example.com", "(415) 555-0100", "(415) 555-0200", "00000000-0000-0000-0000-000000000000",
  "12345678-1234-9234-8234-123456789012", "12345678-1234-4234-c234-123456789012", "1HGCM82633A004352",
  0, -1, 1.5, 6, 9, 12, 16, 18, 120, 121, 1980, 1981, 200_000, 200_001, Number.NaN, Infinity, true, [], {},
];

function verdicts(name: string, records: readonly unknown[]) {
  const entity = entitySpec(PC_PACK_SPEC, name);
  const check = compileSchemaCheck(entity.schema);
  const zod = entity.schema;
  const fields = Object.keys((jsonSchemaOf(entity) as { properties: object }).properties);
  let compared = 0;
  const disagreements: string[] = [];
  for (const record of records) {
    for (const field of fields) {
      for (const value of [(record as Record<string, unknown>)[field], ...REPLACEMENTS]) {
        const edited = { ...(record as object), [field]: value };
        const fast = check.invalidFields(edited).length === 0;
        if (fast !== zod.safeParse(edited).success) disagreements.push(`${field}=${JSON.stringify(value)}`);
        compared++;
      }
    }
  }
  return { compared, disagreements };
}

describe("compileSchemaCheck", () => {
  const snapshot = cleanSnapshot(60);
  it.each([
    ["households", snapshot.households],
    ["persons", snapshot.persons],
    ["vehicles", snapshot.vehicles],
    ["profiles", snapshot.profiles],
    ["policies", snapshot.policies],
    ["drivers", snapshot.drivers],
    ["policy_vehicles", snapshot.policy_vehicles],
  ] as const)("agrees with zod on valid and broken %s", (entity, records) => {
    const { compared, disagreements } = verdicts(entity, records.slice(0, 20));
    expect(compared).toBeGreaterThan(1000);
    expect(disagreements).toEqual([]);
  });

  it("names the fields that fail, and zod explains them", () => {
    const check = compileSchemaCheck(entitySpec(PC_PACK_SPEC, "persons").schema);
    const broken = { ...snapshot.persons[0]!, state: "XX", middle_name: "" };
    expect(check.invalidFields(broken)).toEqual(["middle_name", "state"]);
    expect(check.explain(broken)).toEqual([expect.stringMatching(/^middle_name: /), expect.stringMatching(/^state: /)]);
    expect(check.invalidFields(snapshot.persons[0])).toEqual([]);
    expect(check.invalidFields("not a record")).toContain("person_id");
  });
});
