import { describe, expect, it } from "vitest";
import { ARCHETYPE_BY_NAICS } from "../../src/generator/index.js";
import { persons, vehicles } from "./realism-fixture.js";

const commercial = persons.filter((p) => p.lob_type === "commercial");
const fleetOf = new Map<string, typeof vehicles>();
for (const v of vehicles) {
  if (v.lob_type !== "commercial") continue;
  const list = fleetOf.get(v.person_id) ?? [];
  list.push(v);
  fleetOf.set(v.person_id, list);
}

describe("commercial lines", () => {
  it("run fleets from 1 vehicle to hundreds, a driver holding exactly the one they drive", () => {
    const sizes = commercial.map((p) => fleetOf.get(p.person_id)?.length ?? 0);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(100);
    for (const p of commercial.filter((x) => x.fleet_role === "driver")) expect(fleetOf.get(p.person_id)?.length).toBe(1);
  });

  it("keep each fleet to its archetype's bodies: no tractor in a plumber's fleet of pickups", () => {
    for (const p of commercial) {
      const archetype = ARCHETYPE_BY_NAICS.get(p.naics_code!);
      expect(archetype, p.naics_code!).toBeDefined();
      for (const v of fleetOf.get(p.person_id) ?? []) expect(archetype!.bodies.has(v.body_type), `${archetype!.key}: ${v.body_type}`).toBe(true);
    }
  });

  it("give every business its own name, an industry code, and a USDOT number to carriers", () => {
    expect(new Set(commercial.map((p) => p.business_name)).size).toBe(commercial.length);
    for (const p of commercial) {
      expect(p.naics_code).toMatch(/^\d{6}$/);
      expect(p.usdot_number !== null).toBe(ARCHETYPE_BY_NAICS.get(p.naics_code!)!.usdot);
    }
    const dots = commercial.flatMap((p) => (p.usdot_number ? [p.usdot_number] : []));
    expect(new Set(dots).size).toBe(dots.length);
    for (const p of persons.filter((x) => x.lob_type === "personal")) expect([p.business_name, p.naics_code, p.usdot_number, p.cdl_class]).toEqual([null, null, null, null]);
  });

  it("give tractor drivers a class A CDL and fleet managers none", () => {
    for (const p of commercial) {
      const fleet = fleetOf.get(p.person_id) ?? [];
      if (p.fleet_role === "fleet_manager") expect(p.cdl_class).toBeNull();
      else if (fleet.some((v) => v.body_type === "tractor")) expect(p.cdl_class).toBe("A");
    }
  });
});
