import { US_STATE_CODES } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { ZIP_PLACE_BY_CODE, ZIP_PLACES } from "@sdh/rules";
import { STATES } from "../../src/generator/index.js";
import { persons, shareOf, vehicles } from "./realism-fixture.js";

describe("the shipped ZIP table", () => {
  it("holds residential ZIP codes of all 50 states and DC, each with a city, a county, residents and an area code", () => {
    expect(new Set(ZIP_PLACES.map((p) => p.state))).toEqual(new Set(US_STATE_CODES));
    expect(ZIP_PLACES.length).toBeGreaterThan(25_000);
    for (const p of ZIP_PLACES) {
      expect(p.zip).toMatch(/^\d{5}$/);
      expect(p.city.length * p.county.length * p.population * p.areaCodes.length).toBeGreaterThan(0);
      for (const code of p.areaCodes) expect(code).toMatch(/^[2-9]\d{2}$/);
    }
    // Spot checks against USPS: 10001 is New York, NY; 60601 Chicago, IL; 94103 San Francisco, CA.
    expect(ZIP_PLACE_BY_CODE.get("10001")).toMatchObject({ city: "New York", state: "NY" });
    expect(ZIP_PLACE_BY_CODE.get("60601")).toMatchObject({ city: "Chicago", state: "IL" });
    expect(ZIP_PLACE_BY_CODE.get("94103")).toMatchObject({ city: "San Francisco", state: "CA" });
    // A PO-box-only ZIP (00501, Holtsville NY, the IRS) is not residential.
    expect(ZIP_PLACE_BY_CODE.has("00501")).toBe(false);
  });
});

describe("persons live at real addresses", () => {
  it("in a residential ZIP code of their state, with that ZIP's USPS city and county, and an area code that serves it", () => {
    for (const p of persons) {
      const place = ZIP_PLACE_BY_CODE.get(p.postal_code);
      expect(place, p.postal_code).toBeDefined();
      expect([place!.state, place!.city, place!.county]).toEqual([p.state, p.city, p.county]);
      expect(place!.areaCodes).toContain(p.phone.slice(1, 4));
    }
  });

  it("in every state and DC, in proportion to population", () => {
    const total = STATES.reduce((sum, s) => sum + s.population, 0);
    for (const state of STATES) {
      const expected = state.population / total;
      const observed = shareOf(persons, (p) => p.state === state.code);
      expect(Math.abs(observed - expected), state.code).toBeLessThan(0.004 + expected * 0.1);
    }
  });

  it("in cities in proportion to their residents: New York City holds far more New Yorkers than Ithaca", () => {
    const inCity = (city: string) => persons.filter((p) => p.state === "NY" && p.city === city).length;
    expect(inCity("Ithaca")).toBeGreaterThan(0);
    expect(inCity("New York") + inCity("Brooklyn") + inCity("Bronx")).toBeGreaterThan(inCity("Ithaca") * 30);
  });

  it("on streets that look like streets, with units for a realistic share", () => {
    for (const p of persons) expect(p.street).toMatch(/^\d{1,5} [A-Z][A-Za-z'’ -]+ (St|Ave|Rd|Dr|Ln|Ct|Blvd|Way|Pl|Cir|Ter|Pkwy|Trl)$/);
    const units = shareOf(persons, (p) => p.address_line2 !== null);
    expect(units).toBeGreaterThan(0.1);
    expect(units).toBeLessThan(0.3);
  });

  it("register their vehicles in their state and garage them in a real ZIP of that state", () => {
    const owner = new Map(persons.map((p) => [p.person_id, p]));
    for (const v of vehicles) {
      expect(v.registration_state).toBe(owner.get(v.person_id)!.state);
      expect(ZIP_PLACE_BY_CODE.get(v.garaging_postal_code)?.state).toBe(v.registration_state);
    }
  });
});
