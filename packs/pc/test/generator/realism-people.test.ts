import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseIsoDate, templateRegex, wholeYearsBetween } from "@sdh/rules";
import { STATES_BY_CODE, soundex } from "../../src/generator/index.js";
import { asOf, SNAPSHOT, persons, shareOf } from "./realism-fixture.js";

// NTSI's table of US licence formats, as usdl-regex encodes it: an independent reference for every state.
const usdl = createRequire(import.meta.url)("usdl-regex") as { isValid(state: string, number: string): boolean };
const ageOf = (p: { date_of_birth: string }) => wholeYearsBetween(parseIsoDate(p.date_of_birth), asOf);
const baseSurname = (last: string) => last.split("-")[0]!.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

describe("names", () => {
  it("follow Census 2010 surname frequencies: Smith about 0.83% of people; Williams, Garcia, Nguyen and Patel present", () => {
    // Census 2010: Smith 828 per 100,000 people; our table holds the 15,000 most frequent names (80.6%
    // of people), so the share within it is 828 / 80,600.
    const smith = shareOf(persons, (p) => baseSurname(p.last_name) === "Smith");
    expect(smith).toBeGreaterThan(0.0085);
    expect(smith).toBeLessThan(0.0121);
    for (const name of ["Williams", "Garcia", "Nguyen", "Patel", "Johnson", "O'Brien", "McDonald"]) {
      expect(persons.some((p) => baseSurname(p.last_name) === name), name).toBe(true);
    }
    // faker's placeholder surnames are gone.
    for (const name of ["Hilll", "Kshlerin", "Schowalter"]) expect(persons.some((p) => p.last_name === name), name).toBe(false);
  });

  it("give first names by birth decade (SSA): Mary and Linda among women born in the 1950s, Emily and Madison among those born in the 2000s", () => {
    const women = (from: number, to: number) => persons.filter((p) => p.gender === "F" && Number(p.date_of_birth.slice(0, 4)) >= from && Number(p.date_of_birth.slice(0, 4)) <= to);
    const fifties = women(1950, 1959);
    const noughties = women(2000, 2009);
    const share = (group: typeof persons, names: string[]) => shareOf(group, (p) => names.includes(p.first_name));
    expect(share(fifties, ["Mary", "Linda"])).toBeGreaterThan(0.04);
    expect(share(noughties, ["Mary", "Linda"])).toBeLessThan(0.01);
    expect(share(noughties, ["Emily", "Madison"])).toBeGreaterThan(0.02);
    expect(share(fifties, ["Emily", "Madison"])).toBeLessThan(0.005);
  });

  it("carry suffixes, hyphens and accents in realistic shares", () => {
    const men = persons.filter((p) => p.gender === "M");
    expect(shareOf(men, (p) => p.name_suffix !== null)).toBeGreaterThan(0.025);
    expect(shareOf(men, (p) => p.name_suffix !== null)).toBeLessThan(0.07);
    expect(persons.filter((p) => p.gender !== "M" && p.name_suffix !== null)).toEqual([]);
    expect(shareOf(persons, (p) => p.last_name.includes("-"))).toBeGreaterThan(0.002);
    expect(persons.some((p) => /[áéíóúñÁ]/.test(p.last_name))).toBe(true);
  });
});

describe("contacts", () => {
  it("emails are unique within the snapshot, on reserved domains; phones fictional", () => {
    expect(new Set(persons.map((p) => p.email)).size).toBe(persons.length);
    for (const p of persons) {
      expect(p.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.(com|net|org)$/);
      expect(p.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
    }
  });

  it("emails spell the person's own first and last name in ASCII letters (García garcia, O'Brien-Smith obriensmith)", () => {
    const letters = (name: string) => name.normalize("NFD").toLowerCase().replace(/[^a-z]/g, "");
    for (const p of persons) expect(p.email.replace(/\d+@.*$/, "")).toBe(`${letters(p.first_name)}.${letters(p.last_name)}`);
    expect(persons.some((p) => /[áéíóúñ]/.test(p.last_name) && p.last_name.includes("-"))).toBe(true);
  });
});

describe("coherence", () => {
  it("nobody under 18 is married, divorced or widowed", () => {
    const minors = persons.filter((p) => ageOf(p) < 18);
    expect(minors.length).toBeGreaterThan(100);
    expect(minors.filter((p) => p.marital_status !== "single")).toEqual([]);
  });

  it("licences are issued between the 16th birthday and asOf, without a pile-up on asOf", () => {
    for (const p of persons) {
      const birth = parseIsoDate(p.date_of_birth);
      expect(wholeYearsBetween(birth, parseIsoDate(p.license_issue_date))).toBeGreaterThanOrEqual(16);
      expect(p.license_issue_date <= SNAPSHOT.asOf).toBe(true);
    }
    expect(shareOf(persons, (p) => p.license_issue_date === SNAPSHOT.asOf)).toBeLessThan(0.001);
  });
});

describe("licence numbers", () => {
  it("match the issuing state's format in NTSI's table (usdl-regex) and our own template", () => {
    for (const p of persons) {
      expect(usdl.isValid(p.license_state, p.license_number), `${p.license_state} ${p.license_number}`).toBe(true);
      expect(p.license_number).toMatch(templateRegex(STATES_BY_CODE.get(p.license_state)!.licenseTemplate));
    }
  });

  it("start with the surname's Soundex code in FL, IL, WI, MD, MI and MN, and carry birth date and sex in FL, IL and WI", () => {
    const derived = persons.filter((p) => ["FL", "IL", "WI", "MD", "MI", "MN"].includes(p.license_state));
    expect(derived.length).toBeGreaterThan(5_000);
    for (const p of derived) {
      expect(p.license_number.slice(0, 4), `${p.last_name} ${p.license_number}`).toBe(soundex(p.last_name));
      const birth = parseIsoDate(p.date_of_birth);
      const female = p.gender === "F";
      const n = p.license_number;
      if (p.license_state === "FL" || p.license_state === "WI") {
        expect(Number(n.slice(7, 9))).toBe(birth.year % 100);
        const day = Number(n.slice(9, 12)) - (female ? 500 : 0);
        expect([Math.floor((day - 1) / 40) + 1, ((day - 1) % 40) + 1]).toEqual([birth.month, birth.day]);
      }
      if (p.license_state === "IL") {
        expect(Number(n.slice(7, 9))).toBe(birth.year % 100);
        expect(Number(n.slice(9, 12)) - (female ? 600 : 0)).toBe((birth.month - 1) * 31 + birth.day);
      }
    }
  });

  it("are unique within each state except where a derived number's overflow digit coincides (rare)", () => {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const p of persons) {
      const key = `${p.license_state}/${p.license_number}`;
      if (seen.has(key)) {
        duplicates++;
        expect(["FL", "IL", "WI"]).toContain(p.license_state);
      }
      seen.add(key);
    }
    expect(duplicates).toBeLessThanOrEqual(2);
  });
});
