import { Household, Person, Profile, Vehicle } from "../../src/schemas/index.js";
import { describe, expect, it } from "vitest";
import { parseIsoDate, wholeYearsBetween } from "@sdh/rules";
import { bundles, config } from "./fixtures.js";

const c = config({ records: 5_000 });
const all = bundles(c);
const persons = all.flatMap((b) => b.persons);
const vehicles = all.flatMap((b) => b.vehicles);
// Realism against public references: realism-vehicles, realism-places, realism-people and
// realism-commercial on a 50,000-person snapshot; here the schema and the profiles.
const profiles = all.flatMap((b) => b.profiles);
const asOf = parseIsoDate(c.asOf);

describe("every record parses with its schema", () => {
  it.each([
    ["households", Household, all.map((b) => b.household)],
    ["persons", Person, persons],
    ["vehicles", Vehicle, vehicles],
    ["profiles", Profile, profiles],
  ] as const)("%s", (_, schema, records) => {
    const failures = records.map((r) => schema.safeParse(r)).filter((r) => !r.success);
    expect(failures.slice(0, 3).map((f) => f.error?.issues)).toEqual([]);
  });
});

describe("persons", () => {
  it("are at least 16 at asOf and licensed between their 16th birthday and asOf", () => {
    for (const p of persons) {
      const birth = parseIsoDate(p.date_of_birth);
      expect(wholeYearsBetween(birth, asOf)).toBeGreaterThanOrEqual(16);
      const licensed = parseIsoDate(p.license_issue_date);
      expect(wholeYearsBetween(birth, licensed), p.person_id).toBeGreaterThanOrEqual(16);
      expect(p.license_issue_date <= c.asOf).toBe(true);
    }
  });

  it("have an adult age distribution with a median in the 40s", () => {
    const ages = profiles.map((p) => p.age).sort((a, b) => a - b);
    const median = ages[Math.floor(ages.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(38);
    expect(median).toBeLessThanOrEqual(52);
    expect(ages.at(-1)).toBeLessThanOrEqual(91);
  });

  it("have business fields exactly when commercial; households are commercial accounts at about the configured share", () => {
    for (const p of persons) expect(p.business_name === null && p.fleet_role === null).toBe(p.lob_type === "personal");
    const commercial = all.filter((b) => b.household.lob_type === "commercial").length / all.length;
    expect(commercial).toBeGreaterThan(0.12);
    expect(commercial).toBeLessThan(0.18);
  });
});

describe("profiles", () => {
  it("agree with the person and exactly the vehicles they own", () => {
    all.flatMap((b) => b.persons.map((person, m) => ({ person, owned: b.vehicles.filter((v) => v.person_id === person.person_id), profile: b.profiles[m]! }))).forEach(({ person, owned, profile }) => {
      expect(profile.person_id).toBe(person.person_id);
      expect(profile.household_role).toBe(person.household_role);
      expect(profile.vehicle_count).toBe(owned.length);
      expect(profile.vehicle_summary).toBe(owned.length ? owned.map((v) => `${v.model_year} ${v.make} ${v.model}`).join("; ") : null);
      expect(profile.primary_vehicle_id === null).toBe(owned.length === 0);
      expect(profile.full_name.startsWith(person.first_name)).toBe(true);
      expect(profile.full_name.endsWith(person.name_suffix ?? person.last_name)).toBe(true);
    });
  });
});
