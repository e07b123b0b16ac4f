import { describe, expect, it } from "vitest";
import { epochDayOf, wholeYearsBetweenIso } from "@sdh/rules";
import { householdCrashExposure, riskRelativity, stateRateLevel, type RatedDriver } from "../../src/generator/index.js";
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
/** The ISO peril of a liability or physical damage claim; null for the insured's injuries, rentals and tows (no ISO row). */
const perilOf = (c: (typeof claims)[number]) =>
  c.loss_type === "bodily_injury" ? "bi" : c.loss_type === "property_damage" ? "pd" : c.loss_type === "collision" ? "coll" : c.loss_type === "comprehensive" ? "comp" : null;
const CRASH_TYPES = new Set(["bodily_injury", "property_damage", "insured_injury", "collision"]);
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
    // The vehicle's risk relativity, from its records alone, as the rating uses it: its factor × its
    // share of its policy's listed drivers' crash exposure.
    const listedOf = new Map<string, RatedDriver[]>();
    for (const d of drivers) {
      if (d.status !== "listed") continue;
      const person = personOf.get(d.person_id)!;
      const rated = { age: wholeYearsBetweenIso(person.date_of_birth, SNAPSHOT.asOf), yearsLicensed: wholeYearsBetweenIso(person.license_issue_date, SNAPSHOT.asOf), points: d.violation_points + d.accident_points };
      listedOf.set(d.policy_id, [...(listedOf.get(d.policy_id) ?? []), rated]);
    }
    const rated = policyVehicles.map((v) => {
      const policy = policyOf.get(v.policy_id)!;
      const vehicle = vehicleOf.get(v.vehicle_id)!;
      const share = policy.lob_type === "commercial" ? null : householdCrashExposure(listedOf.get(v.policy_id)!) / policy.vehicle_count;
      return { id: v.vehicle_id, relativity: riskRelativity({ vehicle, driver: share }), years: vehicleYears.get(v.vehicle_id)! };
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
    const crashes = claims.filter((c) => CRASH_TYPES.has(c.loss_type));
    expect(shareOf(crashes, (c) => c.loss_cause === "rear_end")).toBeGreaterThan(0.27);
    expect(shareOf(crashes, (c) => c.loss_cause === "rear_end")).toBeLessThan(0.38);
    for (const c of crashes) {
      const d = driverOf.get(c.driver_id!)!;
      expect(d.policy_id).toBe(c.policy_id);
      expect(d.status).toBe("listed");
      expect(d.added_date <= c.loss_date).toBe(true);
    }
    expect(claims.filter((c) => c.loss_type === "comprehensive" || c.loss_type === "towing").every((c) => c.driver_id === null && c.at_fault === null)).toBe(true);
  });

  it("come to teenagers more often than to adults, per listed driver of a personal policy (NHTSA, IIHS)", () => {
    const personal = new Set(policies.filter((p) => p.lob_type === "personal").map((p) => p.policy_id));
    const claimsOf = new Map<string, number>();
    for (const c of claims) if (c.driver_id !== null) claimsOf.set(c.driver_id, (claimsOf.get(c.driver_id) ?? 0) + 1);
    const perDriver = (lo: number, hi: number) => {
      const band = drivers.filter((d) => d.status === "listed" && personal.has(d.policy_id) && wholeYearsBetweenIso(personOf.get(d.person_id)!.date_of_birth, SNAPSHOT.asOf) >= lo && wholeYearsBetweenIso(personOf.get(d.person_id)!.date_of_birth, SNAPSHOT.asOf) <= hi);
      return band.reduce((n, d) => n + (claimsOf.get(d.driver_id) ?? 0), 0) / band.length;
    };
    expect(perDriver(16, 19) / perDriver(25, 64)).toBeGreaterThan(1.3);
    expect(perDriver(65, 120)).toBeLessThan(perDriver(25, 64));
  });

  it("follow the state's rate level as premiums do: a dear state's drivers claim more often, at the same loss ratio", () => {
    // Personal policies by their state's level: the dearest third of car years against the cheapest third.
    const personal = policies.filter((p) => p.lob_type === "personal").sort((a, b) => stateRateLevel(a.state) - stateRateLevel(b.state));
    const years = (p: (typeof policies)[number]) => exposureOf(p) * p.vehicle_count;
    const total = personal.reduce((n, p) => n + years(p), 0);
    const thirds: Array<typeof personal> = [[], [], []];
    let seen = 0;
    for (const p of personal) {
      thirds[Math.min(2, Math.floor((3 * seen) / total))]!.push(p);
      seen += years(p);
    }
    const [cheap, , dear] = thirds as [typeof personal, typeof personal, typeof personal];
    const claimCount = new Map<string, number>();
    const incurred = new Map<string, number>();
    for (const c of claims) {
      claimCount.set(c.policy_id, (claimCount.get(c.policy_id) ?? 0) + 1);
      incurred.set(c.policy_id, (incurred.get(c.policy_id) ?? 0) + c.paid_amount + c.reserve_amount);
    }
    const sum = (ps: typeof personal, f: (p: (typeof policies)[number]) => number) => ps.reduce((n, p) => n + f(p), 0);
    const frequency = (ps: typeof personal) => sum(ps, (p) => claimCount.get(p.policy_id) ?? 0) / sum(ps, years);
    const level = (ps: typeof personal) => sum(ps, (p) => stateRateLevel(p.state) * years(p)) / sum(ps, years);
    expect(level(dear) / level(cheap)).toBeGreaterThan(1.3);
    const ratio = frequency(dear) / frequency(cheap) / (level(dear) / level(cheap));
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.15);
    // Premium and losses move together, so the loss ratio (incurred over written, both per car year) is alike.
    const lossRatio = (ps: typeof personal) => sum(ps, (p) => incurred.get(p.policy_id) ?? 0) / sum(ps, (p) => (p.written_premium * exposureOf(p) * 12) / p.term_months);
    expect(lossRatio(dear) / lossRatio(cheap)).toBeGreaterThan(0.75);
    expect(lossRatio(dear) / lossRatio(cheap)).toBeLessThan(1.33);
  });

  it("include the insured's own losses: UM at about 15% of BI, PIP where the policy has it, rentals after repairs, small tows", () => {
    const count = (code: string) => claims.filter((c) => c.coverage_code === code).length;
    expect(count("UM") / count("BI")).toBeGreaterThan(0.1);
    expect(count("UM") / count("BI")).toBeLessThan(0.25);
    for (const code of ["PIP", "MEDPAY", "RENTAL", "TOWING"]) expect(count(code), code).toBeGreaterThan(20);
    // A UM claim: an uninsured driver caused it. PIP and MedPay: the insured's occupants, fault either way.
    expect(claims.filter((c) => c.coverage_code === "UM").every((c) => c.at_fault === false && c.loss_type === "insured_injury")).toBe(true);
    // A rental follows a paid collision or comprehensive loss of the same vehicle on the same day, within its limits.
    const physical = new Set(claims.filter((c) => (c.loss_type === "collision" || c.loss_type === "comprehensive") && c.paid_amount + c.reserve_amount > 0).map((c) => `${c.vehicle_id} ${c.loss_date} ${c.loss_cause}`));
    for (const c of claims.filter((x) => x.coverage_code === "RENTAL")) {
      expect(physical.has(`${c.vehicle_id} ${c.loss_date} ${c.loss_cause}`)).toBe(true);
      expect(c.paid_amount + c.reserve_amount).toBeLessThanOrEqual(coverageOf.get(c.coverage_id)!.limit_per_accident!);
    }
    const tows = claims.filter((c) => c.coverage_code === "TOWING");
    expect(tows.every((c) => c.loss_cause === "disablement" && c.paid_amount + c.reserve_amount <= coverageOf.get(c.coverage_id)!.limit_per_accident!)).toBe(true);
    expect(mean(tows.map((c) => c.paid_amount + c.reserve_amount))).toBeLessThan(200);
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
