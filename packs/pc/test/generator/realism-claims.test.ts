import { describe, expect, it } from "vitest";
import { epochDayOf, wholeYearsBetweenIso } from "@sdh/rules";
import { riskRelativity } from "../../src/generator/index.js";
import { claims, coverages, drivers, persons, policies, policyVehicles, profiles, SNAPSHOT, shareOf, vehicles } from "./realism-fixture.js";

// Claims a P&C QA lead would accept: each inside its policy's term and not after asOf, as often and as
// costly as ISO's countrywide experience, more often for riskier vehicles and drivers, dearer on newer
// vehicles, and handled (reported, reserved, paid, closed) in a believable order.

// ISO's 2023 private passenger figures, as the Insurance Information Institute publishes them ("Private
// Passenger Auto Insurance Losses, 2014-2023"): claims per 100 car years and the average paid claim.
// Typed here from the source, not read from the generator's table, so the two check each other.
const ISO_2023 = { bi: { frequency: 0.77, severity: 26_501 }, pd: { frequency: 2.58, severity: 6_551 }, coll: { frequency: 4.54, severity: 5_470 }, comp: { frequency: 4.06, severity: 2_306 } };

const asOfDay = epochDayOf(SNAPSHOT.asOf);
const policyOf = new Map(policies.map((p) => [p.policy_id, p]));
const vehicleOf = new Map(vehicles.map((v) => [v.vehicle_id, v]));
const driverOf = new Map(drivers.map((d) => [d.driver_id, d]));
const personOf = new Map(persons.map((p) => [p.person_id, p]));
const coverageOf = new Map(coverages.map((c) => [c.coverage_id, c]));
const placeOf = new Map(policyVehicles.map((v) => [v.policy_vehicle_id, v]));

