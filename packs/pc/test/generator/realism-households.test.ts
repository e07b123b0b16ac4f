import { describe, expect, it } from "vitest";
import { wholeYearsBetweenIso } from "@sdh/rules";
import { households, persons, SNAPSHOT, vehicles } from "./realism-fixture.js";

const age = (dob: string) => wholeYearsBetweenIso(dob, SNAPSHOT.asOf);
const byHousehold = new Map<string, typeof persons>();
for (const p of persons) byHousehold.set(p.household_id, [...(byHousehold.get(p.household_id) ?? []), p]);
const personal = households.filter((h) => h.lob_type === "personal");

describe("households", () => {
  it("hold about 1.8 licensed drivers each, as the US does (FHWA ~235M licensed drivers / Census ~131M households)", () => {
    const drivers = personal.reduce((n, h) => n + h.member_count, 0) / personal.length;
    expect(drivers).toBeGreaterThan(1.6);
    expect(drivers).toBeLessThan(2.0);
  });

  it("have one head, listed first, and members who share its address, state and licence state", () => {
    for (const h of households) {
      const members = byHousehold.get(h.household_id)!;
      expect(members.length).toBe(h.member_count);
      expect(members.map((m) => m.household_role).filter((r) => r === "head")).toEqual(["head"]);
      expect(members[0]!.household_role).toBe("head");
      for (const m of members) {
        expect([m.street, m.address_line2, m.city, m.county, m.state, m.postal_code]).toEqual([h.street, h.address_line2, h.city, h.county, h.state, h.postal_code]);
        expect(m.license_state).toBe(members[0]!.license_state);
        expect(m.lob_type).toBe(h.lob_type);
      }
    }
  });

  it("pair a spouse or partner only with a married or partnered head, mostly of the other sex and a similar age", () => {
    const couples = persons.filter((p) => p.household_role === "spouse").map((spouse) => ({ spouse, head: byHousehold.get(spouse.household_id)![0]! }));
    expect(couples.length).toBeGreaterThan(personal.length * 0.3);
    for (const { spouse, head } of couples) {
      expect(["married", "domestic_partner"]).toContain(head.marital_status);
      expect(spouse.marital_status).toBe(head.marital_status);
      expect(Math.abs(age(spouse.date_of_birth) - age(head.date_of_birth))).toBeLessThanOrEqual(14);
    }
    const sameSex = couples.filter(({ spouse, head }) => spouse.gender !== "X" && spouse.gender === head.gender).length / couples.length;
    expect(sameSex).toBeLessThan(0.05); // Census ACS: about 1.5% of married couples are same-sex
    const sharedName = couples.filter(({ spouse, head }) => spouse.last_name === head.last_name).length / couples.length;
    expect(sharedName).toBeGreaterThan(0.6);
  });

  it("list children of driving age who are single, carry the family name and are young enough to be the head's", () => {
    const children = persons.filter((p) => p.household_role === "child");
    expect(children.length).toBeGreaterThan(personal.length * 0.1);
    for (const child of children) {
      const head = byHousehold.get(child.household_id)![0]!;
      expect(child.marital_status).toBe("single");
      expect(child.last_name).toBe(head.last_name);
      expect(age(child.date_of_birth)).toBeGreaterThanOrEqual(16);
      expect(age(head.date_of_birth) - age(child.date_of_birth)).toBeGreaterThanOrEqual(18);
    }
    // Teen drivers are what a family policy is rated for: some are 16 or 17.
    expect(children.some((c) => age(c.date_of_birth) < 18)).toBe(true);
  });

  it("keep each vehicle with a member of the household, a minor's owned outright; commercial accounts are one policyholder", () => {
    const members = new Map(persons.map((p) => [p.person_id, p]));
    for (const v of vehicles) {
      const owner = members.get(v.person_id)!;
      expect(owner.household_id).toBe(v.household_id);
      if (age(owner.date_of_birth) < 18) expect(v.ownership).toBe("owned");
    }
    for (const h of households.filter((x) => x.lob_type === "commercial")) expect(h.member_count).toBe(1);
    const perHousehold = new Map<string, number>();
    for (const v of vehicles) perHousehold.set(v.household_id, (perHousehold.get(v.household_id) ?? 0) + 1);
    for (const h of households) expect(perHousehold.get(h.household_id) ?? 0).toBe(h.vehicle_count);
  });
});
