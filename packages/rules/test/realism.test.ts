import { Person, Profile, Vehicle } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import {
  STATES_BY_CODE,
  VEHICLE_CATALOG,
  parseIsoDate,
  postalCodeBelongsTo,
  templateRegex,
  wholeYearsBetween,
  yearsForCode,
} from "../src/index.js";
import { bundles, config } from "./fixtures.js";

/** An independent VIN check: position values via the classic "0-9, A-H, J-N, P, R-Z" table. */
function independentCheckDigit(vin: string): string {
  const values = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const position = values.indexOf(ch);
    const value = position < 10 ? position : position % 10;
    sum += value * weights[i]!;
  }
  return "0123456789X"[sum % 11]!;
}

const c = config({ records: 5_000 });
const all = bundles(c);
const persons = all.map((b) => b.person);
const vehicles = all.flatMap((b) => b.vehicles);
const profiles = all.map((b) => b.profile);
const asOf = parseIsoDate(c.asOf);

describe("every record parses with its schema", () => {
  it.each([
    ["persons", Person, persons],
    ["vehicles", Vehicle, vehicles],
    ["profiles", Profile, profiles],
  ] as const)("%s", (_, schema, records) => {
    const failures = records.map((r) => schema.safeParse(r)).filter((r) => !r.success);
    expect(failures.slice(0, 3).map((f) => f.error?.issues)).toEqual([]);
  });
});

describe("VINs", () => {
  it("have a check digit that an independent computation agrees with", () => {
    const wrong = vehicles.filter((v) => independentCheckDigit(v.vin) !== v.vin[8]);
    expect(wrong.map((v) => v.vin)).toEqual([]);
  });

  it("carry the model-year code of their model year and a prefix of their make", () => {
    for (const v of vehicles) {
      expect(yearsForCode(v.vin[9]!)).toContain(v.model_year);
      const entry = VEHICLE_CATALOG.find((e) => e.make === v.make && e.model === v.model);
      expect(entry?.wmi, `${v.make} ${v.model}`).toContain(v.vin.slice(0, 3));
    }
  });

  it("are unique", () => {
    expect(new Set(vehicles.map((v) => v.vin)).size).toBe(vehicles.length);
  });
});

describe("vehicles", () => {
  it("belong to an existing person and exist as make/model/body/year", () => {
    const ids = new Set(persons.map((p) => p.person_id));
    for (const v of vehicles) {
      expect(ids.has(v.person_id)).toBe(true);
      const entry = VEHICLE_CATALOG.find((e) => e.make === v.make && e.model === v.model && e.body === v.body_type);
      expect(entry, `${v.make} ${v.model} ${v.body_type}`).toBeDefined();
      expect(v.model_year).toBeGreaterThanOrEqual(entry!.firstYear);
      expect(v.model_year).toBeLessThanOrEqual(Math.min(entry!.lastYear ?? 9999, asOf.year + 1));
    }
  });

  it("have a weight class exactly when they are commercial, and match their owner's line", () => {
    const owner = new Map(persons.map((p) => [p.person_id, p]));
    for (const v of vehicles) {
      expect(v.lob_type).toBe(owner.get(v.person_id)?.lob_type);
      expect(v.gvwr_class === null).toBe(v.lob_type === "personal");
    }
  });

  it("carry plates in the registration state's format, unique per state", () => {
    for (const v of vehicles) expect(v.plate).toMatch(templateRegex(STATES_BY_CODE.get(v.registration_state)!.plateTemplate));
    expect(new Set(vehicles.map((v) => `${v.registration_state}/${v.plate}`)).size).toBe(vehicles.length);
  });

  it("are mostly 1-2 per personal-lines person, fleets for commercial", () => {
    const share = (lob: string, test: (n: number) => boolean) => {
      const group = profiles.filter((p) => p.lob_type === lob);
      return group.filter((p) => test(p.vehicle_count)).length / group.length;
    };
    expect(share("personal", (n) => n === 1 || n === 2)).toBeGreaterThan(0.7);
    expect(share("commercial", (n) => n >= 1)).toBe(1);
    expect(share("commercial", (n) => n >= 3)).toBeGreaterThan(0.4);
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

  it("live at a postal code of their state and hold a licence in its state's format, unique", () => {
    for (const p of persons) {
      expect(postalCodeBelongsTo(p.postal_code, p.state), `${p.postal_code} in ${p.state}`).toBe(true);
      expect(p.license_number).toMatch(templateRegex(STATES_BY_CODE.get(p.license_state)!.licenseTemplate));
    }
    expect(new Set(persons.map((p) => `${p.license_state}/${p.license_number}`)).size).toBe(persons.length);
  });

  it("can only be reached at reserved email domains and fictional phone numbers", () => {
    for (const p of persons) {
      expect(p.email).toMatch(/^[a-z]+\.[a-z]+\d{0,2}@example\.(com|net|org)$/);
      expect(p.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
    }
  });

  it("have business fields exactly when commercial, at about the configured share", () => {
    for (const p of persons) expect(p.business_name === null && p.fleet_role === null).toBe(p.lob_type === "personal");
    const commercial = persons.filter((p) => p.lob_type === "commercial").length / persons.length;
    expect(commercial).toBeGreaterThan(0.12);
    expect(commercial).toBeLessThan(0.18);
  });
});

describe("profiles", () => {
  it("agree with the person and exactly their vehicles", () => {
    all.forEach(({ person, vehicles: owned, profile }) => {
      expect(profile.person_id).toBe(person.person_id);
      expect(profile.vehicle_count).toBe(owned.length);
      expect(profile.vehicle_summary).toBe(owned.length ? owned.map((v) => `${v.model_year} ${v.make} ${v.model}`).join("; ") : null);
      expect(profile.primary_vehicle_id === null).toBe(owned.length === 0);
      expect(profile.full_name.startsWith(person.first_name)).toBe(true);
    });
  });
});