/** Years of cover each policy's term gave up to asOf (car years per vehicle on it). */
const exposureOf = (p: (typeof policies)[number]) => Math.max(0, Math.min(epochDayOf(p.cancellation_date ?? p.expiration_date) - 1, asOfDay) - epochDayOf(p.effective_date) + 1) / 365;
/** Car years of each vehicle, under its own coverages (COLL, COMP) and under every policy's liability. */
const carYears = { liability: 0, coll: 0, comp: 0 };
const vehicleYears = new Map<string, number>();
for (const v of policyVehicles) {
  const years = exposureOf(policyOf.get(v.policy_id)!);
  carYears.liability += years;
  vehicleYears.set(v.vehicle_id, years);
}
for (const c of coverages) {
  if (c.coverage_code !== "COLL" && c.coverage_code !== "COMP") continue;
  carYears[c.coverage_code === "COLL" ? "coll" : "comp"] += vehicleYears.get(placeOf.get(c.policy_vehicle_id!)!.vehicle_id)!;
}
const perilOf = (c: (typeof claims)[number]) => (c.loss_type === "bodily_injury" ? "bi" : c.loss_type === "property_damage" ? "pd" : c.loss_type === "collision" ? "coll" : "comp");
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("claims", () => {
  it("happen inside their policy's term, not after asOf, and are reported, then closed, in order", () => {
    expect(claims.length).toBeGreaterThan(3_000);
    for (const c of claims) {
      const p = policyOf.get(c.policy_id)!;
      const loss = epochDayOf(c.loss_date);
      expect(loss).toBeGreaterThanOrEqual(epochDayOf(p.effective_date));
      expect(loss).toBeLessThan(epochDayOf(p.cancellation_date ?? p.expiration_date));
      expect(loss).toBeLessThanOrEqual(asOfDay);
      expect(c.reported_date >= c.loss_date && c.reported_date <= SNAPSHOT.asOf).toBe(true);
      expect(c.status === "open").toBe(c.closed_date === null);
      if (c.closed_date !== null) expect(c.closed_date >= c.reported_date && c.closed_date <= SNAPSHOT.asOf).toBe(true);
    }
  });

  it("are as frequent as ISO's countrywide experience, peril by peril", () => {
    const count = (peril: string) => claims.filter((c) => perilOf(c) === peril).length;
    const per100 = { bi: (100 * count("bi")) / carYears.liability, pd: (100 * count("pd")) / carYears.liability, coll: (100 * count("coll")) / carYears.coll, comp: (100 * count("comp")) / carYears.comp };
    for (const peril of ["bi", "pd", "coll", "comp"] as const) {
      expect(per100[peril], peril).toBeGreaterThan(ISO_2023[peril].frequency * 0.85);
      expect(per100[peril], peril).toBeLessThan(ISO_2023[peril].frequency * 1.15);
    }
  });

  it("cost what ISO's paid claims average, within the limits bought", () => {
    const paid = (peril: string) => claims.filter((c) => perilOf(c) === peril && c.status === "closed").map((c) => c.paid_amount);
    for (const peril of ["pd", "coll", "comp"] as const) {
      expect(mean(paid(peril)), peril).toBeGreaterThan(ISO_2023[peril].severity * 0.8);
      expect(mean(paid(peril)), peril).toBeLessThan(ISO_2023[peril].severity * 1.2);
    }
    // Injuries spread widest and are cut at the per-person limit (a fifth of the book buys the state minimum).
    expect(mean(paid("bi"))).toBeGreaterThan(ISO_2023.bi.severity * 0.55);
    expect(mean(paid("bi"))).toBeLessThan(ISO_2023.bi.severity);
    for (const c of claims) {
      const coverage = coverageOf.get(c.coverage_id)!;
      const limit = c.loss_type === "bodily_injury" ? (coverage.limit_per_person ?? coverage.limit_per_accident) : coverage.limit_per_accident;
      if (limit !== null) expect(c.paid_amount + c.reserve_amount).toBeLessThanOrEqual(limit);
    }
  });

  it("come more often to riskier vehicles and drivers, and cost more on newer vehicles", () => {
    // The vehicle's risk relativity, from its records alone, as the rating uses it.
    const rated = policyVehicles.map((v) => {
      const driver = v.principal_driver_id === null ? null : driverOf.get(v.principal_driver_id)!;
      const person = driver && personOf.get(driver.person_id)!;
      const vehicle = vehicleOf.get(v.vehicle_id)!;
      const relativity = riskRelativity({ vehicle, driver: person ? { age: wholeYearsBetweenIso(person.date_of_birth, SNAPSHOT.asOf), yearsLicensed: wholeYearsBetweenIso(person.license_issue_date, SNAPSHOT.asOf), points: driver!.violation_points + driver!.accident_points } : null });
      return { id: v.vehicle_id, relativity, years: vehicleYears.get(v.vehicle_id)! };
    });
    rated.sort((a, b) => a.relativity - b.relativity);
    const claimsOf = new Map<string, number>();
    for (const c of claims) claimsOf.set(c.vehicle_id, (claimsOf.get(c.vehicle_id) ?? 0) + 1);
    const frequency = (group: typeof rated) => group.reduce((n, v) => n + (claimsOf.get(v.id) ?? 0), 0) / group.reduce((y, v) => y + v.years, 0);
    const quarter = Math.floor(rated.length / 4);
    expect(frequency(rated.slice(-quarter)) / frequency(rated.slice(0, quarter))).toBeGreaterThan(1.5);

    const collision = claims.filter((c) => c.loss_type === "collision" && c.status === "closed");
    const ageOf = (c: (typeof claims)[number]) => Number(SNAPSHOT.asOf.slice(0, 4)) - vehicleOf.get(c.vehicle_id)!.model_year;
    expect(mean(collision.filter((c) => ageOf(c) <= 3).map((c) => c.paid_amount))).toBeGreaterThan(1.5 * mean(collision.filter((c) => ageOf(c) >= 12).map((c) => c.paid_amount)));
  });

  it("happen the way crashes happen (NHTSA), and name a driver for every crash", () => {
    const crashes = claims.filter((c) => c.loss_type !== "comprehensive");
    expect(shareOf(crashes, (c) => c.loss_cause === "rear_end")).toBeGreaterThan(0.27);
    expect(shareOf(crashes, (c) => c.loss_cause === "rear_end")).toBeLessThan(0.38);
    for (const c of crashes) {
      const d = driverOf.get(c.driver_id!)!;
      expect(d.policy_id).toBe(c.policy_id);
      expect(d.status).toBe("listed");
      expect(d.added_date <= c.loss_date).toBe(true);
    }
    expect(claims.filter((c) => c.loss_type === "comprehensive").every((c) => c.driver_id === null && c.at_fault === null)).toBe(true);
  });

  it("are handled as claims are: most closed by asOf, a reserve on every open one, some below the deductible", () => {
    expect(shareOf(claims, (c) => c.status === "closed")).toBeGreaterThan(0.6);
    expect(shareOf(claims, (c) => c.status === "open")).toBeGreaterThan(0.1);
    expect(claims.filter((c) => c.status === "open").every((c) => c.reserve_amount > 0)).toBe(true);
    const physical = claims.filter((c) => c.loss_type === "collision" || c.loss_type === "comprehensive");
    expect(shareOf(physical, (c) => c.status === "closed_without_payment")).toBeGreaterThan(0.03);
    expect(shareOf(physical, (c) => c.status === "closed_without_payment")).toBeLessThan(0.25);
  });

  it("are counted on their drivers' profiles, with the policies each person is on", () => {
    const policiesOf = new Map<string, number>();
    const claimsOf = new Map<string, number>();
    for (const d of drivers) policiesOf.set(d.person_id, (policiesOf.get(d.person_id) ?? 0) + 1);
    for (const c of claims) if (c.driver_id !== null) claimsOf.set(driverOf.get(c.driver_id)!.person_id, (claimsOf.get(driverOf.get(c.driver_id)!.person_id) ?? 0) + 1);
    for (const p of profiles) {
      expect(p.policy_count).toBe(policiesOf.get(p.person_id) ?? 0);
      expect(p.claims_count).toBe(claimsOf.get(p.person_id) ?? 0);
    }
    expect(shareOf(profiles, (p) => p.claims_count > 0)).toBeGreaterThan(0.01);
  });
});
