import { describe, expect, it } from "vitest";
import { createBigFleets } from "../../src/generator/big-fleets.js";
import { bundles, config } from "./fixtures.js";

describe("VINs are unique by construction", () => {
  it("in an all-commercial snapshot, where big fleets of up to 400 vehicles are common", () => {
    const c = config({ records: 30_000, settings: { lobMix: { personal: 0, commercial: 1 } } });
    const vehicles = bundles(c).flatMap((b) => b.vehicles);
    const big = createBigFleets(c);
    expect(big.totalExtra).toBeGreaterThan(10_000);
    expect(new Set(vehicles.map((v) => v.vin)).size).toBe(vehicles.length);
  });

  it("numbers big fleets densely: each fleet's extra vehicles follow the fleets ranked before it", () => {
    const c = config({ records: 200_000 });
    const big = createBigFleets(c);
    let expected = 0;
    let fleets = 0;
    for (let slot = 0; slot < c.records; slot++) {
      const fleet = big.ofSlot(slot);
      if (!fleet) continue;
      expect(fleet.rank).toBe(fleets++);
      expect(fleet.offset).toBe(expected);
      expect(fleet.extra).toBeGreaterThan(0);
      expected += fleet.extra;
    }
    expect(expected).toBe(big.totalExtra);
    // An exact share of the persons, spread over the slots: about 1.3% of persons at the default mix.
    expect(fleets).toBe(Math.floor(c.records * big.share));
  });
});
