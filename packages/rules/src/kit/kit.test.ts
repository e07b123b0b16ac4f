import { describe, expect, it } from "vitest";
import { wholeYearsBetweenIso } from "../dates.js";
import { firstNamesFor, SURNAMES } from "../reference/names.js";
import { ZIP_PLACE_BY_CODE } from "../reference/places.js";
import { createRecordStreams } from "../random.js";
import { adultPerson } from "./adult-person.js";
import { fictionalPhone, reservedEmail, residentialPlace, streetLine, unitLine } from "./us-address.js";

// The kit every pack and the recipe engine build people and places from (issue 34): one rule each,
// coherent within a record, unreachable contacts, and the same values for the same stream.
const streams = createRecordStreams(7, "kit-test");

describe("the kit: a person and a US address", () => {
  it("draws a real residential ZIP code, in the state asked for, with its city and area codes", () => {
    for (let i = 0; i < 300; i++) {
      const r = streams.at(i);
      const anywhere = residentialPlace(r);
      expect(ZIP_PLACE_BY_CODE.get(anywhere.zip)).toBe(anywhere);
      const texan = residentialPlace(r, "TX");
      expect([texan.state, ZIP_PLACE_BY_CODE.get(texan.zip)?.city]).toEqual(["TX", texan.city]);
      expect(texan.areaCodes).toContain(fictionalPhone(r, texan).slice(1, 4));
    }
    expect(() => residentialPlace(streams.at(0), "XX")).toThrow(/no residential ZIP codes for state 'XX'/);
  });

  it("writes streets, units, phones and emails in their shapes, and nothing a real person owns", () => {
    const r = streams.at(1);
    let units = 0;
    for (let i = 0; i < 2_000; i++) {
      expect(streetLine(r)).toMatch(/^\d{1,5} [A-Za-z][A-Za-z' .-]* [A-Z][a-z]+$/);
      const unit = unitLine(r, 0.2);
      if (unit !== null) {
        units++;
        expect(unit).toMatch(/^\S+ \d{1,3}[A-D]?$/);
      }
      expect(fictionalPhone(r, { areaCodes: ["212"] })).toMatch(/^\(212\) 555-01\d{2}$/);
    }
    expect(units / 2_000).toBeGreaterThan(0.17);
    expect(units / 2_000).toBeLessThan(0.23);
    expect(reservedEmail(r, "maria", "garcia", 41)).toMatch(/^maria\.garcia41@example\.(com|net|org)$/);
  });

  it("makes an adult of the ages asked, with a first name of their sex and decade and a listed surname", () => {
    for (let i = 0; i < 500; i++) {
      const r = streams.at(1_000 + i);
      const p = adultPerson(r, { asOf: "2026-01-06", minAge: 21, maxAge: 70 });
      const age = wholeYearsBetweenIso(p.birthDate, "2026-01-06");
      expect(age).toBeGreaterThanOrEqual(21);
      expect(age).toBeLessThanOrEqual(70);
      expect(firstNamesFor(p.sex, p.birth.year).items).toContain(p.first_name);
      expect(SURNAMES.items.includes(p.last_name) || SURNAMES.accented.includes(p.last_name)).toBe(true);
      expect(`${p.firstEmail}${p.lastEmail}`).toMatch(/^[a-z]+$/);
    }
    const twice = [0, 1].map(() => adultPerson(streams.at(3), { asOf: "2026-01-06", minAge: 18, maxAge: 85, sex: "F" }));
    expect(twice[0]).toEqual(twice[1]);
    expect(twice[0]!.sex).toBe("F");
  });
});
