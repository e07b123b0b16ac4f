import { describe, expect, it } from "vitest";
import { epochDayOf } from "@sdh/rules";
import { FEDERAL_INTERSTATE_MINIMUM, stateMinimumOn } from "../../src/generator/index.js";
import { coverages, policies, policyVehicles, shareOf, vehicles } from "./realism-fixture.js";

// Coverages a P&C QA lead would accept: every policy at or above its state's statutory minimums on its
// effective date, PIP exactly where the state's law has it, physical damage wherever a lender or lessor
// holds the title, and limits and take-up that look like a personal auto book.

const policyOf = new Map(policies.map((p) => [p.policy_id, p]));
const vehicleOf = new Map(vehicles.map((v) => [v.vehicle_id, v]));
const placeOf = new Map(policyVehicles.map((v) => [v.policy_vehicle_id, v]));
const lineOf = new Map<string, Map<string, (typeof coverages)[number]>>();
for (const c of coverages) {
  if (c.policy_vehicle_id !== null) continue;
  const codes = lineOf.get(c.policy_id) ?? new Map();
  codes.set(c.coverage_code, c);
  lineOf.set(c.policy_id, codes);
}
const minimumOf = (p: (typeof policies)[number]) => stateMinimumOn(p.state, epochDayOf(p.effective_date));
const personal = policies.filter((p) => p.lob_type === "personal");

describe("coverages", () => {
  it("meet the policy state's statutory minimums on its effective date", () => {
    for (const p of policies) {
      const min = minimumOf(p);
      const line = lineOf.get(p.policy_id)!;
      if (p.lob_type === "commercial") {
        expect(line.get("CSL")!.limit_per_accident!).toBeGreaterThanOrEqual(min.biPerAccident + min.pd);
      } else {
        expect(line.get("PD")!.limit_per_accident!).toBeGreaterThanOrEqual(min.pd);
        const bi = line.get("BI");
        if (min.biPerPerson > 0) expect(bi!.limit_per_person!).toBeGreaterThanOrEqual(min.biPerPerson);
        if (bi) expect(bi.limit_per_accident!).toBeGreaterThanOrEqual(Math.max(min.biPerAccident, bi.limit_per_person!));
      }
      if (min.umPerPerson > 0 && (p.lob_type === "commercial" || line.has("BI"))) expect(line.has("UM")).toBe(true);
      if (min.medpay > 0) expect(line.get("MEDPAY")!.limit_per_person!).toBeGreaterThanOrEqual(min.medpay);
      expect(line.has("PIP")).toBe(min.pip === "required" ? true : min.pip === "offered" ? line.has("PIP") : false);
    }
  });

  it("follow a change of the law from the renewals after it: North Carolina's 50/100/50 of 2025-07-01", () => {
    const nc = personal.filter((p) => p.state === "NC");
    const before = nc.filter((p) => p.effective_date < "2025-07-01");
    const after = nc.filter((p) => p.effective_date >= "2025-07-01");
    expect(before.length).toBeGreaterThan(20);
    expect(after.length).toBeGreaterThan(20);
    expect(before.some((p) => lineOf.get(p.policy_id)!.get("BI")!.limit_per_person === 30_000)).toBe(true);
    for (const p of after) expect(lineOf.get(p.policy_id)!.get("BI")!.limit_per_person!).toBeGreaterThanOrEqual(50_000);
  });

  it("buy the state minimum about one time in five, 100/300 most often", () => {
    const bi = personal.map((p) => lineOf.get(p.policy_id)!.get("BI")).filter((c) => c !== undefined);
    const atMinimum = shareOf(personal, (p) => { const c = lineOf.get(p.policy_id)!.get("BI"); return c === undefined || c.limit_per_person === minimumOf(p).biPerPerson; });
    expect(atMinimum).toBeGreaterThan(0.18);
    expect(atMinimum).toBeLessThan(0.3);
    expect(shareOf(bi, (c) => c.limit_per_person === 100_000)).toBeGreaterThan(0.3);
  });

  it("insure interstate trucks for at least the federal $750,000", () => {
    const interstate = policyVehicles.filter((v) => vehicleOf.get(v.vehicle_id)!.plate_type === "apportioned");
    expect(interstate.length).toBeGreaterThan(10);
    for (const v of interstate) expect(lineOf.get(v.policy_id)!.get("CSL")!.limit_per_accident!).toBeGreaterThanOrEqual(FEDERAL_INTERSTATE_MINIMUM);
  });

  it("put comprehensive and collision on every financed or leased vehicle, and on most others", () => {
    const own = new Map<string, Set<string>>();
    for (const c of coverages) if (c.policy_vehicle_id !== null) own.set(c.policy_vehicle_id, new Set([...(own.get(c.policy_vehicle_id) ?? []), c.coverage_code]));
    for (const place of policyVehicles) {
      const codes = own.get(place.policy_vehicle_id) ?? new Set();
      if (vehicleOf.get(place.vehicle_id)!.ownership !== "owned") expect([codes.has("COMP"), codes.has("COLL")]).toEqual([true, true]);
      if (codes.has("RENTAL")) expect(codes.has("COLL")).toBe(true);
      if (codes.has("TOWING")) expect(codes.has("COMP")).toBe(true);
    }
    const personalPlaces = policyVehicles.filter((v) => policyOf.get(v.policy_id)!.lob_type === "personal");
    const comp = shareOf(personalPlaces, (v) => own.get(v.policy_vehicle_id)?.has("COMP") === true);
    expect(comp).toBeGreaterThan(0.6);
    expect(comp).toBeLessThan(0.9);
    for (const c of coverages) if (c.policy_vehicle_id !== null) expect(placeOf.get(c.policy_vehicle_id)!.policy_id).toBe(c.policy_id);
  });

  it("cost more for higher limits and lower deductibles", () => {
    const annual = (c: (typeof coverages)[number]) => (c.premium * 12) / policyOf.get(c.policy_id)!.term_months / policyOf.get(c.policy_id)!.vehicle_count;
    const mean = (cs: typeof coverages) => cs.reduce((s, c) => s + annual(c), 0) / cs.length;
    const bi = coverages.filter((c) => c.coverage_code === "BI");
    expect(mean(bi.filter((c) => c.limit_per_person === 100_000))).toBeGreaterThan(mean(bi.filter((c) => c.limit_per_person === 25_000)));
    const coll = coverages.filter((c) => c.coverage_code === "COLL" && policyOf.get(c.policy_id)!.lob_type === "personal");
    expect(mean(coll.filter((c) => c.deductible === 250))).toBeGreaterThan(mean(coll.filter((c) => c.deductible === 1_000)));
  });
});
